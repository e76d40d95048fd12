import type { Duration } from 'aws-cdk-lib';
import type { IManagedPolicy, PolicyDocument } from 'aws-cdk-lib/aws-iam';

/**
 * Options for a role created by `IdentityPool.addMappedRole`.
 */
export interface MappedRoleOptions {
  /**
   * The role's physical name.
   * @default - CloudFormation generates a name
   */
  readonly roleName?: string;

  /**
   * A description of the role.
   * @default - no description
   */
  readonly description?: string;

  /**
   * Managed policies attached to the role.
   * @default - none
   */
  readonly managedPolicies?: IManagedPolicy[];

  /**
   * Inline policies of the role, by name.
   * @default - none
   */
  readonly inlinePolicies?: { [name: string]: PolicyDocument };

  /**
   * The permissions boundary of the role.
   * @default - none
   */
  readonly permissionsBoundary?: IManagedPolicy;

  /**
   * The longest session the role's credentials last.
   * @default Duration.hours(1)
   */
  readonly maxSessionDuration?: Duration;

  /**
   * The role's IAM path.
   * @default /
   */
  readonly path?: string;
}
