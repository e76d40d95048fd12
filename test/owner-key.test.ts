import { App, Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { IdentityPool, IdentityPoolPrincipalTags, OwnerKey, UserPoolAuthenticationProvider } from '../src';
import { statementsOf } from './support/role-statements';

function newStack(): Stack {
  return new Stack(new App(), 'Stack');
}

function poolWithUserPool(stack: Stack): { pool: IdentityPool; userPool: cognito.UserPool } {
  const userPool = new cognito.UserPool(stack, 'Users');
  const pool = new IdentityPool(stack, 'Pool', {
    authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })] },
  });
  return { pool, userPool };
}


describe('OwnerKey', () => {
  test('IDENTITY_ID keys by the identity id, principalTag by the tag', () => {
    expect(OwnerKey.IDENTITY_ID.principalTagKey).toBeUndefined();
    expect(OwnerKey.principalTag('sub').principalTagKey).toBe('sub');
  });

  test('principalTag checks the key', () => {
    expect(() => OwnerKey.principalTag('')).toThrow(
      'tagKey must be a principal tag key of 1-128 letters, digits, spaces or _.:/=+-@ (received: "")');
  });

  test('data keyed by the user pool sub: S3 folders and DynamoDB partition keys use ${aws:PrincipalTag/sub}', () => {
    // GIVEN
    const stack = newStack();
    const { pool, userPool } = poolWithUserPool(stack);
    pool.addPrincipalTags('UserPoolTags', { providerName: userPool.userPoolProviderName, principalTags: { sub: 'sub' } });
    const bucket = new s3.Bucket(stack, 'Photos');
    const table = new dynamodb.Table(stack, 'Albums', { partitionKey: { name: 'userSub', type: dynamodb.AttributeType.STRING } });

    // WHEN
    pool.grantReadWriteOwnObjects(bucket, { prefix: 'private/', ownerKey: OwnerKey.principalTag('sub') });
    pool.grantReadWriteOwnItems(table, { ownerKey: OwnerKey.principalTag('sub') });

    // THEN
    const statements = statementsOf(stack, pool.authenticatedRole);
    expect(statements[0].Resource['Fn::Join'][1][1]).toBe('/private/${aws:PrincipalTag/sub}/*');
    expect(statements[1].Condition).toEqual({ StringLike: { 's3:prefix': ['private/${aws:PrincipalTag/sub}/*'] } });
    expect(statements[2].Condition).toEqual({ 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': ['${aws:PrincipalTag/sub}'] } });
    // The default roles receive the tags: their trust allows sts:TagSession.
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRoleWithWebIdentity' }, { Action: 'sts:TagSession' }] },
    });
  });

  test('a principal tag mapping added after the grant counts', () => {
    const stack = newStack();
    const { pool, userPool } = poolWithUserPool(stack);
    pool.grantReadOwnObjects(new s3.Bucket(stack, 'Photos'), { ownerKey: OwnerKey.principalTag('sub') });
    pool.addPrincipalTags('UserPoolTags', { providerName: userPool.userPoolProviderName, principalTags: { sub: 'sub' } });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('a grant keyed by a tag that no principal tag mapping passes fails at synthesis', () => {
    // GIVEN
    const stack = newStack();
    const { pool, userPool } = poolWithUserPool(stack);
    pool.addPrincipalTags('UserPoolTags', { providerName: userPool.userPoolProviderName, principalTags: { department: 'custom:department' } });

    // WHEN
    pool.grantReadOwnItems(new dynamodb.Table(stack, 'Albums', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } }),
      { ownerKey: OwnerKey.principalTag('sub') });

    // THEN
    expect(() => Template.fromStack(stack)).toThrow(
      '[Stack/Pool] grantReadOwnItems ownerKey must name a principal tag that a principal tag mapping of this identity pool passes '
      + '(addPrincipalTags), but it passes department (received: "sub")');
  });

  test('a pool without any principal tag mapping fails too', () => {
    const stack = newStack();
    const { pool } = poolWithUserPool(stack);
    pool.grantWriteOwnObjects(new s3.Bucket(stack, 'Photos'), { ownerKey: OwnerKey.principalTag('sub') });
    expect(() => Template.fromStack(stack)).toThrow(
      '[Stack/Pool] grantWriteOwnObjects ownerKey must name a principal tag that a principal tag mapping of this identity pool passes '
      + '(addPrincipalTags), but it passes none (received: "sub")');
  });

  test('a mapping that uses its provider\'s defaults passes any key (the defaults are not known here)', () => {
    const stack = newStack();
    const { pool, userPool } = poolWithUserPool(stack);
    pool.addPrincipalTags('UserPoolTags', { providerName: userPool.userPoolProviderName });
    pool.grantReadOwnObjects(new s3.Bucket(stack, 'Photos'), { ownerKey: OwnerKey.principalTag('username') });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('an imported pool without mappings in the app is not judged', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    const unknown = IdentityPool.fromIdentityPoolId(stack, 'Unknown', 'us-east-1:0a1b2c3d-1234-5678-90ab-cdef01234567');
    unknown.grantReadOwnObjects(new s3.Bucket(stack, 'Photos'), { grantee: role, ownerKey: OwnerKey.principalTag('sub') });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('an imported pool with a principal tag mapping in the app is judged', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    const known = IdentityPool.fromIdentityPoolId(stack, 'Known', 'us-east-1:1a1b2c3d-1234-5678-90ab-cdef01234567');
    new IdentityPoolPrincipalTags(stack, 'Tags', { identityPool: known, providerName: 'accounts.google.com', principalTags: { email: 'email' } });
    known.grantReadOwnObjects(new s3.Bucket(stack, 'Photos'), { grantee: role, ownerKey: OwnerKey.principalTag('sub') });
    expect(() => Template.fromStack(stack)).toThrow(
      '[Stack/Known] grantReadOwnObjects ownerKey must name a principal tag that a principal tag mapping of this identity pool passes '
      + '(addPrincipalTags), but it passes email (received: "sub")');
  });

  test('a token tag key passes unjudged', () => {
    const stack = newStack();
    const { pool } = poolWithUserPool(stack);
    pool.grantReadOwnObjects(new s3.Bucket(stack, 'Photos'), { ownerKey: OwnerKey.principalTag(Lazy.string({ produce: () => 'sub' })) });
    expect(() => Template.fromStack(stack)).not.toThrow();
  });
});
