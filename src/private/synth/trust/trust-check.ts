import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IConstruct } from 'constructs';
import type { IIdentityPool } from '../../../identity-pool-interface';
import { Role, Stack, Token, Tokenization } from '../../cdk/bindings';
import { apiName, constructorCall } from '../../messages/errors';
import { WarningId } from '../../messages/warnings';
import { COMMERCIAL_PRINCIPAL, cognitoPrincipalForRegion, GOVCLOUD_PRINCIPAL } from '../../values/cognito-principal';
import { produceOnce } from '../../values/produce-once';
import type { RoleUse } from '../facts';
import { keepsDefaultRoleTrust } from '../facts';
import type { Finding } from '../finding';
import { warningAt } from '../finding';

const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';
const TAG_SESSION = 'sts:TagSession';

/**
 * The China regions, where the docs do not settle the principal (checked 2026-12-01): the
 * developer guide on docs.amazonaws.cn shows `cognito-identity.amazonaws.com` in its trust
 * policies, which is what this library renders, but "Getting Started with Amazon Web Services in
 * China" says identity pool tokens there are issued by `cognito-identity.cn-north-1.amazonaws.com.cn`.
 * A role trusting that issuer (with its `aud` and `amr` keys) is therefore accepted as well, and
 * neither form is warned about.
 */
const CHINA_REGIONS = ['cn-north-1', 'cn-northwest-1'];

function chinaIssuer(region: string): string {
  return `cognito-identity.${region}.amazonaws.com.cn`;
}

const ACCESS_DENIED = 'sign-in fails with STS AccessDenied "Not authorized to perform sts:AssumeRoleWithWebIdentity"';

/**
 * Warns, on the role attachment, about every role the pool hands out that is defined in the app
 * (an `iam.Role`; imported roles cannot be read) and does not trust the pool as it must:
 * an Allow statement for `sts:AssumeRoleWithWebIdentity` (alone or in a list, e.g. with
 * `sts:TagSession`) from the federated principal `cognito-identity.amazonaws.com` (in a concrete
 * GovCloud region, `cognito-identity-us-gov.amazonaws.com`), with `<principal>:aud` equal to this
 * pool's id and a `<principal>:amr` condition that admits the identities the role is for.
 * Runs at validation time, when every statement has been added; costs one resolution per role.
 */
export function checkRoleTrust(
  attachment: IConstruct, pool: IIdentityPool, uses: readonly RoleUse[], classicFlow: boolean, sessionTags: boolean,
): Finding[] {
  const findings: Finding[] = [];
  // A role is judged once per identity type; the pool's id and principal once per stack.
  const seen = new Map<IRole, Set<string>>();
  const perStack = new Map<Stack, { readonly services: Services; poolId?: Json }>();
  const inStack = (stack: Stack) => {
    let entry = perStack.get(stack);
    if (entry === undefined) {
      entry = { services: expectedServices(pool, stack) };
      perStack.set(stack, entry);
    }
    return entry;
  };
  const poolIdIn = (stack: Stack): Json => {
    const entry = inStack(stack);
    entry.poolId ??= stack.resolve(pool.identityPoolId);
    return entry.poolId;
  };
  for (const use of uses) {
    const types = seen.get(use.role) ?? new Set<string>();
    if (types.has(use.identityType)) {
      continue;
    }
    seen.set(use.role, types.add(use.identityType));
    if (keepsDefaultRoleTrust(use.role, pool, use.identityType, sessionTags)) {
      continue;
    }
    const services = inStack(Stack.of(use.role)).services;
    // Fast path: a role built with IdentityPoolPrincipal carries this pool's id as the very token
    // string the pool has, so its unresolved statements already show it trusts the pool. Only a
    // role that fails there is judged, and reported, on its resolved statements.
    const unresolved = trustStatements(use.role, false);
    if (unresolved === undefined || trustsPool(unresolved, services, pool.identityPoolId, use.identityType, sessionTags)) {
      continue;
    }
    const resolved = trustStatements(use.role, true);
    const poolId = poolIdIn(Stack.of(use.role));
    if (resolved === undefined || trustsPool(resolved, services, poolId, use.identityType, sessionTags)) {
      continue;
    }
    // trustsPool said no, so trustProblems finds at least one thing wrong (they ask the same questions).
    const problems = trustProblems(resolved, services, poolId, use.identityType, classicFlow, sessionTags);
    findings.push(warningAt(attachment, WarningId.ROLE_TRUST,
      `The role ${use.role.node.path} (${use.description}) ${problems.join('; and it ')}; trust the pool with `
      + constructorCall('IdentityPoolPrincipal', `pool, IdentityPoolIdentityType.${use.identityType.toUpperCase()}`)
      + (sessionTags ? `.${apiName('withSessionTags')}()` : '')));
  }
  return findings;
}

/**
 * Whether the statements trust the pool as they must: what `trustProblems` finds nothing wrong
 * with, decided without writing its sentences (it runs for every pool and role it hands out).
 */
function trustsPool(statements: readonly Json[], services: Services, poolId: Json, identityType: string, sessionTags: boolean): boolean {
  const summary = trustSummary(statements, services, identityType);
  return summary.audValues.some(values => values.equals(poolId)) && (!sessionTags || summary.tagSession);
}

/**
 * What `trustsPool` asks of a role's statements for one principal and identity type, whatever
 * the pool: the `aud` values of the statements that allow the web identity action with an `amr`
 * condition right for that type, and whether a statement allows `sts:TagSession`. A mapped role
 * shared by every pool of a stack is summarized once, then answers each pool with a lookup.
 */
interface TrustSummary {
  readonly audValues: readonly ConditionValues[];
  readonly tagSession: boolean;
}

const trustSummaries = new WeakMap<readonly Json[], Map<string, TrustSummary>>();

function trustSummary(statements: readonly Json[], services: Services, identityType: string): TrustSummary {
  // Stryker disable next-line StringLiteral: no two lists of principals join to the same string without the comma
  const cacheKey = `${services.expected.join(',')}|${identityType}`;
  let perKey = trustSummaries.get(statements);
  // Stryker disable next-line ConditionalExpression: a memo; a new map only forgets what was computed
  if (perKey === undefined) {
    perKey = new Map();
    trustSummaries.set(statements, perKey);
  }
  let summary = perKey.get(cacheKey);
  // Stryker disable next-line ConditionalExpression: a memo; summarizing again gives the same summary
  if (summary === undefined) {
    const audValues: ConditionValues[] = [];
    for (const statement of statements) {
      if (!allowsWebIdentity(statement, services)) {
        continue;
      }
      const amr = conditionValues(statement, services, 'amr');
      const aud = conditionValues(statement, services, 'aud');
      if (aud !== undefined && amr !== undefined && amr.admits('unauthenticated') === (identityType === 'unauthenticated')) {
        audValues.push(aud);
      }
    }
    summary = { audValues, tagSession: statements.some(statement => allowsAction(statement, services, TAG_SESSION)) };
    perKey.set(cacheKey, summary);
  }
  return summary;
}

function trustProblems(
  statements: readonly Json[], services: Services, poolId: Json, identityType: string, classicFlow: boolean, sessionTags: boolean,
): string[] {
  const problems = assessTrust(statements, services, poolId, identityType, classicFlow);
  if (sessionTags && !statements.some(statement => allowsAction(statement, services, TAG_SESSION))) {
    problems.push(`does not allow ${TAG_SESSION} to ${services.expected[0]}, but this pool passes principal tags (IdentityPoolPrincipalTags), `
      + `so ${ACCESS_DENIED}`);
  }
  return problems;
}

export type Json = any;

/** What is read of one role's trust, at one statement count. */
interface TrustEntry {
  readonly statementCount: number;
  readonly unresolved: Json[];
  /** The resolved statements; null when they cannot be resolved. */
  resolved?: Json[] | null;
  /** Whether the unresolved statements are concrete where `statementsByShape` reads them. */
  concreteShape?: boolean;
}

/**
 * Trust statements, per role, unresolved and resolved, with the statement count they were read
 * at. A role handed out by many pools (a mapped role shared by every pool of a stack) is read
 * once, not once per pool. Statements are frozen once their document resolves, so only a
 * statement added later can change the result, and that changes the count.
 */
const trustCache = new WeakMap<Role, TrustEntry>();

function trustEntry(role: IRole): TrustEntry | undefined {
  if (!Role.isRole(role) || role.assumeRolePolicy === undefined) {
    return undefined;
  }
  const document = role.assumeRolePolicy;
  let cached = trustCache.get(role);
  if (cached === undefined || cached.statementCount !== document.statementCount) {
    cached = {
      statementCount: document.statementCount,
      unresolved: asList(document.toJSON()?.Statement).map(statement => expandListTokens(statement, role)),
    };
    trustCache.set(role, cached);
  }
  return cached;
}

function resolvedStatements(role: IRole, cached: TrustEntry): Json[] | undefined {
  if (cached.resolved === undefined) {
    // The statements' tokens, not the document: resolving a PolicyDocument also merges and
    // post-processes it for the template, which the template's own synthesis does anyway.
    try {
      cached.resolved = asList(Stack.of(role).resolve(cached.unresolved));
    } catch {
      cached.resolved = null;
    }
  }
  return cached.resolved ?? undefined;
}

/**
 * The statements of a role defined in the app, resolved (intrinsics) or not (token strings);
 * undefined when they cannot be read.
 */
export function trustStatements(role: IRole, resolve = true): Json[] | undefined {
  const cached = trustEntry(role);
  if (cached === undefined) {
    return undefined;
  }
  return resolve ? resolvedStatements(role, cached) : cached.unresolved;
}

/**
 * The statements of a role defined in the app, read as cheaply as rules that look at who may
 * assume it (Effect, Principal, Action) and at its condition keys can take them: unresolved
 * when all of those are concrete there (the library's roles, and most others), resolved when
 * any is a token. Condition values may stay tokens either way.
 */
export function statementsByShape(role: IRole): Json[] | undefined {
  const cached = trustEntry(role);
  if (cached === undefined) {
    return undefined;
  }
  cached.concreteShape ??= cached.unresolved.every(concreteShape);
  return cached.concreteShape ? cached.unresolved : resolvedStatements(role, cached);
}

/** PolicyStatement accepts only maps (or tokens) as condition blocks, so a concrete block is a map. */
function concreteShape(statement: Json): boolean {
  const principal = statement.Principal;
  const condition = statement.Condition;
  return concrete(statement.Effect)
    && (principal === undefined || (concrete(principal) && Object.values<Json>(principal).every(value => asList(value).every(concrete))))
    && asList(statement.Action).every(concrete)
    && (condition === undefined || (concrete(condition) && Object.entries<Json>(condition).every(([operator, block]) =>
      concrete(operator) && concrete(block) && Object.keys(block).every(concrete))));
}

/** Not a token: a token string, list or number, or an object that resolves to something else. */
function concrete(value: Json): boolean {
  return !Token.isUnresolved(value);
}

/**
 * A statement whose condition values that are list tokens (such as a `Lazy.list` of pool ids
 * built before the pools) are replaced by what they produce, one level down: the pool ids stay
 * the token strings the pools have, so the fast path can compare them without resolving the
 * whole policy. Whatever cannot be expanded so stays as it is, for the resolved path to judge.
 */
function expandListTokens(statement: Json, scope: IConstruct): Json {
  if (statement.Condition === undefined) {
    return statement;
  }
  const condition: Record<string, Json> = {};
  for (const [operator, block] of Object.entries<Json>(statement.Condition)) {
    // PolicyStatement accepts only maps and tokens as condition blocks. A block that is itself a
    // token (a Lazy map) is not a map of keys yet: the resolved path reads it.
    if (Token.isUnresolved(block)) {
      condition[operator] = block;
      continue;
    }
    condition[operator] = Object.fromEntries(Object.entries<Json>(block).map(([key, value]) => [key, expandListToken(value, scope)]));
  }
  return { ...statement, Condition: condition };
}

function expandListToken(value: Json, scope: IConstruct): Json {
  if (!Array.isArray(value)) {
    return value;
  }
  // Undefined for a concrete list.
  const resolvable = Tokenization.reverseList(value);
  if (resolvable === undefined) {
    return value;
  }
  try {
    const produced = produceOnce(resolvable, scope);
    return Array.isArray(produced) && produced.every(item => typeof item === 'string') ? produced : value;
  } catch {
    return value;
  }
}

/** Every principal an identity pool may sign in through, when the region is not known. */
export const ANY_PRINCIPAL: readonly string[] = [COMMERCIAL_PRINCIPAL, GOVCLOUD_PRINCIPAL, ...CHINA_REGIONS.map(chinaIssuer)];

export interface Services {
  /**
   * The principals that may sign identities of this pool in, the one rendered first: one when
   * the region is known (two in China), every one when it is not.
   */
  readonly expected: readonly string[];
  /** The principal of the other partition, when the region is known. */
  readonly other?: string;
  readonly region?: string;
}

/**
 * The pool's region (else the role's stack's) decides the principal; when neither is concrete,
 * either principal is accepted.
 */
export function expectedServices(pool: IIdentityPool, roleStack: Stack): Services {
  const region = [pool.env.region, roleStack.region].find(candidate => !Token.isUnresolved(candidate));
  if (region === undefined) {
    return { expected: ANY_PRINCIPAL };
  }
  const service = cognitoPrincipalForRegion(region);
  const expected = region.startsWith('cn-') ? [service, chinaIssuer(region)] : [service];
  return { expected, other: service === GOVCLOUD_PRINCIPAL ? COMMERCIAL_PRINCIPAL : GOVCLOUD_PRINCIPAL, region };
}

function assessTrust(statements: readonly Json[], services: Services, poolId: Json, identityType: string, classicFlow: boolean): string[] {
  const service = services.expected[0];
  const candidates = statements.filter(statement => allowsWebIdentity(statement, services));
  if (candidates.length === 0) {
    const otherPartition = statements.some(statement => allowsWebIdentity(statement, { expected: asList(services.other) }));
    if (otherPartition) {
      return [`trusts ${services.other}, but identity pools in ${services.region} sign in through ${service}, so ${ACCESS_DENIED}`];
    }
    return [`does not trust this identity pool: no statement of its trust policy allows ${WEB_IDENTITY} to the federated principal ${service}, `
      + `so ${ACCESS_DENIED}`];
  }
  // The statement with the fewest problems (the first of those) is the one the user meant.
  return candidates
    .map(statement => statementProblems(statement, services, poolId, identityType, classicFlow))
    .reduce((best, problems) => problems.length < best.length ? problems : best);
}

function statementProblems(statement: Json, services: Services, poolId: Json, identityType: string, classicFlow: boolean): string[] {
  const service = services.expected[0];
  const problems: string[] = [];
  const aud = audIs(statement, services, poolId);
  if (aud === 'missing') {
    problems.push(`has no ${service}:aud condition (StringEquals, this pool's id) in its trust policy, so identities of any identity pool, `
      + 'in any account, could assume it (and IAM refuses such a trust policy)');
  } else if (aud === 'other') {
    problems.push(`has a ${service}:aud condition that does not name this identity pool, so this pool's identities cannot assume it: `
      + ACCESS_DENIED);
  }
  const amr = conditionValues(statement, services, 'amr');
  if (amr === undefined) {
    problems.push(`has no ${service}:amr condition (ForAnyValue:StringLike, "${identityType}") in its trust policy, so `
      + (classicFlow
        ? `with the classic flow on (${apiName('allowClassicFlow')}) any identity of this pool, guests included, can get its credentials `
          + 'by calling STS directly'
        : identityType === 'authenticated'
          ? 'guests (unauthenticated identities) of this pool could assume it'
          : 'any identity of this pool could assume it'));
  } else if (identityType === 'unauthenticated' && !amr.admits('unauthenticated')) {
    problems.push(`has a ${service}:amr condition that does not admit "unauthenticated", so guests' ${ACCESS_DENIED}`);
  } else if (identityType === 'authenticated' && amr.admits('unauthenticated')) {
    problems.push(`has a ${service}:amr condition that admits "unauthenticated", so guests of this pool could assume it`);
  }
  return problems;
}

/** An Allow statement from one of the expected principals, for `sts:AssumeRoleWithWebIdentity`. */
export function allowsWebIdentity(statement: Json, services: Pick<Services, 'expected'>): boolean {
  return allowsAction(statement, services, WEB_IDENTITY);
}

/** An Allow statement from one of the expected principals, for the action (wildcards count). */
function allowsAction(statement: Json, services: Pick<Services, 'expected'>, wantedAction: string): boolean {
  if (statement?.Effect !== 'Allow') {
    return false;
  }
  const federated = asList(statement.Principal?.Federated);
  if (!federated.some(principal => services.expected.includes(principal))) {
    return false;
  }
  return asList(statement.Action).some(action => typeof action === 'string' && glob(action, true).test(wantedAction));
}

export function audIs(statement: Json, services: Pick<Services, 'expected'>, poolId: Json): 'missing' | 'match' | 'other' {
  const values = conditionValues(statement, services, 'aud');
  if (values === undefined) {
    return 'missing';
  }
  return values.equals(poolId) ? 'match' : 'other';
}

/** One value of a condition, with the operator's way of comparing. */
interface ConditionValue {
  /** Whether the value admits the given string (wildcards with Like, case with IgnoreCase). */
  admits(candidate: string): boolean;
  /** Whether the value is, or admits, the given resolved value. */
  equals(resolved: Json): boolean;
}

/**
 * The values of the string conditions on one key. Exact (StringEquals) values sit in a set, so a
 * shared role whose `aud` lists every pool of a stack answers each pool in constant time.
 */
class ConditionValues {
  private readonly exact = new Set<string>();
  private readonly patterns: ConditionValue[] = [];

  public add(operator: string, value: Json): void {
    // Stryker disable next-line Regex: parseConditionValues passes only operators its anchored pattern accepts, and the same of them end in StringEquals
    if (/^(ForAnyValue:|ForAllValues:)?StringEquals$/.test(operator)) {
      this.exact.add(JSON.stringify(value));
    } else {
      this.patterns.push(conditionValue(operator, value));
    }
  }

  /** Whether some value admits the given string. */
  public admits(candidate: string): boolean {
    return this.exact.has(JSON.stringify(candidate)) || this.patterns.some(value => value.admits(candidate));
  }

  /** Whether some value is, or admits, the given resolved value. */
  public equals(resolved: Json): boolean {
    return this.exact.has(JSON.stringify(resolved)) || this.patterns.some(value => value.equals(resolved));
  }
}

/**
 * The values of every string condition on `<principal>:<key>` (keys are case-insensitive), or
 * undefined when there is none.
 */
export function conditionValues(statement: Json, services: Pick<Services, 'expected'>, key: string): ConditionValues | undefined {
  // Resolved statements are cached per role (see trustStatements), so their parsed conditions can be too.
  // Stryker disable next-line StringLiteral: no two lists of principals join to the same string without the comma
  const cacheKey = `${services.expected.join(',')}|${key}`;
  let parsed = parsedConditions.get(statement);
  // Stryker disable next-line ConditionalExpression: a memo; a new map only forgets what was parsed
  if (parsed === undefined) {
    parsed = new Map();
    parsedConditions.set(statement, parsed);
  }
  // Stryker disable next-line ConditionalExpression: a memo; parsing again gives the same values
  if (!parsed.has(cacheKey)) {
    parsed.set(cacheKey, parseConditionValues(statement, services, key));
  }
  return parsed.get(cacheKey);
}

const parsedConditions = new WeakMap<object, Map<string, ConditionValues | undefined>>();

function parseConditionValues(statement: Json, services: Pick<Services, 'expected'>, key: string): ConditionValues | undefined {
  const wanted = services.expected.map(service => `${service}:${key}`.toLowerCase());
  let values: ConditionValues | undefined;
  for (const [operator, block] of Object.entries<Json>(statement.Condition ?? {})) {
    if (!/^(ForAnyValue:|ForAllValues:)?String(Equals|Like)(IgnoreCase)?$/.test(operator)) {
      continue;
    }
    // A block that is not a map has no keys to match.
    for (const [conditionKey, raw] of Object.entries<Json>(block ?? {})) {
      if (wanted.includes(conditionKey.toLowerCase())) {
        values ??= new ConditionValues();
        for (const value of asList(raw)) {
          values.add(operator, value);
        }
      }
    }
  }
  return values;
}

/**
 * A value of a StringLike or IgnoreCase operator (ConditionValues keeps the exact, case-sensitive
 * ones in its set): a wildcard pattern, or a string compared without case.
 */
function conditionValue(operator: string, value: Json): ConditionValue {
  const ignoreCase = operator.endsWith('IgnoreCase');
  const pattern = typeof value === 'string' && operator.includes('Like') ? glob(value, ignoreCase) : undefined;
  const matches = (candidate: string): boolean => typeof value === 'string'
    && (pattern ? pattern.test(candidate) : value.toLowerCase() === candidate.toLowerCase());
  let json: string | undefined;
  return {
    admits: matches,
    equals: resolved => typeof resolved === 'string'
      ? matches(resolved)
      : (json ??= JSON.stringify(value)) === JSON.stringify(resolved),
  };
}

const globs = new Map<string, RegExp>();

/** An IAM wildcard pattern (`*`, `?`) as an anchored RegExp, compiled once per pattern. */
function glob(pattern: string, ignoreCase: boolean): RegExp {
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let regexp = globs.get(cacheKey);
  // Stryker disable next-line ConditionalExpression: a memo; compiling again gives the same RegExp
  if (regexp === undefined) {
    const source = pattern.split('').map(character =>
      character === '*' ? '.*' : character === '?' ? '.' : character.replace(/[.+^${}()|[\]\\]/g, '\\$&')).join('');
    regexp = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    globs.set(cacheKey, regexp);
  }
  return regexp;
}

function asList(value: Json): Json[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}
