import { Annotations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

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
  /** An imported pool's id is not hexadecimal after its region, so it names no real pool. */
  POOL_ID_NOT_HEX: 'cdk-identity-pool:poolIdNotHex',
} as const;

/**
 * Adds an acknowledgeable warning. aws-cdk-lib adds ` [ack: <id>]` to the message.
 *
 * Warnings found at validation time go on a child of the identity pool (its role attachment),
 * not on the pool itself: aws-cdk-lib looks up an acknowledgement made before the warning only
 * on the construct's scopes, so a later warning on the pool would ignore
 * `Annotations.of(pool).acknowledgeWarning(id)`.
 */
export function warn(scope: IConstruct, id: string, message: string): void {
  Annotations.of(scope).addWarningV2(id, message);
}
