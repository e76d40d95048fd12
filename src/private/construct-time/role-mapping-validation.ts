import { Intrinsic, Stack, Token, Tokenization } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { IIdentityPool } from '../../identity-pool-interface';
import type { IdentityPoolRoleAttachmentProps } from '../../role-attachment';
import { IdentityPoolRoleMapping, RoleMappingMatchType } from '../../role-mapping';
import { checkRoleArn } from '../values/arn';
import { apiName, configError, configErrorMessage } from '../messages/errors';
import { registerGuestPermissionsCheck } from '../synth/rules/guest-scope-down';
import { renderSupportedLoginProviders } from '../render/login-providers';
import { PoolFacts, hasPrincipalTags, poolFacts } from '../pool-facts';
import { roleMappingKey } from '../render/role-mapping-render';
import { checkRoleTrust, registerClassicFlowCheck, RoleUse } from '../synth/trust/trust-check';
import { groupRoleUses, warnAboutUserPoolMappings } from '../synth/user-pool-checks';
import { registerUserPoolIndex } from '../synth/tree-index';
import { checkUserPoolProviderUrl } from './user-pool-pairing';
import { checkString, StringRule } from '../values/validate';
import { warn, WarningId } from '../messages/warnings';

/** Identity providers per pool in `RoleMappings`; Cognito cannot raise it. */
const MAX_MAPPED_PROVIDERS = 10;
const MAX_RULES = 25;

/** A `RoleMappings` key, and the provider name a mapping names: 1-128 characters, as the API's map key. */
const MAPPING_KEY: StringRule = { min: 1, max: 128 };
const PROVIDER_URL: StringRule = { min: 1, max: 128 };

/** `Claim`: 1-64 letters, marks, symbols, digits or punctuation (no spaces or control characters). */
const CLAIM: StringRule = { min: 1, max: 64, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, patternText: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+ (no spaces)' };
/** `Value`. */
const CLAIM_VALUE: StringRule = { min: 1, max: 128 };

const KEY_RULE = 'must be a plain string of 1-128 characters, or a token that resolves to one at synth time: '
  + 'CloudFormation map keys cannot be intrinsic functions';

const MATCH_TYPES: readonly string[] = Object.values(RoleMappingMatchType);

/**
 * The providers whose tokens, by the Cognito developer guide, carry no role claims: it lists `iss`,
 * `aud` and `sub` as the claims of Login with Amazon and Facebook, and the standard OpenID Connect
 * claims for Google and Apple; only user pool ID tokens (`cognito:roles`, `cognito:preferred_role`)
 * and SAML assertions (the `https://aws.amazon.com/SAML/Attributes/Role` attribute) pass roles.
 */
const TOKENS_WITHOUT_ROLE_CLAIMS: ReadonlyMap<string, string> = new Map([
  ['www.amazon.com', 'Login with Amazon tokens offer only the iss, aud and sub claims'],
  ['graph.facebook.com', 'Facebook tokens offer only the iss, aud and sub claims'],
  ['accounts.google.com', 'Google tokens carry the standard OpenID Connect claims'],
  ['appleid.apple.com', 'Apple tokens carry the standard OpenID Connect claims'],
]);
const TOKEN_CLAIMS_DOCS = 'https://docs.aws.amazon.com/cognito/latest/developerguide/role-based-access-control.html#token-claims-for-role-based-access-control';

/** A scheme such as `https://`, spelled out in a concrete prefix (a token never starts so). */
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;

/**
 * Checks a role mapping about to join `existing` in the attachment of `pool`, when it is added,
 * so that the error points at the user's call: every concrete value, the number of mappings, the
 * `RoleMappings` key, and a concrete provider URL that no provider of the pool names and none
 * added later could (only user pools can be added later; those URLs are judged at synthesis).
 * Called from `addRoleMappings`, after its own check that no provider is mapped twice.
 */
export function checkRoleMapping(
  attachment: IConstruct,
  pool: IIdentityPool,
  mapping: IdentityPoolRoleMapping,
  existing: readonly IdentityPoolRoleMapping[],
): void {
  const index = existing.length;
  const property = `roleMappings[${index}]`;
  if (index >= MAX_MAPPED_PROVIDERS) {
    configError(attachment, 'roleMappings', `must map at most ${MAX_MAPPED_PROVIDERS} identity providers, a Cognito limit that cannot be raised`, index + 1);
  }

  // Its shape (an IdentityPoolProviderUrl, rules with roles) was checked first (shapes.ts).
  const url = mapping.providerUrl.value;
  const scheme = SCHEME.exec(url);
  if (scheme) {
    configError(attachment, `${property}.providerUrl`, `must name the provider without a scheme, as Cognito does: drop "${scheme[0]}"`, url);
  }
  checkString(attachment, `${property}.providerUrl`, url, PROVIDER_URL);
  if ((mapping.providerUrl.type as string) === USER_POOL_TYPE) {
    checkUserPoolProviderUrl(attachment, `${property}.providerUrl`, url);
  }
  checkString(attachment, `${property}.mappingKey`, mapping.mappingKey, MAPPING_KEY);
  if (mapping.mappingKey !== undefined && Tokenization.reverseString(mapping.mappingKey).tokens.some(token => token instanceof Intrinsic)) {
    configError(attachment, `${property}.mappingKey`, KEY_RULE, Stack.of(attachment).resolve(mapping.mappingKey));
  }

  checkRules(attachment, property, mapping);

  const key = concreteKey(mapping);
  const clash = key === undefined ? -1 : existing.findIndex(other => concreteKey(other) === key);
  if (clash >= 0) {
    configError(attachment, property, keyClashRule(clash), key);
  }

  const facts = poolFacts(pool);
  if (facts !== undefined && !Token.isUnresolved(url) && !url.startsWith(USER_POOL_PROVIDER_PREFIX)) {
    const names = configuredProviderNames(facts, []);
    if (!names.some(name => providerMatcher(name)(url))) {
      configError(attachment, `${property}.providerUrl`, unconfiguredProviderRule(facts), url);
    }
  }

  const withoutRoles = mapping.useToken === true ? TOKENS_WITHOUT_ROLE_CLAIMS.get(url) : undefined;
  if (withoutRoles !== undefined) {
    warn(attachment, WarningId.TOKEN_WITHOUT_ROLE_CLAIMS,
      `${property} (${url}) takes roles from the token (useToken), but ${withoutRoles}, none of them a role (see ${TOKEN_CLAIMS_DOCS}), `
      + `so every user of this provider ${mapping.resolveAmbiguousRoles === true ? 'gets the default authenticated role' : 'is denied credentials'}; `
      + 'use rules on its claims instead, or leave the provider unmapped so its users get the default authenticated role');
  }

  if (mapping.resolveAmbiguousRoles === true) {
    warn(attachment, WarningId.RESOLVE_AMBIGUOUS_ROLES,
      `${apiName(property)} (${describeUrl(url)}) sets ${apiName('resolveAmbiguousRoles')}: users `
      + `${mapping.useToken ? 'whose token names no single role' : 'whom no rule matches'} `
      + 'silently get the default authenticated role instead of being denied credentials');
  }
}

function keyClashRule(clash: number): string {
  return `must have a RoleMappings key of its own, but ${apiName(`roleMappings[${clash}]`)} already has this key; `
    + `set ${apiName('mappingKey')} to tell them apart`;
}

function checkRules(attachment: IConstruct, property: string, mapping: IdentityPoolRoleMapping): void {
  const rules = mapping.rules ?? [];
  if (mapping.useToken === true) {
    if (rules.length > 0) {
      configError(attachment, `${property}.rules`, `must be empty when ${apiName('useToken')} is true: `
        + 'a Token mapping takes roles from the cognito:roles and cognito:preferred_role claims', rules.length);
    }
    return;
  }
  if (rules.length < 1 || rules.length > MAX_RULES) {
    configError(attachment, `${property}.rules`, `must have 1-${MAX_RULES} rules when ${apiName('useToken')} is false`, rules.length);
  }
  rules.forEach((rule, index) => {
    const ruleProperty = `${property}.rules[${index}]`;
    checkString(attachment, `${ruleProperty}.claim`, rule.claim, CLAIM);
    checkString(attachment, `${ruleProperty}.claimValue`, rule.claimValue, CLAIM_VALUE);
    if (rule.matchType !== undefined && !Token.isUnresolved(rule.matchType) && !MATCH_TYPES.includes(rule.matchType)) {
      configError(attachment, `${ruleProperty}.matchType`, `must be one of ${MATCH_TYPES.join(', ')}`, rule.matchType);
    }
    checkRoleArn(attachment, `${ruleProperty}.mappedRole`, rule.mappedRole.roleArn);
  });
}

/** The `RoleMappings` key when it is known now: `mappingKey`, else a concrete provider URL. */
function concreteKey(mapping: IdentityPoolRoleMapping): string | undefined {
  const key = mapping.mappingKey ?? mapping.providerUrl.value;
  return Token.isUnresolved(key) ? undefined : key;
}

/**
 * Registers the attachment's checks that need the whole app, run when it is synthesized: token
 * `mappingKey`s resolve to distinct plain strings, each concrete provider URL names a provider
 * the pool is configured with (providers can be added after mappings), every role the pool
 * hands out trusts it, the roles of user pool groups under Token mappings included, the
 * mappings' user pools do not let users pick their role, and the guest role grants nothing that
 * guest credentials cannot use (warnings; see user-pool-checks.ts and guest-permissions.ts).
 */
export function registerRoleAttachmentChecks(
  attachment: IConstruct,
  props: IdentityPoolRoleAttachmentProps,
  mappings: readonly IdentityPoolRoleMapping[],
): void {
  registerUserPoolIndex(attachment);
  const facts = poolFacts(props.identityPool);
  // The pool's live list of user pool providers: providers can be added after mappings.
  const providers = facts?.userPoolProviders ?? [];
  const roleUses = (): RoleUse[] => [...collectRoleUses(props, mappings), ...groupRoleUses(attachment, mappings, providers)];
  attachment.node.addValidation({
    validate: () => {
      const errors = [...checkKeys(attachment, mappings)];
      if (facts !== undefined) {
        errors.push(...checkProvidersConfigured(facts, mappings));
      }
      warnAboutUserPoolMappings(attachment, mappings, providers);
      checkRoleTrust(attachment, props.identityPool, roleUses(), facts?.allowClassicFlow === true, hasPrincipalTags(props.identityPool));
      return errors;
    },
  });
  if (facts?.allowClassicFlow === true) {
    registerClassicFlowCheck(attachment, props.identityPool, () => roleUses().map(use => use.role));
  } else if (facts !== undefined && props.unauthenticatedRole !== undefined) {
    // Only the enhanced flow scopes guest credentials down; an imported pool's flow is unknown.
    registerGuestPermissionsCheck(attachment, props.unauthenticatedRole);
  }
}

function collectRoleUses(props: IdentityPoolRoleAttachmentProps, mappings: readonly IdentityPoolRoleMapping[]): RoleUse[] {
  const uses: RoleUse[] = [];
  if (props.authenticatedRole) {
    uses.push({ role: props.authenticatedRole, description: 'authenticated default role', identityType: 'authenticated' });
  }
  if (props.unauthenticatedRole) {
    uses.push({ role: props.unauthenticatedRole, description: 'unauthenticated default role', identityType: 'unauthenticated' });
  }
  mappings.forEach((mapping, index) => (mapping.useToken ? [] : mapping.rules ?? []).forEach((rule, ruleIndex) =>
    uses.push({ role: rule.mappedRole, description: `mapped role of roleMappings[${index}].rules[${ruleIndex}]`, identityType: 'authenticated' })));
  return uses;
}

/** Token keys must resolve to plain strings (CloudFormation map keys cannot be intrinsics), and keys must differ. */
function checkKeys(attachment: IConstruct, mappings: readonly IdentityPoolRoleMapping[]): string[] {
  const errors: string[] = [];
  const seen = new Map<string, number>();
  mappings.forEach((mapping, index) => {
    const property = `roleMappings[${index}]`;
    let key: unknown = roleMappingKey(attachment, mapping);
    if (typeof key === 'string' && Token.isUnresolved(key)) {
      key = Stack.of(attachment).resolve(key);
      if (typeof key !== 'string' || key.length < MAPPING_KEY.min || key.length > MAPPING_KEY.max) {
        errors.push(configErrorMessage(`${property}.mappingKey`, KEY_RULE, key));
        return;
      }
    }
    const first = seen.get(key as string);
    if (first !== undefined) {
      errors.push(configErrorMessage(property, keyClashRule(first), key));
    } else {
      seen.set(key as string, index);
    }
  });
  return errors;
}

/**
 * Matches each concrete provider URL against the names of the providers configured on the pool:
 * the social providers' domains (`graph.facebook.com`, ...), `<providerName>:<clientId>` of each
 * user pool provider, the issuer of each OpenID Connect provider (its ARN after
 * `oidc-provider/`), each SAML provider's ARN, and the developer provider name. A configured
 * name that holds tokens matches any URL its literal parts allow (a user pool's, only URLs that
 * start `cognito-idp.`), so the token ARN of an OpenID Connect provider defined in the app
 * matches anything. Fails only when no configured name could match; a token URL is never
 * judged. URLs that cannot name a user pool were judged when added (`checkRoleMapping`).
 */
function checkProvidersConfigured(facts: PoolFacts, mappings: readonly IdentityPoolRoleMapping[]): string[] {
  const userPoolNames = facts.userPoolProviders.map(provider => `${provider.providerName}:${provider.clientId}`);
  const names = configuredProviderNames(facts, userPoolNames);
  const matchers = names.map(name => providerMatcher(name, userPoolNames.includes(name)));
  const errors: string[] = [];
  mappings.forEach((mapping, index) => {
    const url = mapping.providerUrl.value;
    if (Token.isUnresolved(url) || matchers.some(matches => matches(url))) {
      return;
    }
    errors.push(configErrorMessage(`roleMappings[${index}].providerUrl`, unconfiguredProviderRule(facts), url));
  });
  return errors;
}

/**
 * The rule a mapping for an unconfigured provider breaks, listing the configured names, with `*`
 * for the parts known only at deploy time.
 */
function unconfiguredProviderRule(facts: PoolFacts): string {
  const names = configuredProviderNames(facts, facts.userPoolProviders.map(provider => `${provider.providerName}:${provider.clientId}`));
  const configured = names.length > 0 ? names.map(name => JSON.stringify(name.replace(STRING_TOKENS, '*'))).join(', ') : 'none';
  return `must name an identity provider the pool is configured with (configured: ${configured}), `
    + `or Cognito rejects it as "not a configured provider"; add the provider to ${apiName('authenticationProviders')}`;
}

/** The names of the pool's providers: social, user pools (`userPoolNames`), OpenID Connect, SAML, developer. */
function configuredProviderNames(facts: PoolFacts, userPoolNames: readonly string[]): string[] {
  const providers = facts.providers;
  const names = [...Object.keys(renderSupportedLoginProviders(providers) ?? {}), ...userPoolNames];
  for (const provider of providers.openIdConnectProviders ?? []) {
    const arn = provider.openIdConnectProviderArn;
    const marker = arn.indexOf('oidc-provider/');
    names.push(marker >= 0 ? arn.slice(marker + 'oidc-provider/'.length) : arn);
  }
  names.push(...(providers.samlProviders ?? []).map(provider => provider.samlProviderArn));
  if (providers.customProvider !== undefined) {
    names.push(providers.customProvider);
  }
  return names;
}

const USER_POOL_PROVIDER_PREFIX = 'cognito-idp.';
/** `IdentityPoolProviderType.USER_POOL`, the type of `userPool(...)` and `userPoolUrl(...)` URLs. */
const USER_POOL_TYPE = 'UserPool';

/** String tokens as aws-cdk-lib encodes them inside strings. */
const STRING_TOKENS = /\$\{Token\[[a-zA-Z0-9:._-]+\]\}/g;

/**
 * Whether a concrete URL could equal the name, whose tokens may stand for anything; a user pool
 * provider's name always starts `cognito-idp.`, whatever its tokens.
 */
function providerMatcher(name: string, userPool = false): (url: string) => boolean {
  if (!Token.isUnresolved(name)) {
    return url => url === name;
  }
  const literals = name.split(STRING_TOKENS);
  const pattern = new RegExp(`^${literals.map(literal => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*')}$`);
  return url => pattern.test(url) && (!userPool || url.startsWith(USER_POOL_PROVIDER_PREFIX));
}

function describeUrl(url: string): string {
  return Token.isUnresolved(url) ? 'a provider known at deploy time' : url;
}
