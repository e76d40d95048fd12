import type { IConstruct } from 'constructs';
import { Annotations } from '../cdk/bindings';

/**
 * The ids of the library's warnings, acknowledged with `Annotations.of(scope).acknowledgeWarning(id)`
 * (the id itself, not the CLI's `Annotation::<id>`): once raised, on the construct that carries it
 * or any scope above; before, on a scope between the app and that construct (aws-cdk-lib 2.187
 * looks neither at the construct itself nor at the app then). The README shows each way.
 */
export const WarningId = {
  /** Guest (unauthenticated) identities get credentials. */
  GUEST_ACCESS: 'cdk-identity-pool:guestAccess',
  /** The classic (basic) authentication flow is on. */
  CLASSIC_FLOW: 'cdk-identity-pool:classicFlow',
  /** A role mapping gives unmatched users the default authenticated role. */
  RESOLVE_AMBIGUOUS_ROLES: 'cdk-identity-pool:resolveAmbiguousRoles',
  /** A role the pool hands out does not trust the pool as it must. */
  ROLE_TRUST: 'cdk-identity-pool:roleTrust',
  /** A guest role grants actions that the scope-down policy of guest credentials denies. */
  GUEST_SCOPE_DOWN: 'cdk-identity-pool:guestScopeDown',
  /** More user pool providers than Cognito's default (adjustable) quota. */
  USER_POOL_PROVIDER_QUOTA: 'cdk-identity-pool:userPoolProviderQuota',
  /** Two user pool groups whose roles a Token mapping hands out share a precedence but not a role. */
  GROUP_PRECEDENCE: 'cdk-identity-pool:groupPrecedence',
  /** A rule of a Rules mapping tests a user pool attribute that users can write themselves. */
  USER_WRITABLE_CLAIM: 'cdk-identity-pool:userWritableClaim',
  /** A Token mapping for a provider whose tokens carry no role claims. */
  TOKEN_WITHOUT_ROLE_CLAIMS: 'cdk-identity-pool:tokenWithoutRoleClaims',
  /** A role the pool hands out conditions its trust on the network, which the enhanced flow makes Cognito's. */
  NETWORK_TRUST_CONDITION: 'cdk-identity-pool:networkTrustCondition',
  /** A Token mapping that hands out user pool group roles denies users in no group. */
  USERS_IN_NO_GROUP_DENIED: 'cdk-identity-pool:usersInNoGroupDenied',
  /** An imported pool's id is not hexadecimal after its region, so it names no real pool. */
  POOL_ID_NOT_HEX: 'cdk-identity-pool:poolIdNotHex',
} as const;

/** When a warning is raised: as the construct is built, or by a synth rule (`src/private/synth/rules`). */
export type WarningPhase = 'construction' | 'synthesis';

/** One warning of the catalogue. */
export interface WarningEntry {
  readonly id: string;
  readonly phase: WarningPhase;
  /** The construct that carries it, in words. */
  readonly on: string;
  /** When it is raised, in one line. */
  readonly when: string;
}

/**
 * Every warning the library raises, with its phase, where it goes and when: the README's table
 * of warnings is this list (a test keeps them equal).
 */
export const WARNING_CATALOGUE: readonly WarningEntry[] = [
  { id: WarningId.GUEST_ACCESS, phase: 'construction', on: 'the pool', when: '`allowUnauthenticatedIdentities` is on' },
  {
    id: WarningId.CLASSIC_FLOW,
    phase: 'construction',
    on: 'the pool',
    when: '`allowClassicFlow` is on: clients can assume any role that trusts the pool, bypassing role mappings',
  },
  {
    id: WarningId.RESOLVE_AMBIGUOUS_ROLES,
    phase: 'construction',
    on: 'the role attachment',
    when: 'a mapping gives unmatched users the default authenticated role',
  },
  {
    id: WarningId.TOKEN_WITHOUT_ROLE_CLAIMS,
    phase: 'construction',
    on: 'the role attachment',
    when: 'a Token mapping for Amazon, Facebook, Google or Apple, whose tokens carry no role claims',
  },
  { id: WarningId.USER_POOL_PROVIDER_QUOTA, phase: 'construction', on: 'the pool', when: 'more than 50 user pool providers (an adjustable quota)' },
  {
    id: WarningId.USERS_IN_NO_GROUP_DENIED,
    phase: 'construction',
    on: 'the user pool group role',
    when: 'the Token mapping that hands out a group\'s role resolves ambiguous roles with Deny, so users in no group get no credentials',
  },
  {
    id: WarningId.POOL_ID_NOT_HEX,
    phase: 'construction',
    on: 'the imported pool',
    when: 'an imported pool\'s id is not lowercase hexadecimal after its region, so it names no real pool',
  },
  {
    id: WarningId.ROLE_TRUST,
    phase: 'synthesis',
    on: 'the role attachment (an imported pool\'s `RoleTrust`)',
    when: 'a role the pool hands out, or any role trusting a classic-flow pool, does not trust the pool with `aud` = this pool and the right '
      + '`amr`, or lacks `sts:TagSession` while the pool passes principal tags',
  },
  {
    id: WarningId.NETWORK_TRUST_CONDITION,
    phase: 'synthesis',
    on: 'the role attachment',
    when: 'a role the pool hands out conditions its trust on `aws:SourceIp`, `aws:SourceVpc` or `aws:SourceVpce` while the classic flow is off: '
      + 'Cognito calls STS itself, so the condition sees Cognito\'s network',
  },
  {
    id: WarningId.GUEST_SCOPE_DOWN,
    phase: 'synthesis',
    on: 'the role attachment',
    when: 'a statement of the guest role grants actions that enhanced-flow guest credentials can never use',
  },
  {
    id: WarningId.GROUP_PRECEDENCE,
    phase: 'synthesis',
    on: 'the role attachment',
    when: 'two groups of a user pool that a Token mapping names have the same precedence and different roles',
  },
  {
    id: WarningId.USER_WRITABLE_CLAIM,
    phase: 'synthesis',
    on: 'the role attachment',
    when: 'a rule tests a user pool attribute that users of the app client can write themselves',
  },
];

/** aws-cdk-lib's switch for annotation stack traces, read when `Annotations.of` is called. */
const DISABLE_STACK_TRACE_ENV = 'CDK_DISABLE_STACK_TRACE';

/** aws-cdk-lib's debug mode (`cdk synth --debug` sets it); the values its `debugModeEnabled` accepts. */
const DEBUG_ENV = 'CDK_DEBUG';
const TRUTHY = new Set(['1', 'on', 'true']);

/** Whether aws-cdk-lib runs in debug mode, as its own `debugModeEnabled` reads it. */
export function debugMode(): boolean {
  const value = process.env[DEBUG_ENV];
  return value !== undefined && TRUTHY.has(value.toLowerCase());
}

/**
 * Adds an acknowledgeable warning. aws-cdk-lib adds ` [ack: <id>]` to the message.
 *
 * Stack traces: the warning carries the stack trace of the code that raised it only in debug mode
 * (`CDK_DEBUG`, which `cdk synth --debug` sets), the rule aws-cdk-lib keeps for the trace of a
 * construct's logical id, and then only where aws-cdk-lib's own setting allows traces. `cdk synth`
 * without `--debug` turns traces off anyway, so the CLI shows the same either way; elsewhere (unit
 * tests, `Template.fromStack`) aws-cdk-lib would capture one for every annotation, which nothing
 * there reads, and formatting it costs some 250-550 µs under ts-node or jest: about 3% of building
 * and synthesizing a pool that raises one warning. `Annotations` reads its switch, the
 * `CDK_DISABLE_STACK_TRACE` environment variable, when it is made, so the variable is set for
 * that call only and put back at once.
 *
 * Warnings found at validation time go on a child of the identity pool (its role attachment),
 * not on the pool itself: aws-cdk-lib looks up an acknowledgement made before the warning only
 * on the construct's scopes, so a later warning on the pool would ignore
 * `Annotations.of(pool).acknowledgeWarning(id)`.
 */
export function warn(scope: IConstruct, id: string, message: string): void {
  annotationsOf(scope).addWarningV2(id, message);
}

/** `Annotations.of(scope)`, with stack traces off unless in debug mode (see `warn`). */
function annotationsOf(scope: IConstruct): Annotations {
  if (debugMode()) {
    return Annotations.of(scope);
  }
  const previous = process.env[DISABLE_STACK_TRACE_ENV];
  process.env[DISABLE_STACK_TRACE_ENV] = '1';
  try {
    return Annotations.of(scope);
  } finally {
    if (previous === undefined) {
      delete process.env[DISABLE_STACK_TRACE_ENV];
    } else {
      process.env[DISABLE_STACK_TRACE_ENV] = previous;
    }
  }
}
