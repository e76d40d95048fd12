import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';
import { tableKeySchema } from './table-key-schema';
import type { OwnItemsOptions, OwnObjectsOptions, SharedObjectsOptions } from '../../own-data-options';
import type { OwnerKey } from '../../owner-key';
import { Grant, Token } from '../cdk/bindings';
import { configError } from '../messages/errors';
import type { PoolFacts } from '../synth/facts';
import { SynthRegistry } from '../synth/pipeline';

/** What a per-identity grant allows. */
export type OwnDataAccess = 'read' | 'write' | 'readWrite';

// S3: the statements of "Amazon S3: Allows Amazon Cognito users to access objects in their bucket",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_s3_cognito-bucket.html
// (s3:GetObject, s3:PutObject, s3:DeleteObject on <folder>/*; s3:ListBucket with StringLike
// s3:prefix <folder>/*). Listing is part of reading; a write-only grant cannot list.
const OBJECT_READ_ACTIONS = ['s3:GetObject'];
const OBJECT_WRITE_ACTIONS = ['s3:PutObject', 's3:DeleteObject'];
const LIST_ACTIONS = ['s3:ListBucket'];

// KMS: the key actions that bucket.grantRead / grantWrite / grantReadWrite give (aws-cdk-lib's
// aws-s3 perms: KEY_READ_ACTIONS, KEY_WRITE_ACTIONS).
const KEY_READ_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'];
const KEY_WRITE_ACTIONS = ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Decrypt'];

// DynamoDB: "Amazon DynamoDB: Allows item-level access to DynamoDB based on an Amazon Cognito ID",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_dynamodb_rows.html,
// with the batch and condition-check forms of the same item actions that table.grantReadData and
// grantWriteData give. Left out of table.grant*'s sets on purpose: dynamodb:Scan and the stream
// actions carry no dynamodb:LeadingKeys, and ForAllValues over an absent key is true, so they
// would reach every identity's items; dynamodb:DescribeTable is not item access.
const ITEM_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
const ITEM_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
// The key actions table.grantReadData / grantWriteData give (aws-cdk-lib's aws-dynamodb perms).
const TABLE_KEY_READ_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'];
const TABLE_KEY_WRITE_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*'];
// "Amazon DynamoDB: Allows access to specific attributes",
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_examples_dynamodb_attributes.html
// and https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html:
// writes may return only the attributes they wrote.
const RETURN_VALUES = ['NONE', 'UPDATED_OLD', 'UPDATED_NEW'];

const PREFIX_RULE = 'must be a key prefix without the IAM wildcards * and ? or a policy variable ${...}, '
  + 'and without a leading /';

/**
 * Grants read, write or both on each identity's own objects, `<prefix><owner key>/*`, plus
 * `s3:ListBucket` limited to that folder for reading, and the bucket key's actions.
 */
export function grantOwnObjects(
  pool: PoolFacts, method: string, bucket: IBucket, access: OwnDataAccess, ownerKey: OwnerKey, options: OwnObjectsOptions,
): Grant {
  const prefix = options.prefix ?? '';
  checkPrefix(pool, `${method} prefix`, prefix, false);
  const grantee = granteeOf(pool, method, options.grantee);
  checkOwnerKey(pool, method, ownerKey);
  const folder = `${prefix}${ownerKey.policyVariable(pool)}/`;
  recordPrefix(bucket, 'own', prefix, pool, method);

  const actions = [
    ...access === 'write' ? [] : OBJECT_READ_ACTIONS,
    ...access === 'read' ? [] : OBJECT_WRITE_ACTIONS,
  ];
  let grant = Grant.addToPrincipal({ grantee, actions, resourceArns: [bucket.arnForObjects(`${folder}*`)] });
  if (access !== 'write') {
    grant = grant.combine(listGrant(grantee, bucket, folder));
  }
  return withKey(grant, grantee, bucket.encryptionKey, access === 'read' ? KEY_READ_ACTIONS
    : access === 'write' ? KEY_WRITE_ACTIONS : [...new Set([...KEY_READ_ACTIONS, ...KEY_WRITE_ACTIONS])]);
}

/**
 * Grants reading a shared folder, `<prefix>*`, with `s3:ListBucket` limited to it and the
 * bucket key's read actions.
 */
export function grantSharedObjects(pool: PoolFacts, bucket: IBucket, options: SharedObjectsOptions): Grant {
  const method = 'grantReadSharedObjects';
  checkPrefix(pool, `${method} prefix`, options.prefix, true);
  const grantee = granteeOf(pool, method, options.grantee);
  recordPrefix(bucket, 'shared', options.prefix, pool, method);
  const grant = Grant.addToPrincipal({ grantee, actions: OBJECT_READ_ACTIONS, resourceArns: [bucket.arnForObjects(`${options.prefix}*`)] })
    .combine(listGrant(grantee, bucket, options.prefix));
  return withKey(grant, grantee, bucket.encryptionKey, KEY_READ_ACTIONS);
}

/**
 * Grants read, write or both on the items whose partition key is the owner key
 * (`ForAllValues:StringEquals` on `dynamodb:LeadingKeys`), on the table and, for reading, its
 * indexes; optionally only some attributes; and the table key's actions.
 */
export function grantOwnItems(
  pool: PoolFacts, method: string, table: ITable, access: OwnDataAccess, ownerKey: OwnerKey, options: OwnItemsOptions,
): Grant {
  const grantee = granteeOf(pool, method, options.grantee);
  checkOwnerKey(pool, method, ownerKey);
  const schema = tableKeySchema(table);
  if (schema !== undefined && schema.partitionKeyType !== undefined && schema.partitionKeyType !== 'S') {
    configError(pool, `${method} table`,
      `must have a string (S) partition key to hold the owner's ${ownerKey.principalTagKey === undefined ? 'identity id' : 'principal tag'}, `
      + `but ${schema.partitionKeyName} is of type ${schema.partitionKeyType}`, table.node.path);
  }
  const attributes = options.attributes;
  if (attributes !== undefined) {
    checkAttributes(pool, `${method} attributes`, attributes, schema?.keyNames ?? []);
  }

  const actions = [
    ...access === 'write' ? [] : ITEM_READ_ACTIONS,
    ...access === 'read' ? [] : ITEM_WRITE_ACTIONS,
  ];
  const forAllValues: Record<string, unknown> = { 'dynamodb:LeadingKeys': [ownerKey.policyVariable(pool)] };
  const conditions: Record<string, Record<string, unknown>> = { 'ForAllValues:StringEquals': forAllValues };
  if (attributes !== undefined) {
    forAllValues['dynamodb:Attributes'] = [...attributes];
    conditions.StringEqualsIfExists = {
      'dynamodb:Select': 'SPECIFIC_ATTRIBUTES',
      ...access === 'read' ? {} : { 'dynamodb:ReturnValues': RETURN_VALUES },
    };
  }
  const resourceArns = access === 'write' ? [table.tableArn] : [table.tableArn, `${table.tableArn}/index/*`];
  const grant = Grant.addToPrincipal({ grantee, actions, resourceArns, conditions });
  return withKey(grant, grantee, table.encryptionKey, access === 'read' ? TABLE_KEY_READ_ACTIONS : TABLE_KEY_WRITE_ACTIONS);
}

function listGrant(grantee: IGrantable, bucket: IBucket, folder: string): Grant {
  return Grant.addToPrincipal({
    grantee,
    actions: LIST_ACTIONS,
    resourceArns: [bucket.bucketArn],
    conditions: { StringLike: { 's3:prefix': [`${folder}*`] } },
  });
}

function withKey(grant: Grant, grantee: IGrantable, key: IKey | undefined, actions: string[]): Grant {
  return key === undefined ? grant : grant.combine(key.grant(grantee, ...actions));
}

/** The grantee given, else the pool's authenticated role; an error for a pool imported without it. */
function granteeOf(pool: PoolFacts, method: string, grantee: IGrantable | undefined): IGrantable {
  const chosen = grantee ?? pool._defaultGrantee;
  if (chosen === undefined) {
    configError(pool, `${method} grantee`,
      'is required for an identity pool imported without its authenticated role: name the role that should receive the grant', undefined);
  }
  return chosen;
}

/**
 * A grant keyed by a principal tag needs a principal tag mapping of the pool that passes it.
 * Mappings can be added after the grant, so this is checked at synthesis, for pools defined in
 * the app and imported pools with mappings in the app. A mapping that uses its provider's
 * defaults passes every key: which keys those are, the library does not know.
 */
function checkOwnerKey(pool: PoolFacts, method: string, ownerKey: OwnerKey): void {
  const tagKey = ownerKey.principalTagKey;
  if (tagKey !== undefined && !Token.isUnresolved(tagKey)) {
    pool._ownerKeyUses.push({ method, tagKey });
  }
}

/** The prefix's rules; its type is checked before, with the grant's shape (shapes.ts `checkGrantShape`). */
function checkPrefix(scope: IConstruct, property: string, prefix: string, shared: boolean): void {
  if (Token.isUnresolved(prefix)) {
    return;
  }
  if (/[*?]|\$\{/.test(prefix) || prefix.startsWith('/')) {
    configError(scope, property, PREFIX_RULE, prefix);
  }
  if (shared && prefix === '') {
    configError(scope, property, 'must not be empty: an empty shared prefix would share the whole bucket, every identity\'s own objects included', prefix);
  }
  if (prefix !== '' && !prefix.endsWith('/')) {
    configError(scope, property, `must ${shared ? '' : 'be empty or '}end with / (a folder), or it would also match keys that merely start like it`, prefix);
  }
}

function recordPrefix(bucket: IBucket, kind: 'own' | 'shared', prefix: string, pool: PoolFacts, method: string): void {
  if (Token.isUnresolved(prefix)) {
    return;
  }
  // Per bucket, in the registry of the bucket's stage: a shared folder must not hold own folders.
  const byBucket = SynthRegistry.of(bucket).bucketPrefixes;
  let prefixes = byBucket.get(bucket);
  if (prefixes === undefined) {
    prefixes = { own: [], shared: [] };
    byBucket.set(bucket, prefixes);
  }
  const clash = kind === 'own'
    ? prefixes.shared.find(shared => prefix.startsWith(shared))
    : prefixes.own.find(own => own.startsWith(prefix));
  if (clash !== undefined) {
    const [own, shared] = kind === 'own' ? [prefix, clash] : [clash, prefix];
    configError(pool, `${method} prefix`,
      `must keep shared and own folders of ${bucket.node.path} apart, but the shared prefix "${shared}" contains the own folders under "${own}", `
      + 'so every reader of the shared folder could read every identity\'s objects', prefix);
  }
  prefixes[kind].push(prefix);
}

/** The attributes' rules; that they are a list of strings is checked before, with the grant's shape. */
function checkAttributes(scope: IConstruct, property: string, attributes: string[], keyNames: readonly string[]): void {
  if (attributes.length === 0) {
    configError(scope, property, 'must name at least one attribute (leave it out to allow every attribute)', attributes);
  }
  attributes.forEach((attribute, index) => {
    if (!Token.isUnresolved(attribute) && (attribute.length < 1 || attribute.length > 255)) {
      configError(scope, `${property}[${index}]`, 'must be an attribute name of 1-255 characters', attribute);
    }
  });
  if (attributes.some(attribute => Token.isUnresolved(attribute))) {
    return;
  }
  const missing = keyNames.filter(name => !attributes.includes(name));
  if (missing.length > 0) {
    configError(scope, property,
      `must include the table's key attributes (${missing.join(', ')}): DynamoDB needs them to perform any request on the items`, attributes);
  }
}
