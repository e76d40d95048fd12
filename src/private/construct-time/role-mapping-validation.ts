import type { IConstruct } from 'constructs';
import { checkUserPoolProviderUrl } from './user-pool-pairing';
import type { IIdentityPool } from '../../identity-pool-interface';
import type { IdentityPoolRoleMapping } from '../../role-mapping';
import { Intrinsic, Stack, Token, Tokenization } from '../cdk/bindings';
import { apiName, configError } from '../messages/errors';
import { warn, WarningId } from '../messages/warnings';
import { definedPoolSettings } from '../synth/facts';
import { checkRoleArn } from '../values/arn';
import {
  configuredProviderNames, describeUrl, providerMatcher, unconfiguredProviderRule, USER_POOL_PROVIDER_PREFIX, USER_POOL_TYPE,
} from '../values/provider-names';
import type { StringRule } from '../values/validate';
import { checkString } from '../values/validate';

/** Identity providers per pool in `RoleMappings`; Cognito cannot raise it. */
const MAX_MAPPED_PROVIDERS = 10;
const MAX_RULES = 25;

/** A `RoleMappings` key, and the provider name a mapping names: 1-128 characters, as the API's map key. */
export const MAPPING_KEY: StringRule = { min: 1, max: 128 };
const PROVIDER_URL: StringRule = { min: 1, max: 128 };

/** `Claim`: 1-64 letters, marks, symbols, digits or punctuation (no spaces or control characters). */
const CLAIM: StringRule = { min: 1, max: 64, pattern: /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, patternText: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+ (no spaces)' };
/** `Value`. */
const CLAIM_VALUE: StringRule = { min: 1, max: 128 };

export const KEY_RULE = 'must be a plain string of 1-128 characters, or a token that resolves to one at synth time: '
  + 'CloudFormation map keys cannot be intrinsic functions';

/** The values of `RoleMappingMatchType`, in its order (a test keeps them equal). */
export const MATCH_TYPES: readonly string[] = ['Equals', 'Contains', 'StartsWith', 'NotEqual'];

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

  const facts = definedPoolSettings(pool);
  if (facts !== undefined && !Token.isUnresolved(url) && !url.startsWith(USER_POOL_PROVIDER_PREFIX)) {
    // Stryker disable next-line ArrayDeclaration: these URLs never start cognito-idp., so no user pool provider's name could match them
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

  if (mapping.resolveAmbiguousRoles === true && !isGroupTokenMapping(mapping)) {
    warn(attachment, WarningId.RESOLVE_AMBIGUOUS_ROLES,
      `${apiName(property)} (${describeUrl(url)}) sets ${apiName('resolveAmbiguousRoles')}: users `
      + `${mapping.useToken ? 'whose token names no single role' : 'whom no rule matches'} `
      + 'silently get the default authenticated role instead of being denied credentials');
  }
}

export function keyClashRule(clash: number): string {
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


/** Marks the Token mappings that user pool group roles create (not enumerable: nothing renders it). */
const GROUP_TOKEN_MAPPING = Symbol.for('cdk-identity-pool.GroupTokenMapping');

/**
 * Marks a Token mapping a group role creates: its ambiguous-role resolution (users in no group
 * get the default authenticated role) is the documented default, not a choice to warn about.
 */
export function markGroupTokenMapping(mapping: IdentityPoolRoleMapping): void {
  Object.defineProperty(mapping, GROUP_TOKEN_MAPPING, { value: true, enumerable: false });
}

function isGroupTokenMapping(mapping: IdentityPoolRoleMapping): boolean {
  return (mapping as unknown as Record<symbol, unknown>)[GROUP_TOKEN_MAPPING] === true;
}
