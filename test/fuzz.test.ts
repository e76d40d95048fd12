/**
 * Property-based tests: generated identity pool configurations, valid and invalid.
 *
 * Each configuration either throws one of our clear errors or synthesizes; a model of the rules,
 * written from the generator's side (it knows which values it broke), predicts which. Every
 * synthesized template is then linted by cfn-lint (the CloudFormation resource schemas), once for
 * all of them, and must have no error and no warning.
 *
 * aws-cdk-lib 2.187 has no synth-time schema validation of its own (the context flag
 * `@aws-cdk/core:validateAgainstDefaultRules` came later), so cfn-lint is the only schema oracle.
 *
 * Knobs: FUZZ_RUNS (default 1000), FUZZ_SEED (default: random, printed), CFN_LINT (path to cfn-lint;
 * default .tools/cfn-lint/bin/cfn-lint, installed by `npx projen install:cfn-lint`).
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Tags } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as fc from 'fast-check';
import type {
  IdentityPoolRoleMapping,
  IUserPoolAuthenticationProvider,
  RoleMappingRule,
} from '../src';
import {
  IdentityPool,
  IdentityPoolProviderUrl,
  RoleMappingMatchType,
  UserPoolAuthenticationProvider,
} from '../src';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CFN_LINT = process.env.CFN_LINT ?? path.join(__dirname, '..', '.tools', 'cfn-lint', 'bin', 'cfn-lint');
const STACK = 'Fuzz';

// ---------------------------------------------------------------------------------------------
// What the generator produces: a plain description, each value tagged with whether it is valid.

interface Tagged<T> {
  readonly value: T;
  readonly ok: boolean;
}

type Social = 'amazon' | 'facebook' | 'google' | 'apple' | 'twitter';
const SOCIAL_DOMAINS: Record<Social, string> = {
  amazon: 'www.amazon.com',
  facebook: 'graph.facebook.com',
  google: 'accounts.google.com',
  apple: 'appleid.apple.com',
  twitter: 'api.twitter.com',
};

type UserPoolSpec =
  | { readonly kind: 'inApp' }
  | { readonly kind: 'imported'; readonly poolId: string; readonly clientId: Tagged<string> };

type OidcSpec = { readonly kind: 'imported'; readonly issuer: string; readonly ok: boolean } | { readonly kind: 'native' };

/** Which provider a mapping names; `pick` chooses among the configured ones of that kind. */
type ProviderChoice =
  | { readonly kind: 'social'; readonly name: Social }
  | { readonly kind: 'socialConfigured'; readonly pick: number }
  | { readonly kind: 'developer' }
  | { readonly kind: 'customOther' }
  | { readonly kind: 'oidc'; readonly pick: number }
  | { readonly kind: 'oidcOther' }
  | { readonly kind: 'saml'; readonly pick: number }
  | { readonly kind: 'userPool'; readonly pick: number }
  | { readonly kind: 'userPoolUnconfigured' }
  | { readonly kind: 'userPoolUrlOther' }
  | { readonly kind: 'scheme' };

interface RuleSpec {
  readonly claim: Tagged<string>;
  readonly value: Tagged<string>;
  readonly matchType: Tagged<string | undefined>;
}

interface MappingSpec {
  readonly provider: ProviderChoice;
  readonly mappingKey?: Tagged<string>;
  readonly useToken: boolean;
  readonly resolveAmbiguousRoles?: boolean;
  readonly rules: readonly RuleSpec[];
}

type RoleKind = 'default' | 'imported' | 'service';

interface PoolSpec {
  readonly region?: string;
  readonly name?: Tagged<string>;
  readonly guests?: boolean;
  readonly classic?: boolean;
  readonly social: Partial<Record<Exclude<Social, 'twitter'>, Tagged<string>>>;
  readonly twitter?: { readonly key: string; readonly secret: string; readonly ok: boolean };
  readonly developer?: Tagged<string>;
  readonly userPools: readonly UserPoolSpec[];
  readonly userPoolsAddedLater: number;
  readonly oidc: readonly OidcSpec[];
  readonly saml: readonly Tagged<string>[];
  readonly authenticatedRole: RoleKind;
  readonly unauthenticatedRole: RoleKind;
  readonly mappings: readonly MappingSpec[];
  readonly mappingsAddedLater: number;
  /** Tags added with `Tags.of(pool)`; `ok` is false when one breaks a limit or there are more than 50. */
  readonly tags: Tagged<readonly (readonly [string, string])[]>;
}

// ---------------------------------------------------------------------------------------------
// Generators. Half the configurations are drawn from valid values only (they may still break a
// rule that spans values, such as mapping a provider twice); the other half mix in invalid ones.

const ok = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<Tagged<T>> => arbitrary.map(value => ({ value, ok: true }));
const bad = <T>(...values: T[]): fc.Arbitrary<Tagged<T>> => fc.constantFrom(...values).map(value => ({ value, ok: false }));
const chars = (alphabet: string, minLength: number, maxLength: number): fc.Arbitrary<string> =>
  fc.string({ unit: fc.constantFrom(...alphabet.split('')), minLength, maxLength });
const WORD = 'abcxyzABCXYZ0189_';

function poolSpecs(mixInvalid: boolean): fc.Arbitrary<PoolSpec> {
  /** Valid values, and with `mixInvalid` sometimes invalid ones. */
  const mostly = <T>(valid: fc.Arbitrary<Tagged<T>>, invalid: fc.Arbitrary<Tagged<T>>): fc.Arbitrary<Tagged<T>> =>
    mixInvalid ? fc.oneof({ arbitrary: valid, weight: 15 }, { arbitrary: invalid, weight: 1 }) : valid;
  /** With `mixInvalid` only, sometimes. */
  const sometimes = <T>(arbitrary: fc.Arbitrary<T>, weight = 1): { arbitrary: fc.Arbitrary<T>; weight: number }[] =>
    mixInvalid ? [{ arbitrary, weight }] : [];

  const poolName = mostly(ok(chars(`${WORD} +=,.@-`, 1, 128)), bad('', 'a/b', 'café', 'x'.repeat(129), 'tab#hash'));
  const loginValue = mostly(ok(chars(`${WORD}.;/-`, 1, 40)), bad('', 'has space', 'a:b', 'v'.repeat(129)));
  const twitter = fc.oneof(
    { arbitrary: fc.record({ key: chars(`${WORD}.-`, 1, 40), secret: chars(`${WORD}.;-`, 1, 60) }).map(v => ({ ...v, ok: true })), weight: 15 },
    ...sometimes(fc.constantFrom({ key: 'a;b', secret: 's' }, { key: 'k', secret: 'has space' }, { key: 'k'.repeat(64), secret: 's'.repeat(64) })
      .map(v => ({ ...v, ok: false }))),
  );
  const developerName = mostly(ok(chars(`${WORD}.-`, 1, 128)), bad('', 'dev provider', 'd'.repeat(129), 'dev:1'));
  const userPool: fc.Arbitrary<UserPoolSpec> = fc.oneof(
    fc.constant({ kind: 'inApp' as const }),
    fc.record({
      kind: fc.constant('imported' as const),
      poolId: fc.constantFrom('us-east-1_aaaaaaaaa', 'us-east-1_bbbbbbbbb'),
      clientId: mostly(ok(fc.constantFrom('client1', 'client2', 'client_3')), bad('client-4', '', 'c'.repeat(129))),
    }),
  );
  const oidc: fc.Arbitrary<OidcSpec> = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('imported' as const), issuer: fc.constantFrom('oidc.example.com', 'login.example.org/tenant') }).map(v => ({ ...v, ok: true })), weight: 12 },
    { arbitrary: fc.constant({ kind: 'native' as const }), weight: 6 },
    ...sometimes(fc.constant({ kind: 'imported' as const, issuer: 'bad.example.com', ok: false })),
  );
  const saml = mostly(ok(fc.constantFrom('corp', 'partner')), bad('wrong-service'));

  const claim = mostly(ok(chars('abcXYZ09:_-.éü', 1, 64)), bad('', 'is admin', 'c'.repeat(65)));
  const claimValue = mostly(ok(fc.string({ minLength: 1, maxLength: 128 })), bad('', 'v'.repeat(129)));
  const matchType = mostly<string | undefined>(ok(fc.constantFrom(undefined, ...Object.values(RoleMappingMatchType))), bad('Equal', 'equals'));
  const rule: fc.Arbitrary<RuleSpec> = fc.record({ claim, value: claimValue, matchType });
  const none: fc.Arbitrary<RuleSpec[]> = fc.constant([]);
  const rules = (useToken: boolean): fc.Arbitrary<RuleSpec[]> => fc.oneof(
    { arbitrary: useToken ? none : fc.array(rule, { minLength: 1, maxLength: 3 }), weight: 15 },
    ...(useToken ? [] : [{ arbitrary: fc.array(rule, { minLength: 24, maxLength: 25 }), weight: 1 }]),
    ...sometimes(useToken ? fc.array(rule, { minLength: 1, maxLength: 2 }) : none),
    ...sometimes(fc.array(rule, { minLength: 26, maxLength: 27 })),
  );
  const providerChoice: fc.Arbitrary<ProviderChoice> = fc.oneof(
    { arbitrary: fc.record({ kind: fc.constant('socialConfigured' as const), pick: fc.nat(4) }), weight: 6 },
    { arbitrary: fc.constant({ kind: 'developer' as const }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('oidc' as const), pick: fc.nat(3) }), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('saml' as const), pick: fc.nat(3) }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('userPool' as const), pick: fc.nat(3) }), weight: 4 },
    { arbitrary: fc.constant({ kind: 'userPoolUnconfigured' as const }), weight: 1 },
    ...sometimes(fc.record({ kind: fc.constant('social' as const), name: fc.constantFrom<Social>('amazon', 'facebook', 'google', 'apple', 'twitter') })),
    ...sometimes(fc.constantFrom<ProviderChoice>({ kind: 'customOther' }, { kind: 'oidcOther' }, { kind: 'userPoolUrlOther' }, { kind: 'scheme' })),
  );
  const mappingKey = mostly(ok(fc.constantFrom('k1', 'k2', 'k3', 'k4')), bad('', 'k'.repeat(129)));
  const mapping = (provider: fc.Arbitrary<ProviderChoice>, key: fc.Arbitrary<Tagged<string> | undefined>): fc.Arbitrary<MappingSpec> =>
    fc.boolean().chain(useToken => fc.record({
      provider,
      mappingKey: key,
      useToken: fc.constant(useToken),
      resolveAmbiguousRoles: fc.option(fc.boolean(), { nil: undefined }),
      rules: rules(useToken),
    }, { requiredKeys: ['provider', 'useToken', 'rules'] }));
  // with invalid values mixed in: any provider, any key (one equal to another mapping's URL clashes)
  const anyMapping = mapping(providerChoice,
    fc.option(fc.oneof({ arbitrary: mappingKey, weight: 10 }, ...sometimes(ok(fc.constant('graph.facebook.com')))), { nil: undefined, freq: 2 }));
  const anyMappings = fc.oneof(
    { arbitrary: fc.array(anyMapping, { maxLength: 4 }), weight: 15 },
    { arbitrary: fc.array(anyMapping, { minLength: 9, maxLength: 10 }), weight: 1 },
    { arbitrary: fc.array(anyMapping, { minLength: 11, maxLength: 12 }), weight: 1 },
  );
  /** Valid values only: each configured provider at most once, keys of their own, and a user pool the pool does not know. */
  const configuredMappings = (spec: Omit<PoolSpec, 'mappings'>): fc.Arbitrary<MappingSpec[]> => {
    const choices: ProviderChoice[] = [
      ...configuredSocial(spec).map((_, pick) => ({ kind: 'socialConfigured' as const, pick })),
      ...(spec.developer ? [{ kind: 'developer' as const }] : []),
      ...spec.oidc.flatMap((o, pick) => (o.kind === 'imported' ? [{ kind: 'oidc' as const, pick: spec.oidc.slice(0, pick).filter(x => x.kind === 'imported').length }] : [])),
      ...spec.saml.map((_, pick) => ({ kind: 'saml' as const, pick })),
      ...spec.userPools.map((_, pick) => ({ kind: 'userPool' as const, pick })),
      { kind: 'userPoolUnconfigured' as const },
    ];
    return fc.shuffledSubarray(choices, { maxLength: Math.min(10, choices.length) }).chain(picked => fc.tuple(...picked.map((choice, index) =>
      mapping(fc.constant(choice), fc.option(fc.constant({ value: `key${index}`, ok: true }), { nil: undefined, freq: 3 })))));
  };
  const roleKind = fc.constantFrom<RoleKind>('default', 'default', 'imported', 'service');
  const tagAlphabet = `${WORD}é :/+-=._@`;
  const tag = fc.tuple(chars(tagAlphabet, 1, 128), chars(tagAlphabet, 0, 256));
  const tags: fc.Arbitrary<Tagged<(readonly [string, string])[]>> = fc.oneof(
    { arbitrary: ok(fc.uniqueArray(tag, { maxLength: 3, selector: ([key]) => key })), weight: 15 },
    ...sometimes(fc.constantFrom<Tagged<(readonly [string, string])[]>>(
      { value: Array.from({ length: 51 }, (_, index) => [`tag${index}`, 'v'] as const), ok: false },
    { value: [['k'.repeat(129), 'v']], ok: false },
    { value: [['team', 'v'.repeat(257)]], ok: false },
    { value: [['team', 'a,b']], ok: false },
    )),
  );

  return fc.record({
    region: fc.constantFrom(undefined, 'us-east-1', 'eu-west-1', 'us-gov-west-1'),
    name: fc.option(poolName, { nil: undefined }),
    guests: fc.option(fc.boolean(), { nil: undefined }),
    classic: fc.option(fc.boolean(), { nil: undefined }),
    social: fc.record({ amazon: loginValue, facebook: loginValue, google: loginValue, apple: loginValue }, { requiredKeys: [] }),
    twitter: fc.option(twitter, { nil: undefined }),
    developer: fc.option(developerName, { nil: undefined }),
    userPools: fc.array(userPool, { maxLength: 3 }),
    userPoolsAddedLater: fc.nat(3),
    oidc: fc.array(oidc, { maxLength: 2 }),
    saml: fc.array(saml, { maxLength: 1 }),
    authenticatedRole: roleKind,
    unauthenticatedRole: roleKind,
    mappingsAddedLater: fc.nat(4),
    tags,
  }, { requiredKeys: ['social', 'userPools', 'userPoolsAddedLater', 'oidc', 'saml', 'authenticatedRole', 'unauthenticatedRole', 'mappingsAddedLater', 'tags'] })
    .chain(base => (mixInvalid ? anyMappings : configuredMappings(base)).map(mappings => ({ ...base, mappings })));
}

const poolSpec: fc.Arbitrary<PoolSpec> = fc.oneof(poolSpecs(false), poolSpecs(true));

// ---------------------------------------------------------------------------------------------
// The model: from the generator's side, which configurations must be rejected.

/** How a mapping's provider URL turns out, as the generator intended it. */
interface ResolvedProvider {
  /** The URL when concrete; undefined for a token URL. */
  readonly url?: string;
  /** Identity of a token URL (same construct, same token string). */
  readonly tokenIdentity?: string;
  /** Whether the URL certainly names no configured provider. */
  readonly certainlyUnconfigured: boolean;
  /** Whether the URL has a scheme. */
  readonly scheme: boolean;
}

function resolveProvider(spec: PoolSpec, choice: ProviderChoice): ResolvedProvider {
  const nativeOidc = spec.oidc.some(o => o.kind === 'native');
  const inAppUserPools = spec.userPools.some(u => u.kind === 'inApp');
  const importedOidc = spec.oidc.filter((o): o is Extract<OidcSpec, { kind: 'imported' }> => o.kind === 'imported');
  const importedUserPools = spec.userPools.filter((u): u is Extract<UserPoolSpec, { kind: 'imported' }> => u.kind === 'imported');
  // a concrete URL is judged unless a provider whose name has tokens could match it: an OpenID
  // Connect provider defined in the app matches anything, a user pool any cognito-idp URL its
  // literal parts allow
  const tokenNamesCouldMatch = (url: string): boolean => nativeOidc
    || (url.startsWith('cognito-idp.') && (inAppUserPools
      || importedUserPools.some(u => spec.region === undefined && url.endsWith(`/${u.poolId}:${u.clientId.value}`))));
  const concrete = (url: string, configured: boolean): ResolvedProvider =>
    ({ url, certainlyUnconfigured: !configured && !tokenNamesCouldMatch(url), scheme: false });
  switch (choice.kind) {
    case 'social': {
      const configured = choice.name === 'twitter' ? spec.twitter !== undefined : spec.social[choice.name] !== undefined;
      return concrete(SOCIAL_DOMAINS[choice.name], configured);
    }
    case 'socialConfigured': {
      const configured = configuredSocial(spec);
      return configured.length > 0 ? concrete(SOCIAL_DOMAINS[configured[choice.pick % configured.length]], true) : concrete('www.amazon.com', false);
    }
    case 'developer':
      return spec.developer ? concrete(spec.developer.value, true) : concrete('dev.example.com', false);
    case 'customOther':
      return concrete('other-provider.example.com', false);
    case 'oidc':
      return importedOidc.length > 0
        ? concrete(importedOidc[choice.pick % importedOidc.length].issuer, true)
        : concrete('oidc.unknown.example.com', false);
    case 'oidcOther':
      return concrete('oidc.unknown.example.com', false);
    case 'saml':
      return spec.saml.length > 0
        ? concrete(samlArn(spec.saml[choice.pick % spec.saml.length], spec.region), true)
        : concrete(`arn:${partitionOf(spec.region)}:iam::123456789012:saml-provider/unknown`, false);
    case 'userPool': {
      if (spec.userPools.length === 0) {
        return concrete('cognito-idp.us-east-1.amazonaws.com/us-east-1_zzzzzzzzz:none', false);
      }
      const index = choice.pick % spec.userPools.length;
      const chosen = spec.userPools[index];
      return chosen.kind === 'inApp'
        ? { tokenIdentity: `userPool${index}`, certainlyUnconfigured: false, scheme: false }
        // an imported user pool's provider name takes the stack's region
        : concrete(`cognito-idp.${spec.region ?? 'us-east-1'}.amazonaws.com/${chosen.poolId}:${chosen.clientId.value}`, true);
    }
    case 'userPoolUnconfigured':
      // A client defined in the app that is no provider: certain once every provider's client is in the app too.
      return { tokenIdentity: 'unconfigured', certainlyUnconfigured: spec.userPools.every(u => u.kind === 'inApp'), scheme: false };
    case 'userPoolUrlOther':
      return concrete('cognito-idp.us-east-1.amazonaws.com/us-east-1_zzzzzzzzz:other', false);
    case 'scheme':
      return { url: 'https://graph.facebook.com', certainlyUnconfigured: false, scheme: true };
  }
}

function configuredSocial(spec: Pick<PoolSpec, 'social' | 'twitter'>): Social[] {
  const social: Social[] = (['amazon', 'facebook', 'google', 'apple'] as const).filter(name => spec.social[name] !== undefined);
  return spec.twitter ? [...social, 'twitter'] : social;
}

function samlArn(name: Tagged<string>, region: string | undefined): string {
  return name.ok
    ? `arn:${partitionOf(region)}:iam::123456789012:saml-provider/${name.value}`
    : `arn:aws:cognito-idp:us-east-1:123456789012:saml-provider/${name.value}`;
}

/** IAM ARNs must be in the partition of the stack's region (checked at synth, in unit tests); the fuzz keeps them there. */
function partitionOf(region: string | undefined): string {
  return region?.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/** Why the configuration must be rejected, or undefined when it must synthesize. */
function expectedRejection(spec: PoolSpec): string | undefined {
  if (spec.name && !spec.name.ok) return 'pool name';
  if (Object.values(spec.social).some(value => !value.ok)) return 'login provider value';
  if (spec.twitter && !spec.twitter.ok) return 'twitter';
  if (spec.developer && !spec.developer.ok) return 'developer provider name';
  if (spec.oidc.some(o => o.kind === 'imported' && !o.ok)) return 'oidc arn';
  if (spec.saml.some(s => !s.ok)) return 'saml arn';
  if (!spec.tags.ok) return 'tags';
  const seenClients = new Set<string>();
  for (const u of spec.userPools) {
    if (u.kind !== 'imported') continue;
    if (!u.clientId.ok) return 'client id';
    const key = `${u.poolId}:${u.clientId.value}`;
    if (seenClients.has(key)) return 'user pool twice';
    seenClients.add(key);
  }
  if (spec.mappings.length > 10) return 'more than 10 mappings';
  const urls = new Set<string>();
  const keys = new Set<string>();
  const explicitKeys = new Set<string>();
  for (const m of spec.mappings) {
    const provider = resolveProvider(spec, m.provider);
    if (provider.scheme) return 'scheme';
    // A concrete user pool URL whose host region is not its pool id's region can never name a user pool.
    const hostAndPool = provider.url === undefined ? null : /^cognito-idp\.([a-z0-9-]+)\.[^/]+\/([a-z0-9-]+)_/.exec(provider.url);
    if (hostAndPool && hostAndPool[1] !== hostAndPool[2]) return 'user pool host region';
    if (m.mappingKey && !m.mappingKey.ok) return 'mapping key';
    if (m.useToken ? m.rules.length > 0 : m.rules.length < 1 || m.rules.length > 25) return 'rule count';
    if (m.rules.some(r => !r.claim.ok || !r.value.ok || !r.matchType.ok)) return 'rule value';
    const urlIdentity = provider.url ?? provider.tokenIdentity!;
    if (urls.has(urlIdentity)) return 'provider mapped twice';
    if (m.mappingKey && explicitKeys.has(m.mappingKey.value)) return 'mapping key twice';
    const key = m.mappingKey?.value ?? provider.url;
    if (key !== undefined && keys.has(key)) return 'key clash';
    urls.add(urlIdentity);
    if (m.mappingKey) explicitKeys.add(m.mappingKey.value);
    if (key !== undefined) keys.add(key);
    if (provider.certainlyUnconfigured) return 'provider not configured';
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Building the app a configuration describes.

function build(spec: PoolSpec, outdir: string): App {
  const app = new App({ outdir });
  const stack = new Stack(app, STACK, { env: spec.region ? { region: spec.region } : undefined });

  const userPoolRefs = spec.userPools.map((u, index) => {
    if (u.kind === 'inApp') {
      const pool = new cognito.UserPool(stack, `UserPool${index}`);
      return { pool: pool as cognito.IUserPool, client: pool.addClient('Client') as cognito.IUserPoolClient };
    }
    return {
      pool: cognito.UserPool.fromUserPoolId(stack, `ImportedUserPool${index}`, u.poolId),
      client: cognito.UserPoolClient.fromUserPoolClientId(stack, `ImportedClient${index}`, u.clientId.value),
    };
  });
  const providers: IUserPoolAuthenticationProvider[] = userPoolRefs.map(ref =>
    new UserPoolAuthenticationProvider({ userPool: ref.pool, userPoolClient: ref.client }));
  const laterUserPools = Math.min(spec.userPoolsAddedLater, providers.length);

  const openIdConnectProviders = spec.oidc.map((o, index) => {
    if (o.kind === 'native') {
      const native = new iam.CfnOIDCProvider(stack, `NativeOidc${index}`, { url: `https://native${index}.example.com`, clientIdList: ['app'] });
      return iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, `Oidc${index}`, native.attrArn);
    }
    const service = o.ok ? 'iam:' : 'sts:';
    return iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, `Oidc${index}`, `arn:${partitionOf(spec.region)}:${service}:123456789012:oidc-provider/${o.issuer}`);
  });
  const samlProviders = spec.saml.map((s, index) => iam.SamlProvider.fromSamlProviderArn(stack, `Saml${index}`, samlArn(s, spec.region)));

  const role = (kind: RoleKind, id: string): iam.IRole | undefined =>
    kind === 'default' ? undefined
      : kind === 'imported' ? iam.Role.fromRoleArn(stack, id, `arn:${partitionOf(spec.region)}:iam::123456789012:role/${id}`)
        : new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });

  const unconfiguredUserPool = new cognito.UserPool(stack, 'UnconfiguredUserPool');
  const unconfiguredClient = unconfiguredUserPool.addClient('Client');
  const sharedMappedRole = new iam.Role(stack, 'SharedMappedRole', { assumedBy: new iam.AccountRootPrincipal() });

  const toMapping = (m: MappingSpec, mappedRole: () => iam.IRole): IdentityPoolRoleMapping => ({
    providerUrl: providerUrl(spec, m.provider, userPoolRefs, { pool: unconfiguredUserPool, client: unconfiguredClient }),
    mappingKey: m.mappingKey?.value,
    useToken: m.useToken,
    resolveAmbiguousRoles: m.resolveAmbiguousRoles,
    rules: m.rules.map((r): RoleMappingRule => ({
      claim: r.claim.value,
      claimValue: r.value.value,
      matchType: r.matchType.value as RoleMappingMatchType | undefined,
      mappedRole: mappedRole(),
    })),
  });

  const laterMappings = Math.min(spec.mappingsAddedLater, spec.mappings.length);
  const firstMappings = spec.mappings.slice(0, spec.mappings.length - laterMappings);
  const identityPool = new IdentityPool(stack, 'Pool', {
    identityPoolName: spec.name?.value,
    allowUnauthenticatedIdentities: spec.guests,
    allowClassicFlow: spec.classic,
    authenticatedRole: role(spec.authenticatedRole, 'AuthRole'),
    unauthenticatedRole: role(spec.unauthenticatedRole, 'UnauthRole'),
    authenticationProviders: {
      amazon: spec.social.amazon && { appId: spec.social.amazon.value },
      facebook: spec.social.facebook && { appId: spec.social.facebook.value },
      google: spec.social.google && { clientId: spec.social.google.value },
      apple: spec.social.apple && { servicesId: spec.social.apple.value },
      twitter: spec.twitter && { consumerKey: spec.twitter.key, consumerSecret: spec.twitter.secret },
      customProvider: spec.developer?.value,
      userPools: providers.slice(0, providers.length - laterUserPools),
      openIdConnectProviders,
      samlProviders,
    },
    roleMappings: firstMappings.map(m => toMapping(m, () => sharedMappedRole)),
  });
  for (const [key, value] of spec.tags.value) {
    Tags.of(identityPool).add(key, value);
  }
  for (const provider of providers.slice(providers.length - laterUserPools)) {
    identityPool.addUserPoolAuthentication(provider);
  }
  let mappedRoles = 0;
  identityPool.addRoleMappings(...spec.mappings.slice(firstMappings.length)
    .map(m => toMapping(m, () => identityPool.addMappedRole(`MappedRole${mappedRoles++}`))));
  return app;
}

function providerUrl(
  spec: PoolSpec,
  choice: ProviderChoice,
  userPools: readonly { pool: cognito.IUserPool; client: cognito.IUserPoolClient }[],
  unconfigured: { pool: cognito.IUserPool; client: cognito.IUserPoolClient },
): IdentityPoolProviderUrl {
  const resolved = resolveProvider(spec, choice);
  if (choice.kind === 'userPool' && resolved.tokenIdentity !== undefined) {
    const ref = userPools[choice.pick % userPools.length];
    return IdentityPoolProviderUrl.userPool(ref.pool, ref.client);
  }
  if (choice.kind === 'userPoolUnconfigured') {
    return IdentityPoolProviderUrl.userPool(unconfigured.pool, unconfigured.client);
  }
  const url = resolved.url!;
  switch (choice.kind) {
    case 'social':
    case 'socialConfigured':
    case 'scheme':
      return IdentityPoolProviderUrl.custom(url);
    case 'oidc':
    case 'oidcOther':
      return IdentityPoolProviderUrl.openId(url);
    case 'saml':
      return IdentityPoolProviderUrl.saml(url);
    case 'userPool':
    case 'userPoolUrlOther':
      return IdentityPoolProviderUrl.userPoolUrl(url);
    default:
      return IdentityPoolProviderUrl.custom(url);
  }
}

// ---------------------------------------------------------------------------------------------
// What counts as one of our clear errors.

/** A construct path rooted at the test stack. */
const OUR_PATH = `${STACK}(/[^\\s:]+)*`;

/** `<property> <rule> (received: <JSON value>)`, one line: a failed validation's message. */
const OUR_VALIDATION = /^\S+ [^\n]+ \(received: [^\n]*\)$/;

/** `<construct path>: <property> <rule> (received: <JSON value>)`, one line: what we throw. */
const OUR_MESSAGE = new RegExp(`^${OUR_PATH}: ${OUR_VALIDATION.source.slice(1)}`);

/**
 * A message we throw, or aws-cdk-lib's list of failed validations that holds only ours: each
 * line is `[<path>] <our validation message>`, the path said once (aws-cdk-lib's prefix).
 */
function isClearError(message: string): boolean {
  if (OUR_MESSAGE.test(message)) {
    return true;
  }
  const [head, ...lines] = message.split('\n');
  return head === 'Validation failed with the following errors:' && lines.length > 0
    && lines.every(line => {
      const match = /^ {2}\[([^\]]+)\] (.*)$/.exec(line);
      return match !== null && new RegExp(`^${OUR_PATH}$`).test(match[1]) && OUR_VALIDATION.test(match[2]) && !match[2].includes(match[1]);
    });
}

// ---------------------------------------------------------------------------------------------

interface LintFinding {
  readonly Filename: string;
  readonly Level: string;
  readonly Message: string;
  readonly Rule: { readonly Id: string };
}

/** Lints the files in a few parallel batches (one per core, at most two): one cfn-lint process each. */
async function cfnLint(files: readonly string[], region: string): Promise<LintFinding[]> {
  const batches = Math.max(1, Math.min(2, os.cpus().length));
  const chunks = Array.from({ length: batches }, (_, batch) => files.filter((_file, index) => index % batches === batch))
    .filter(chunk => chunk.length > 0);
  const results = await Promise.all(chunks.map(chunk => new Promise<LintFinding[]>((resolve, reject) => {
    execFile(CFN_LINT, ['--format', 'json', '--non-zero-exit-code', 'none', '--regions', region, '--', ...chunk],
      { encoding: 'utf-8', maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`cfn-lint failed: ${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout))));
  })));
  return results.flat();
}

/**
 * A template with one schema error that cfn-lint must report (E3012, a string where the schema
 * wants a boolean), so the check cannot pass by cfn-lint finding nothing at all.
 */
function writeCanary(dir: string): string {
  const file = path.join(dir, 'canary.template.json');
  fs.writeFileSync(file, JSON.stringify({
    Resources: { Pool: { Type: 'AWS::Cognito::IdentityPool', Properties: { AllowUnauthenticatedIdentities: 'sometimes' } } },
  }));
  return file;
}

test(`${RUNS} generated configurations: each throws one of our clear errors or synthesizes a template cfn-lint accepts`, async () => {
  // GIVEN
  expect(fs.existsSync(CFN_LINT) ? CFN_LINT : `cfn-lint is missing at ${CFN_LINT}: run \`npx projen install:cfn-lint\` or set CFN_LINT`).toBe(CFN_LINT);
  const started = Date.now();
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'identity-pool-fuzz-'));
  const templates: { file: string; gov: boolean }[] = [];
  const reasons = new Map<string, number>();
  let tried = 0;
  let rejected = 0;

  try {
    // WHEN
    fc.assert(fc.property(poolSpec, spec => {
      tried++;
      const outdir = path.join(workdir, String(tried));
      const expected = expectedRejection(spec);
      let error: unknown;
      try {
        build(spec, outdir).synth();
      } catch (caught) {
        error = caught;
      }
      if (error !== undefined) {
        const message = error instanceof Error ? error.message : String(error);
        if (!isClearError(message)) {
          throw new Error(`not one of our clear errors: ${message}`);
        }
        if (expected === undefined) {
          throw new Error(`rejected a configuration the model accepts: ${message}`);
        }
        rejected++;
        reasons.set(expected, (reasons.get(expected) ?? 0) + 1);
        fs.rmSync(outdir, { recursive: true, force: true });
        return;
      }
      if (expected !== undefined) {
        throw new Error(`synthesized a configuration the model rejects (${expected})`);
      }
      templates.push({ file: path.join(outdir, `${STACK}.template.json`), gov: spec.region?.startsWith('us-gov-') === true });
    }), { numRuns: RUNS, seed: SEED, endOnFailure: true });

    // THEN
    const synthesized = Date.now();
    const canary = writeCanary(workdir);
    const allFindings = [
      ...await cfnLint([canary, ...templates.filter(t => !t.gov).map(t => t.file)], 'us-east-1'),
      ...await cfnLint(templates.filter(t => t.gov).map(t => t.file), 'us-gov-west-1'),
    ];
    expect(allFindings.filter(f => f.Filename === canary).map(f => `${f.Level} ${f.Rule.Id}`)).toContain('Error E3012');
    const findings = allFindings.filter(f => f.Filename !== canary);
    const errors = findings.filter(f => f.Level === 'Error');
    const warnings = findings.filter(f => f.Level === 'Warning');
    const seconds = (at: number, from: number): string => ((at - from) / 1000).toFixed(1);
    console.log([
      `fuzz: seed ${SEED}`,
      `fuzz: ${tried} configurations tried, ${rejected} rejected by us with a clear error, ${templates.length} synthesized and linted`,
      `fuzz: rejected because of ${[...reasons].sort((a, b) => b[1] - a[1]).map(([reason, count]) => `${reason} ${count}`).join(', ')}`,
      `fuzz: cfn-lint found ${errors.length} errors and ${warnings.length} warnings`
        + `${findings.length > 0 ? `: ${[...new Set(findings.map(f => `${f.Rule.Id} ${f.Message}`))].slice(0, 5).join(' | ')}` : ''}`,
      `fuzz: ${seconds(synthesized, started)} s generating and synthesizing, ${seconds(Date.now(), synthesized)} s linting`,
    ].join('\n'));
    expect(tried).toBeGreaterThanOrEqual(RUNS);
    expect(rejected).toBeGreaterThan(0);
    expect(templates.length).toBeGreaterThan(0);
    expect(errors.map(f => `${f.Filename}: ${f.Rule.Id} ${f.Message}`)).toEqual([]);
    expect(warnings.map(f => `${f.Filename}: ${f.Rule.Id} ${f.Message}`)).toEqual([]);
  } finally {
    fs.rmSync(workdir, { recursive: true, force: true });
  }
}, 15 * 60 * 1000);
