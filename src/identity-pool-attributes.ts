import type { IRole } from 'aws-cdk-lib/aws-iam';

/**
 * An identity pool made elsewhere, with the roles it hands out, for
 * `IdentityPool.fromIdentityPoolAttributes`. Give the pool's id or its ARN, not both.
 */
export interface IdentityPoolAttributes {
  /**
   * The pool's id, `<region>:<guid>`. Its ARN takes the region from the id, and the partition
   * and account from the stack.
   * @default - taken from `identityPoolArn`, which must then be given
   */
  readonly identityPoolId?: string;

  /**
   * The pool's ARN, for a pool in another account.
   * @default - built from `identityPoolId`, which must then be given
   */
  readonly identityPoolArn?: string;

  /**
   * The pool's name.
   * @default - the pool's id
   */
  readonly identityPoolName?: string;

  /**
   * The pool's default role of authenticated identities, such as
   * `iam.Role.fromRoleArn(this, 'AuthRole', arn)`. Grants to it work as to any role.
   */
  readonly authenticatedRole: IRole;

  /**
   * The pool's default role of guests.
   * @default - the pool has none: `hasUnauthenticatedRole` is false, and reading
   * `unauthenticatedRole` throws
   */
  readonly unauthenticatedRole?: IRole;

  /**
   * The roles the pool's role mappings hand out (rule-based mappings, user pool groups).
   * Roles defined in the app are checked to trust the pool, like a created pool's; with
   * `verifyRoles`, the deployed mappings must name each of them.
   * @default - no mapped roles are known
   */
  readonly mappedRoles?: IRole[];

  /**
   * Check at deploy time that the pool's roles are the ones given: a custom resource calls
   * `DescribeIdentityPool` and `GetIdentityPoolRoles` and fails the deployment when the
   * authenticated or unauthenticated role differs, or a mapped role is not in the pool's role
   * mappings. This adds a Lambda function (Node.js, one per stack) and its role to the stack,
   * allowed only those two calls on this pool. It checks when the resource is created and
   * whenever the given roles change, not on every deployment. The pool must be in the stack's
   * account, since Cognito's API reads no other account's pools.
   * @default false - nothing is checked at deploy time, and no Lambda function is added
   */
  readonly verifyRoles?: boolean;
}
