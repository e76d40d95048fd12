import type { IResource } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { OnEventOptions, Rule } from 'aws-cdk-lib/aws-events';
import type { Grant, IGrantable, IRole } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { OwnItemsOptions, OwnObjectsOptions, SharedObjectsOptions } from './own-data-options';

/**
 * A Cognito identity pool, created here or imported.
 */
export interface IIdentityPool extends IResource {
  /**
   * The identity pool's id, `<region>:<guid>`.
   * @attribute
   */
  readonly identityPoolId: string;

  /**
   * The identity pool's ARN.
   * @attribute
   */
  readonly identityPoolArn: string;

  /**
   * The identity pool's name.
   * @attribute
   */
  readonly identityPoolName: string;

  /**
   * Grants the given actions on this identity pool to a principal, such as a backend that
   * calls `GetOpenIdTokenForDeveloperIdentity`.
   *
   * @param grantee the principal to grant the actions to
   * @param actions the actions, such as `cognito-identity:GetOpenIdTokenForDeveloperIdentity`
   */
  grant(grantee: IGrantable, ...actions: string[]): Grant;

  /**
   * Lets a backend sign its own users in (developer authenticated identities): calls to
   * `GetOpenIdTokenForDeveloperIdentity` on this pool. The pool must have a developer provider
   * name (`authenticationProviders.customProvider`), which cannot change once users exist; a
   * pool defined in the app without one fails synthesis.
   *
   * @param grantee the backend, such as a Lambda function
   */
  grantOpenIdTokenForDeveloperIdentity(grantee: IGrantable): Grant;

  /**
   * Lets a backend administer developer identities: `LookupDeveloperIdentity`,
   * `MergeDeveloperIdentities` and `UnlinkDeveloperIdentity` on this pool. The pool must have
   * a developer provider name, as for `grantOpenIdTokenForDeveloperIdentity`.
   *
   * @param grantee the backend, such as a Lambda function
   */
  grantDeveloperIdentityAdministration(grantee: IGrantable): Grant;

  /**
   * Lets each identity read its own objects, and only those: `s3:GetObject` on
   * `<prefix><identity id>/*`, `s3:ListBucket` limited by `s3:prefix` to that folder, and the
   * bucket key's read actions (as `bucket.grantRead`) for a KMS-encrypted bucket.
   *
   * @param bucket the bucket, created or imported
   * @param options the prefix, the grantee and what names each identity's folder; by default the folder
   *   is `<identity id>/` at the top of the bucket, granted to the pool's authenticated role
   */
  grantReadOwnObjects(bucket: IBucket, options?: OwnObjectsOptions): Grant;

  /**
   * Lets each identity write (put and delete) its own objects, and only those: `s3:PutObject`
   * and `s3:DeleteObject` on `<prefix><identity id>/*`, and the bucket key's write actions (as
   * `bucket.grantWrite`) for a KMS-encrypted bucket. It does not allow listing.
   *
   * @param bucket the bucket, created or imported
   * @param options the prefix, the grantee and what names each identity's folder; by default the folder
   *   is `<identity id>/` at the top of the bucket, granted to the pool's authenticated role
   */
  grantWriteOwnObjects(bucket: IBucket, options?: OwnObjectsOptions): Grant;

  /**
   * Lets each identity read, write and delete its own objects, and list its own folder:
   * `grantReadOwnObjects` and `grantWriteOwnObjects` together.
   *
   * @param bucket the bucket, created or imported
   * @param options the prefix, the grantee and what names each identity's folder; by default the folder
   *   is `<identity id>/` at the top of the bucket, granted to the pool's authenticated role
   */
  grantReadWriteOwnObjects(bucket: IBucket, options?: OwnObjectsOptions): Grant;

  /**
   * Lets the grantee read a shared folder, such as the public photos every signed-in user may
   * see: `s3:GetObject` on `<prefix>*`, `s3:ListBucket` limited by `s3:prefix` to it, and the
   * bucket key's read actions. The folder cannot contain the own folders granted on the
   * same bucket.
   *
   * @param bucket the bucket, created or imported
   * @param options the shared prefix and the grantee
   */
  grantReadSharedObjects(bucket: IBucket, options: SharedObjectsOptions): Grant;

  /**
   * Lets each identity read its own items, and only those: the items whose partition key is
   * its identity id (`ForAllValues:StringEquals` on `dynamodb:LeadingKeys`), through
   * `GetItem`, `BatchGetItem`, `Query` and `ConditionCheckItem` on the table and its indexes,
   * and the table key's read actions for a customer-managed key. `Scan` is left out: it
   * carries no partition key, so the condition could not hold it to the identity's items.
   * A table defined in the app whose partition key is not a string fails synthesis.
   *
   * @param table the table, created or imported
   * @param options the grantee, an attribute restriction and what the partition key holds; by default
   *   the partition key holds the identity id, every attribute, granted to the pool's authenticated role
   */
  grantReadOwnItems(table: ITable, options?: OwnItemsOptions): Grant;

  /**
   * Lets each identity write its own items, and only those: `PutItem`, `UpdateItem`,
   * `DeleteItem` and `BatchWriteItem` on the items whose partition key is its identity id,
   * and the table key's actions for a customer-managed key (as `table.grantWriteData`).
   *
   * @param table the table, created or imported
   * @param options the grantee, an attribute restriction and what the partition key holds; by default
   *   the partition key holds the identity id, every attribute, granted to the pool's authenticated role
   */
  grantWriteOwnItems(table: ITable, options?: OwnItemsOptions): Grant;

  /**
   * Lets each identity read and write its own items: `grantReadOwnItems` and
   * `grantWriteOwnItems` in one statement.
   *
   * @param table the table, created or imported
   * @param options the grantee, an attribute restriction and what the partition key holds; by default
   *   the partition key holds the identity id, every attribute, granted to the pool's authenticated role
   */
  grantReadWriteOwnItems(table: ITable, options?: OwnItemsOptions): Grant;

  /**
   * An EventBridge rule for every call to this pool that CloudTrail records. EventBridge gets
   * these events only from a CloudTrail trail with logging on: management events as trails log
   * them by default (read calls such as `DescribeIdentityPool` only for a rule that opts in to
   * read-only management events), data events (`GetId`, `GetCredentialsForIdentity`,
   * `GetOpenIdToken`, `GetOpenIdTokenForDeveloperIdentity`) only when the trail logs the pool's
   * data events, which trails do not by default. The pattern matches the pool by its id in the
   * request, or by its ARN in the request or among the record's resources.
   *
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/logging-using-cloudtrail.html
   * @param id the rule's construct id, under this pool
   * @param options the target, description and name of the rule, and an event pattern merged into ours; by
   *   default the rule has no target (add one with `rule.addTarget`) and a generated name
   */
  onCloudTrailEvent(id: string, options?: OnEventOptions): Rule;

  /**
   * An EventBridge rule for the management events that change who gets which credentials:
   * `UpdateIdentityPool` (providers, guest access, classic flow), `SetIdentityPoolRoles` (roles
   * and role mappings), `SetPrincipalTagAttributeMap` (session tags), `DeleteIdentityPool`, and
   * `TagResource` / `UntagResource` (tags that IAM policies may read). These are write
   * management events, which EventBridge gets from any CloudTrail trail with logging on (trails
   * log them by default); CloudFormation deployments of the pool trigger the rule too.
   *
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/logging-using-cloudtrail.html
   * @param id the rule's construct id, under this pool
   * @param options the target (an admins' topic, a log group), description and name of the rule,
   *   and an event pattern merged into ours; by default the rule has no target (add one with
   *   `rule.addTarget`) and a generated name
   */
  onConfigurationChange(id: string, options?: OnEventOptions): Rule;
}

/**
 * An identity pool whose default roles are known: one created with `new IdentityPool`, or one
 * imported with `IdentityPool.fromIdentityPoolAttributes`. Grant to its roles as to any role.
 */
export interface IIdentityPoolWithRoles extends IIdentityPool {
  /** The default role of authenticated identities. */
  readonly authenticatedRole: IRole;

  /**
   * The default role of unauthenticated (guest) identities. Reading it on a pool without one
   * (`hasUnauthenticatedRole` is false) throws.
   */
  readonly unauthenticatedRole: IRole;

  /** Whether the pool has a default role of unauthenticated identities. */
  readonly hasUnauthenticatedRole: boolean;
}
