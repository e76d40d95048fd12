import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IdentityPool, IdentityPoolIdentityType, IdentityPoolPrincipal, OwnerKey } from '../../../src';
import { SynthRegistry } from '../../../src/private/synth/pipeline';
import { statementsOf } from '../../support/role-statements';

const IDENTITY_ID = '${cognito-identity.amazonaws.com:sub}';

function newStack(env?: { account?: string; region?: string }): Stack {
  return new Stack(new App(), 'Stack', { env });
}

function logicalId(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(construct.node.defaultChild as s3.CfnBucket);
}


function objectsArn(bucketId: string, key: string): object {
  return { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, `/${key}`]] };
}

describe('per-identity S3 objects', () => {
  test('grantReadOwnObjects: GetObject on the own folder and ListBucket limited to it, to the authenticated role', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const bucket = new s3.Bucket(stack, 'Photos');

    // WHEN
    const grant = pool.grantReadOwnObjects(bucket, { prefix: 'private/' });

    // THEN
    expect(grant.success).toBe(true);
    const bucketId = logicalId(stack, bucket);
    expect(statementsOf(stack, pool.authenticatedRole)).toEqual([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: objectsArn(bucketId, `private/${IDENTITY_ID}/*`) },
      {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: { 'Fn::GetAtt': [bucketId, 'Arn'] },
        Condition: { StringLike: { 's3:prefix': [`private/${IDENTITY_ID}/*`] } },
      },
    ]);
    expect(statementsOf(stack, pool.unauthenticatedRole)).toEqual([]);
  });

  test('grantWriteOwnObjects: PutObject and DeleteObject on the own folder, no listing', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const bucket = new s3.Bucket(stack, 'Photos');

    pool.grantWriteOwnObjects(bucket, { prefix: 'uploads/' });

    expect(statementsOf(stack, pool.authenticatedRole)).toEqual([
      { Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: objectsArn(logicalId(stack, bucket), `uploads/${IDENTITY_ID}/*`) },
    ]);
  });

  test('grantReadWriteOwnObjects: read, write and list, at the top of the bucket by default', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const bucket = new s3.Bucket(stack, 'Photos');

    pool.grantReadWriteOwnObjects(bucket);

    const bucketId = logicalId(stack, bucket);
    expect(statementsOf(stack, pool.authenticatedRole)).toEqual([
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: objectsArn(bucketId, `${IDENTITY_ID}/*`) },
      {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: { 'Fn::GetAtt': [bucketId, 'Arn'] },
        Condition: { StringLike: { 's3:prefix': [`${IDENTITY_ID}/*`] } },
      },
    ]);
  });

  test('an explicit grantee receives the grant instead of the authenticated role', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const bucket = new s3.Bucket(stack, 'Photos');
    const role = pool.addMappedRole('Editors');

    pool.grantReadOwnObjects(bucket, { grantee: role });

    expect(statementsOf(stack, role)).toHaveLength(2);
    expect(statementsOf(stack, pool.authenticatedRole)).toEqual([]);
  });

  test('an imported bucket is granted by its ARN', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const bucket = s3.Bucket.fromBucketName(stack, 'Imported', 'photo-bucket');

    pool.grantReadWriteOwnObjects(bucket, { prefix: 'private/' });

    expect(statementsOf(stack, pool.authenticatedRole)).toEqual([
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:s3:::photo-bucket/private/${IDENTITY_ID}/*`]] },
      },
      {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::photo-bucket']] },
        Condition: { StringLike: { 's3:prefix': [`private/${IDENTITY_ID}/*`] } },
      },
    ]);
  });

  test('a KMS-encrypted bucket grants the key actions bucket.grantRead, grantWrite and grantReadWrite give', () => {
    for (const [method, keyActions] of [
      ['grantReadOwnObjects', ['kms:Decrypt', 'kms:DescribeKey']],
      ['grantWriteOwnObjects', ['kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Decrypt']],
      ['grantReadWriteOwnObjects', ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*']],
    ] as const) {
      // GIVEN
      const stack = newStack();
      const pool = new IdentityPool(stack, 'Pool');
      const bucket = new s3.Bucket(stack, 'Photos', { encryption: s3.BucketEncryption.KMS });

      // WHEN
      (pool as any)[method](bucket);

      // THEN
      const keyId = stack.getLogicalId(bucket.encryptionKey!.node.defaultChild as kms.CfnKey);
      expect(statementsOf(stack, pool.authenticatedRole)).toContainEqual({
        Effect: 'Allow', Action: keyActions, Resource: { 'Fn::GetAtt': [keyId, 'Arn'] },
      });
    }
  });

  test('an imported bucket with its key gets the key grant too', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const key = kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    const bucket = s3.Bucket.fromBucketAttributes(stack, 'Imported', { bucketName: 'photo-bucket', encryptionKey: key });

    pool.grantReadOwnObjects(bucket);

    expect(statementsOf(stack, pool.authenticatedRole)).toContainEqual({
      Effect: 'Allow', Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: key.keyArn,
    });
  });

  test('in GovCloud the identity id variable is the us-gov one', () => {
    const stack = newStack({ region: 'us-gov-west-1', account: '123456789012' });
    const pool = new IdentityPool(stack, 'Pool');
    const bucket = new s3.Bucket(stack, 'Photos');

    pool.grantWriteOwnObjects(bucket);

    expect(statementsOf(stack, pool.authenticatedRole)[0].Resource)
      .toEqual(objectsArn(logicalId(stack, bucket), '${cognito-identity-us-gov.amazonaws.com:sub}/*'));
  });

  test('grantReadSharedObjects: GetObject and listing under the shared prefix, for guests too', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
    const bucket = new s3.Bucket(stack, 'Photos');

    // WHEN
    pool.grantReadSharedObjects(bucket, { prefix: 'public/' });
    pool.grantReadSharedObjects(bucket, { prefix: 'public/', grantee: pool.unauthenticatedRole });

    // THEN
    const bucketId = logicalId(stack, bucket);
    const expected = [
      { Effect: 'Allow', Action: 's3:GetObject', Resource: objectsArn(bucketId, 'public/*') },
      {
        Effect: 'Allow',
        Action: 's3:ListBucket',
        Resource: { 'Fn::GetAtt': [bucketId, 'Arn'] },
        Condition: { StringLike: { 's3:prefix': ['public/*'] } },
      },
    ];
    expect(statementsOf(stack, pool.authenticatedRole)).toEqual(expected);
    expect(statementsOf(stack, pool.unauthenticatedRole)).toEqual(expected);
  });

  test('a shared folder of a KMS bucket gets the key read actions', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const bucket = new s3.Bucket(stack, 'Photos', { encryption: s3.BucketEncryption.KMS });

    pool.grantReadSharedObjects(bucket, { prefix: 'public/' });

    const keyId = stack.getLogicalId(bucket.encryptionKey!.node.defaultChild as kms.CfnKey);
    expect(statementsOf(stack, pool.authenticatedRole)).toContainEqual({
      Effect: 'Allow', Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: { 'Fn::GetAtt': [keyId, 'Arn'] },
    });
  });

  describe('prefix rules', () => {
    test.each([
      ['a wildcard', 'private/*/', 'must be a key prefix without the IAM wildcards * and ? or a policy variable ${...}, and without a leading /'],
      ['a question mark', 'privat?/', 'must be a key prefix without the IAM wildcards * and ? or a policy variable ${...}, and without a leading /'],
      ['a policy variable', '${aws:username}/', 'must be a key prefix without the IAM wildcards * and ? or a policy variable ${...}, and without a leading /'],
      ['a leading slash', '/private/', 'must be a key prefix without the IAM wildcards * and ? or a policy variable ${...}, and without a leading /'],
      ['no trailing slash', 'private', 'must be empty or end with / (a folder), or it would also match keys that merely start like it'],
    ])('an own prefix with %s fails', (_what, prefix, rule) => {
      const stack = newStack();
      const pool = new IdentityPool(stack, 'Pool');
      const bucket = new s3.Bucket(stack, 'Photos');
      expect(() => pool.grantReadOwnObjects(bucket, { prefix }))
        .toThrow(`Stack/Pool: grantReadOwnObjects prefix ${rule} (received: ${JSON.stringify(prefix)})`);
    });

    test('the folders granted on a bucket are recorded per kind, starting from none, in the registry of its stage', () => {
      const stack = newStack();
      const pool = new IdentityPool(stack, 'Pool');
      const bucket = new s3.Bucket(stack, 'Photos');
      pool.grantReadOwnObjects(bucket, { prefix: 'private/' });
      pool.grantReadSharedObjects(bucket, { prefix: 'public/' });
      expect(SynthRegistry.of(bucket).bucketPrefixes.get(bucket)).toEqual({ own: ['private/'], shared: ['public/'] });
    });

    test('an empty shared prefix fails: it would share every own folder', () => {
      const stack = newStack();
      const pool = new IdentityPool(stack, 'Pool');
      const bucket = new s3.Bucket(stack, 'Photos');
      expect(() => pool.grantReadSharedObjects(bucket, { prefix: '' })).toThrow(
        'Stack/Pool: grantReadSharedObjects prefix must not be empty: an empty shared prefix would share the whole bucket, '
        + 'every identity\'s own objects included (received: "")');
    });

    test('a shared prefix without a trailing slash fails', () => {
      const stack = newStack();
      const pool = new IdentityPool(stack, 'Pool');
      const bucket = new s3.Bucket(stack, 'Photos');
      expect(() => pool.grantReadSharedObjects(bucket, { prefix: 'public' })).toThrow(
        'Stack/Pool: grantReadSharedObjects prefix must end with / (a folder), or it would also match keys that merely start like it (received: "public")');
    });

    test('a shared prefix that contains the own folders fails, in either order', () => {
      const message = 'Stack/Pool: grantReadSharedObjects prefix must keep shared and own folders of Stack/Photos apart, but the shared prefix '
        + '"users/" contains the own folders under "users/private/", so every reader of the shared folder could read every identity\'s objects '
        + '(received: "users/")';
      {
        const stack = newStack();
        const pool = new IdentityPool(stack, 'Pool');
        const bucket = new s3.Bucket(stack, 'Photos');
        pool.grantReadWriteOwnObjects(bucket, { prefix: 'users/private/' });
        expect(() => pool.grantReadSharedObjects(bucket, { prefix: 'users/' })).toThrow(message);
      }
      {
        const stack = newStack();
        const pool = new IdentityPool(stack, 'Pool');
        const bucket = new s3.Bucket(stack, 'Photos');
        pool.grantReadSharedObjects(bucket, { prefix: 'users/' });
        expect(() => pool.grantReadWriteOwnObjects(bucket, { prefix: 'users/private/' })).toThrow(
          message.replace('grantReadSharedObjects', 'grantReadWriteOwnObjects').replace('(received: "users/")', '(received: "users/private/")'));
      }
    });

    test('separate shared and own folders, and the same folders on another bucket, pass', () => {
      const stack = newStack();
      const pool = new IdentityPool(stack, 'Pool');
      const photos = new s3.Bucket(stack, 'Photos');
      const other = new s3.Bucket(stack, 'Other');
      pool.grantReadWriteOwnObjects(photos, { prefix: 'private/' });
      pool.grantReadSharedObjects(photos, { prefix: 'public/' });
      pool.grantReadSharedObjects(other, { prefix: 'private/' });
      pool.grantReadWriteOwnObjects(photos);
      expect(statementsOf(stack, pool.authenticatedRole)).toHaveLength(8);
    });

    test('a token prefix passes unjudged', () => {
      const stack = newStack();
      const pool = new IdentityPool(stack, 'Pool');
      const bucket = new s3.Bucket(stack, 'Photos');
      const prefix = new CfnParameter(stack, 'Prefix').valueAsString;
      pool.grantReadOwnObjects(bucket, { prefix });
      pool.grantReadSharedObjects(bucket, { prefix });
      expect(statementsOf(stack, pool.authenticatedRole)[0].Resource['Fn::Join'][1]).toContainEqual({ Ref: 'Prefix' });
    });

    test('a prefix that is not a string (from JavaScript) fails, naming what it got', () => {
      // GIVEN
      const stack = newStack();
      const pool = new IdentityPool(stack, 'Pool');
      const bucket = new s3.Bucket(stack, 'Photos');

      // WHEN / THEN
      expect(() => pool.grantReadOwnObjects(bucket, { prefix: 42 as any }))
        .toThrow('Stack/Pool: grantReadOwnObjects prefix must be a string (received: 42)');
      expect(() => pool.grantReadSharedObjects(bucket, { prefix: ['public/'] as any }))
        .toThrow('Stack/Pool: grantReadSharedObjects prefix must be a string (received: "<array of 1>")');
    });

    test('a prefix with a dollar sign or braces but no policy variable, and a nested folder, pass as they are', () => {
      // GIVEN
      const stack = newStack();
      const pool = new IdentityPool(stack, 'Pool');
      const bucket = new s3.Bucket(stack, 'Photos');

      // WHEN
      pool.grantReadWriteOwnObjects(bucket, { prefix: 'price$list/{v2}/' });
      pool.grantReadSharedObjects(bucket, { prefix: 'public/shared/' });

      // THEN
      const bucketId = logicalId(stack, bucket);
      const statements = statementsOf(stack, pool.authenticatedRole);
      expect(statements[0].Resource).toEqual(objectsArn(bucketId, `price$list/{v2}/${IDENTITY_ID}/*`));
      expect(statements[2].Resource).toEqual(objectsArn(bucketId, 'public/shared/*'));
    });
  });

  test('a pool imported with its roles grants to its authenticated role by default', () => {
    const stack = newStack();
    const authenticatedRole = new iam.Role(stack, 'Authenticated', { assumedBy: new iam.AccountRootPrincipal() });
    const pool = IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', {
      identityPoolId: 'us-east-1:0a1b2c3d-1234-5678-90ab-cdef01234567',
      authenticatedRole,
    });
    const bucket = new s3.Bucket(stack, 'Photos');

    pool.grantWriteOwnObjects(bucket);

    expect(statementsOf(stack, authenticatedRole)).toEqual([
      { Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: objectsArn(logicalId(stack, bucket), `${IDENTITY_ID}/*`) },
    ]);
  });

  test('a pool imported without roles needs a grantee', () => {
    const stack = newStack();
    const pool = IdentityPool.fromIdentityPoolId(stack, 'Imported', 'us-east-1:0a1b2c3d-1234-5678-90ab-cdef01234567');
    const bucket = new s3.Bucket(stack, 'Photos');
    expect(() => pool.grantReadOwnObjects(bucket)).toThrow(
      'Stack/Imported: grantReadOwnObjects grantee is required for an identity pool imported without its authenticated role: '
      + 'name the role that should receive the grant (received: undefined)');

    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    pool.grantReadOwnObjects(bucket, { grantee: role });
    expect(statementsOf(stack, role)[0]).toEqual({
      Effect: 'Allow', Action: 's3:GetObject', Resource: objectsArn(logicalId(stack, bucket), `${IDENTITY_ID}/*`),
    });
  });
});

describe('per-identity DynamoDB items', () => {
  function table(stack: Stack, props: Partial<dynamodb.TableProps> = {}): dynamodb.Table {
    return new dynamodb.Table(stack, 'Albums', {
      partitionKey: { name: 'identityId', type: dynamodb.AttributeType.STRING },
      sortKey: { name: 'albumId', type: dynamodb.AttributeType.STRING },
      ...props,
    });
  }

  const READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'];
  const WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
  const LEADING_KEYS = { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [IDENTITY_ID] } };

  function tableArns(tableId: string): object[] {
    return [
      { 'Fn::GetAtt': [tableId, 'Arn'] },
      { 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, '/index/*']] },
    ];
  }

  test('grantReadOwnItems: item reads keyed by the identity id, on the table and its indexes, no Scan', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const albums = table(stack);

    // WHEN
    pool.grantReadOwnItems(albums);

    // THEN
    const tableId = stack.getLogicalId(albums.node.defaultChild as dynamodb.CfnTable);
    const statements = statementsOf(stack, pool.authenticatedRole);
    expect(statements).toEqual([{ Effect: 'Allow', Action: READ, Resource: tableArns(tableId), Condition: LEADING_KEYS }]);
    expect(JSON.stringify(statements)).not.toMatch(/Scan|GetRecords|GetShardIterator/);
  });

  test('grantWriteOwnItems: item writes keyed by the identity id, on the table', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const albums = table(stack);

    pool.grantWriteOwnItems(albums);

    const tableId = stack.getLogicalId(albums.node.defaultChild as dynamodb.CfnTable);
    expect(statementsOf(stack, pool.authenticatedRole)).toEqual([
      { Effect: 'Allow', Action: WRITE, Resource: { 'Fn::GetAtt': [tableId, 'Arn'] }, Condition: LEADING_KEYS },
    ]);
  });

  test('grantReadWriteOwnItems: both in one statement', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const albums = table(stack);

    pool.grantReadWriteOwnItems(albums);

    const tableId = stack.getLogicalId(albums.node.defaultChild as dynamodb.CfnTable);
    expect(statementsOf(stack, pool.authenticatedRole)).toEqual([
      { Effect: 'Allow', Action: [...READ, ...WRITE], Resource: tableArns(tableId), Condition: LEADING_KEYS },
    ]);
  });

  test('attributes restrict the grant, reads to SPECIFIC_ATTRIBUTES and writes to returning what they wrote', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const albums = table(stack);
    // a role of the app that the pool did not make: only what names it reaches it
    const reader = new iam.Role(stack, 'Reader', { assumedBy: new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED) });

    // WHEN
    pool.grantReadWriteOwnItems(albums, { attributes: ['identityId', 'albumId', 'title'] });
    pool.grantReadOwnItems(albums, { attributes: ['identityId', 'albumId'], grantee: reader });

    // THEN
    expect(statementsOf(stack, pool.authenticatedRole)[0].Condition).toEqual({
      'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [IDENTITY_ID], 'dynamodb:Attributes': ['identityId', 'albumId', 'title'] },
      'StringEqualsIfExists': { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES', 'dynamodb:ReturnValues': ['NONE', 'UPDATED_OLD', 'UPDATED_NEW'] },
    });
    expect(statementsOf(stack, reader)[0].Condition).toEqual({
      'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [IDENTITY_ID], 'dynamodb:Attributes': ['identityId', 'albumId'] },
      'StringEqualsIfExists': { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
    });
  });

  test('attributes without the table\'s key attributes fail, naming the missing ones', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const albums = table(stack);
    expect(() => pool.grantReadOwnItems(albums, { attributes: ['identityId', 'title'] })).toThrow(
      'Stack/Pool: grantReadOwnItems attributes must include the table\'s key attributes (albumId): '
      + 'DynamoDB needs them to perform any request on the items (received: ["identityId","title"])');
  });

  test('an empty attribute list fails, and so does an empty name', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const albums = table(stack);
    expect(() => pool.grantWriteOwnItems(albums, { attributes: [] })).toThrow(
      'Stack/Pool: grantWriteOwnItems attributes must name at least one attribute (leave it out to allow every attribute) (received: [])');
    expect(() => pool.grantWriteOwnItems(albums, { attributes: ['identityId', 'albumId', ''] })).toThrow(
      'Stack/Pool: grantWriteOwnItems attributes[2] must be an attribute name of 1-255 characters (received: "")');
  });

  test('token attributes pass unjudged', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const albums = table(stack);
    const attribute = new CfnParameter(stack, 'Attribute').valueAsString;
    pool.grantReadOwnItems(albums, { attributes: [attribute] });
    expect(statementsOf(stack, pool.authenticatedRole)[0].Condition['ForAllValues:StringEquals']['dynamodb:Attributes']).toEqual([{ Ref: 'Attribute' }]);
  });

  test('a token among concrete attributes skips the key attribute check, which cannot see what the token holds', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const albums = table(stack);
    const attribute = new CfnParameter(stack, 'Attribute').valueAsString;
    pool.grantReadOwnItems(albums, { attributes: [attribute, 'title'] });
    expect(statementsOf(stack, pool.authenticatedRole)[0].Condition['ForAllValues:StringEquals']['dynamodb:Attributes'])
      .toEqual([{ Ref: 'Attribute' }, 'title']);
  });

  test('attributes without any key attribute fail, naming every missing one', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const albums = table(stack);
    expect(() => pool.grantReadOwnItems(albums, { attributes: ['title'] })).toThrow(
      'Stack/Pool: grantReadOwnItems attributes must include the table\'s key attributes (identityId, albumId): '
      + 'DynamoDB needs them to perform any request on the items (received: ["title"])');
  });

  test('a grant keyed by a principal tag on a pool with no principal tag mapping says the pool passes none', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    pool.grantReadOwnItems(table(stack), { ownerKey: OwnerKey.principalTag('sub') });
    expect(() => Template.fromStack(stack)).toThrow('[Stack/Pool] grantReadOwnItems ownerKey must name a principal tag that a principal tag '
      + 'mapping of this identity pool passes (addPrincipalTags), but it passes none (received: "sub")');
  });

  test.each([
    ['number', dynamodb.AttributeType.NUMBER, 'N'],
    ['binary', dynamodb.AttributeType.BINARY, 'B'],
  ])('a table whose partition key is a %s fails: it cannot hold an identity id', (_what, type, rendered) => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const counters = new dynamodb.Table(stack, 'Counters', { partitionKey: { name: 'counterId', type } });
    expect(() => pool.grantReadWriteOwnItems(counters)).toThrow(
      'Stack/Pool: grantReadWriteOwnItems table must have a string (S) partition key to hold the owner\'s identity id, '
      + `but counterId is of type ${rendered} (received: "Stack/Counters")`);
  });

  test('a table whose partition key type is known only at deploy time is granted: only a concrete type is judged', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const keyType = new CfnParameter(stack, 'KeyType').valueAsString;
    const owners = new dynamodb.Table(stack, 'Owners', { partitionKey: { name: 'ownerId', type: dynamodb.AttributeType.STRING } });
    // An escape hatch sets the key's type from a parameter.
    (owners.node.defaultChild as dynamodb.CfnTable).attributeDefinitions = [{ attributeName: 'ownerId', attributeType: keyType }];
    pool.grantReadWriteOwnItems(owners);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Condition: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${cognito-identity.amazonaws.com:sub}'] } } })]) },
    });
  });

  test('attributes that are not a list, or a name that is not a string (from JavaScript), fail', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const albums = table(stack);

    // WHEN / THEN
    expect(() => pool.grantReadOwnItems(albums, { attributes: 'title' as any })).toThrow(
      'Stack/Pool: grantReadOwnItems attributes must be a list (an array), even of one (received: "title")');
    expect(() => pool.grantReadOwnItems(albums, { attributes: ['identityId', 'albumId', 7 as any] })).toThrow(
      'Stack/Pool: grantReadOwnItems attributes[2] must be a string (received: 7)');
  });

  test('an attribute name may have 255 characters, not 256', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const albums = table(stack);
    const longest = 'a'.repeat(255);

    // WHEN
    pool.grantReadOwnItems(albums, { attributes: ['identityId', 'albumId', longest, 't'] });

    // THEN
    expect(statementsOf(stack, pool.authenticatedRole)[0].Condition['ForAllValues:StringEquals']['dynamodb:Attributes'])
      .toEqual(['identityId', 'albumId', longest, 't']);
    expect(() => pool.grantReadOwnItems(albums, { attributes: ['identityId', 'albumId', `${longest}a`] })).toThrow(
      `Stack/Pool: grantReadOwnItems attributes[2] must be an attribute name of 1-255 characters (received: "${longest}a")`);
  });

  test('grantWriteOwnItems with attributes: only SPECIFIC_ATTRIBUTES, and writes return only what they wrote', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const albums = table(stack);

    // WHEN
    pool.grantWriteOwnItems(albums, { attributes: ['identityId', 'albumId', 'title'] });

    // THEN
    const tableId = stack.getLogicalId(albums.node.defaultChild as dynamodb.CfnTable);
    expect(statementsOf(stack, pool.authenticatedRole)).toEqual([{
      Effect: 'Allow',
      Action: WRITE,
      Resource: { 'Fn::GetAtt': [tableId, 'Arn'] },
      Condition: {
        'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [IDENTITY_ID], 'dynamodb:Attributes': ['identityId', 'albumId', 'title'] },
        'StringEqualsIfExists': { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES', 'dynamodb:ReturnValues': ['NONE', 'UPDATED_OLD', 'UPDATED_NEW'] },
      },
    }]);
  });

  test('a table keyed by a principal tag needs a string partition key too, and the message says it holds the tag', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const counters = new dynamodb.Table(stack, 'Counters', { partitionKey: { name: 'counterId', type: dynamodb.AttributeType.NUMBER } });

    // WHEN / THEN
    expect(() => pool.grantReadOwnItems(counters, { ownerKey: OwnerKey.principalTag('sub') })).toThrow(
      'Stack/Pool: grantReadOwnItems table must have a string (S) partition key to hold the owner\'s principal tag, '
      + 'but counterId is of type N (received: "Stack/Counters")');
  });

  test('a TableV2 is judged by its schema too', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const good = new dynamodb.TableV2(stack, 'Good', { partitionKey: { name: 'identityId', type: dynamodb.AttributeType.STRING } });
    const bad = new dynamodb.TableV2(stack, 'Bad', { partitionKey: { name: 'n', type: dynamodb.AttributeType.NUMBER } });
    pool.grantReadOwnItems(good, { attributes: ['identityId'] });
    expect(() => pool.grantReadOwnItems(bad)).toThrow('but n is of type N (received: "Stack/Bad")');
    expect(() => pool.grantReadOwnItems(good, { attributes: ['title'] })).toThrow('must include the table\'s key attributes (identityId)');
  });

  test('an imported table is granted by its ARN, with its key', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const key = kms.Key.fromKeyArn(stack, 'Key', 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab');
    const imported = dynamodb.Table.fromTableAttributes(stack, 'Imported', {
      tableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/Albums',
      encryptionKey: key,
    });

    pool.grantReadOwnItems(imported, { attributes: ['anything'] });

    expect(statementsOf(stack, pool.authenticatedRole)).toEqual([
      {
        Effect: 'Allow',
        Action: READ,
        Resource: ['arn:aws:dynamodb:us-east-1:123456789012:table/Albums', 'arn:aws:dynamodb:us-east-1:123456789012:table/Albums/index/*'],
        Condition: {
          'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [IDENTITY_ID], 'dynamodb:Attributes': ['anything'] },
          'StringEqualsIfExists': { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
        },
      },
      { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:DescribeKey'], Resource: key.keyArn },
    ]);
  });

  test('a table with a customer-managed key grants the key actions table.grantReadData and grantWriteData give', () => {
    for (const [method, keyActions] of [
      ['grantReadOwnItems', ['kms:Decrypt', 'kms:DescribeKey']],
      ['grantWriteOwnItems', ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*']],
      ['grantReadWriteOwnItems', ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*']],
    ] as const) {
      const stack = newStack();
      const pool = new IdentityPool(stack, 'Pool');
      const albums = table(stack, { encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED });
      (pool as any)[method](albums);
      const keyId = stack.getLogicalId(albums.encryptionKey!.node.defaultChild as kms.CfnKey);
      expect(statementsOf(stack, pool.authenticatedRole)).toContainEqual({
        Effect: 'Allow', Action: keyActions, Resource: { 'Fn::GetAtt': [keyId, 'Arn'] },
      });
    }
  });

  test('no grant reaches the unauthenticated role unless it is named', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    pool.grantReadWriteOwnItems(table(stack));
    pool.grantReadWriteOwnObjects(new s3.Bucket(stack, 'Photos'));
    pool.grantReadSharedObjects(new s3.Bucket(stack, 'Public'), { prefix: 'public/' });
    expect(statementsOf(stack, pool.unauthenticatedRole)).toEqual([]);
  });

  test('the guest check sees a policy the guest role shares with another role', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const shared = new iam.Policy(stack, 'Shared', { statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] });
    shared.attachToRole(pool.authenticatedRole);
    shared.attachToRole(pool.unauthenticatedRole);
    expect(statementsOf(stack, pool.unauthenticatedRole)).toEqual([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]);
  });
});
