import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import type { OwnerKey } from './owner-key';

/**
 * Options of the grants on each identity's own S3 objects (`grantReadOwnObjects`,
 * `grantWriteOwnObjects`, `grantReadWriteOwnObjects`).
 */
export interface OwnObjectsOptions {
  /**
   * The key prefix under which each identity has its folder, `<prefix><owner key>/`, such as
   * `private/`. It must be empty or end with `/`, and cannot hold the IAM wildcards `*` and
   * `?` or a policy variable.
   * @default '' - each identity's folder is at the top of the bucket
   */
  readonly prefix?: string;

  /**
   * Who receives the grant.
   * @default - the identity pool's authenticated role (required for a pool imported without it)
   */
  readonly grantee?: IGrantable;

  /**
   * What names each identity's folder.
   * @default OwnerKey.IDENTITY_ID - the caller's identity id
   */
  readonly ownerKey?: OwnerKey;
}

/**
 * Options of `grantReadSharedObjects`: a folder that every identity the grantee stands for
 * may read, such as the public photos of a photo-sharing app.
 */
export interface SharedObjectsOptions {
  /**
   * The shared folder's key prefix, such as `public/`: not empty, ending with `/`, without the
   * IAM wildcards `*` and `?` or a policy variable, and not containing the own folders that
   * `grant*OwnObjects` gave on the same bucket.
   */
  readonly prefix: string;

  /**
   * Who receives the grant; pass `pool.unauthenticatedRole` to let guests read it too.
   * @default - the identity pool's authenticated role (required for a pool imported without it)
   */
  readonly grantee?: IGrantable;
}

/**
 * Options of the grants on each identity's own DynamoDB items (`grantReadOwnItems`,
 * `grantWriteOwnItems`, `grantReadWriteOwnItems`): the items whose partition key is the
 * owner key.
 */
export interface OwnItemsOptions {
  /**
   * Who receives the grant.
   * @default - the identity pool's authenticated role (required for a pool imported without it)
   */
  readonly grantee?: IGrantable;

  /**
   * Restrict the grant to these top-level attributes (`dynamodb:Attributes`), and reads to
   * requests that name them (`dynamodb:Select` = `SPECIFIC_ATTRIBUTES`). DynamoDB needs the
   * table's key attributes among them: when the table's schema is known, a list without them
   * fails synthesis.
   * @default - every attribute of the identity's own items
   */
  readonly attributes?: string[];

  /**
   * What the table's partition key holds.
   * @default OwnerKey.IDENTITY_ID - the caller's identity id
   */
  readonly ownerKey?: OwnerKey;
}
