import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Dependable } from 'constructs';
import { IdentityPool, IdentityPoolIdentityType, IdentityPoolPrincipal, UserPoolAuthenticationProvider } from '../../../src';
import { SignedInUsers } from '../../../src/private/grants/signed-in-users';
import { statementsOf } from '../../support/role-statements';

const SUB = '${cognito-identity.amazonaws.com:sub}';

function fixture() {
  const stack = new Stack(new App(), 'Stack');
  const userPool = new cognito.UserPool(stack, 'Users');
  const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })] } });
  const photos = new s3.Bucket(stack, 'Photos');
  const albums = new dynamodb.Table(stack, 'Albums', { partitionKey: { name: 'identityId', type: dynamodb.AttributeType.STRING } });
  return { stack, userPool, pool, photos, albums };
}

/** The statements of the own-folder read grant on `private/`, as rendered. */
function ownFolderRead(stack: Stack, photos: s3.Bucket): object[] {
  const bucketId = stack.getLogicalId(photos.node.defaultChild as s3.CfnBucket);
  return [
    { Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, `/private/${SUB}/*`]] } },
    {
      Effect: 'Allow',
      Action: 's3:ListBucket',
      Resource: { 'Fn::GetAtt': [bucketId, 'Arn'] },
      Condition: { StringLike: { 's3:prefix': [`private/${SUB}/*`] } },
    },
  ];
}

describe('grants to every signed-in user', () => {
  test('reach the authenticated role, group roles and mapped roles, made before or after the grant, with the same statements', () => {
    const { stack, userPool, pool, photos } = fixture();
    const before = pool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });
    pool.grantReadOwnObjects(photos, { prefix: 'private/' });
    const after = pool.addUserPoolGroupRole('Editors', { userPool, precedence: 2 });
    const mapped = pool.addMappedRole('Mapped');
    const expected = ownFolderRead(stack, photos);
    for (const role of [pool.authenticatedRole, before.role, after.role, mapped]) {
      expect(statementsOf(stack, role)).toEqual(expected);
    }
  });

  test('never reach the guest role, nor a role of the app the pool did not make', () => {
    const { stack, pool, photos, albums } = fixture();
    const other = new iam.Role(stack, 'Other', { assumedBy: new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED) });
    pool.grantReadWriteOwnObjects(photos);
    pool.grantReadWriteOwnItems(albums);
    pool.grantReadSharedObjects(photos, { prefix: 'public/' });
    expect(statementsOf(stack, pool.unauthenticatedRole)).toEqual([]);
    expect(statementsOf(stack, other)).toEqual([]);
  });

  test('a grant that names a grantee goes to that grantee only', () => {
    const { stack, userPool, pool, photos } = fixture();
    const admins = pool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });
    pool.grantReadOwnObjects(photos, { prefix: 'private/', grantee: admins.role });
    expect(statementsOf(stack, admins.role)).toEqual(ownFolderRead(stack, photos));
    expect(statementsOf(stack, pool.authenticatedRole)).toEqual([]);
  });

  test('signedInUsers is a grantee of its own, for any grant', () => {
    const { stack, userPool, pool, photos } = fixture();
    const admins = pool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });
    photos.grantRead(pool.signedInUsers, 'public/*');
    for (const role of [pool.authenticatedRole, admins.role]) {
      expect(statementsOf(stack, role)).toEqual([expect.objectContaining({ Action: ['s3:GetObject*', 's3:GetBucket*', 's3:List*'] })]);
    }
  });

  test('no own-data statement on any role reaches another identity\'s data: every resource and prefix holds the caller\'s sub', () => {
    const { stack, userPool, pool, photos, albums } = fixture();
    pool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });
    pool.grantReadWriteOwnObjects(photos, { prefix: 'private/' });
    pool.grantReadWriteOwnItems(albums);
    const roles = stack.node.findAll().filter((construct): construct is iam.Role => construct instanceof iam.Role);
    expect(roles.map(role => role.node.path)).toEqual(['Stack/Pool/AuthenticatedRole', 'Stack/Pool/UnauthenticatedRole', 'Stack/Pool/Admins/Role']);
    for (const role of roles) {
      for (const statement of statementsOf(stack, role)) {
        const text = JSON.stringify(statement);
        if (text.includes('s3:ListBucket')) {
          expect(statement.Condition.StringLike['s3:prefix'].every((prefix: string) => prefix.includes(SUB))).toBe(true);
        } else if (text.includes('s3:')) {
          expect(JSON.stringify(statement.Resource)).toContain(SUB);
        } else if (text.includes('dynamodb:')) {
          expect(statement.Condition['ForAllValues:StringEquals']['dynamodb:LeadingKeys']).toEqual([SUB]);
        }
      }
    }
  });
});

describe('SignedInUsers, the grantee', () => {
  const statement = () => new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] });

  function fakeRole(statementAdded: boolean, policyDependable?: object) {
    return { addToPrincipalPolicy: jest.fn(() => ({ statementAdded, policyDependable })) } as unknown as iam.IRole & {
      addToPrincipalPolicy: jest.Mock;
    };
  }

  test('assumes roles with web identity, in the pool\'s account', () => {
    const stack = new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
    const users = new SignedInUsers(new IdentityPool(stack, 'Pool'));
    expect(users.assumeRoleAction).toEqual('sts:AssumeRoleWithWebIdentity');
    expect(users.principalAccount).toEqual('123456789012');
    expect(users.grantPrincipal).toBe(users);
  });

  test('its policy fragment names each covered role by ARN', () => {
    const { stack, pool } = fixture();
    const other = new iam.Role(stack, 'Other', { assumedBy: new IdentityPoolPrincipal(pool) });
    const users = new SignedInUsers(pool);
    users.addRole(pool.authenticatedRole);
    users.addRole(other);
    expect(stack.resolve(users.policyFragment.principalJson)).toEqual({
      AWS: [stack.resolve(pool.authenticatedRole.roleArn), stack.resolve(other.roleArn)],
    });
    expect(stack.resolve(users.policyFragment.conditions)).toEqual({});
  });

  test('a role covered twice is one role, and gets each statement once', () => {
    const users = new SignedInUsers(new Stack(new App(), 'Stack'));
    const role = fakeRole(true);
    users.addToPrincipalPolicy(statement());
    users.addRole(role);
    users.addRole(role);
    users.addToPrincipalPolicy(statement());
    expect(users.coveredRoles).toEqual([role]);
    expect(role.addToPrincipalPolicy).toHaveBeenCalledTimes(2);
  });

  test('a statement counts as added with no role yet (later roles get it), not when every role refuses it', () => {
    const users = new SignedInUsers(new Stack(new App(), 'Stack'));
    expect(users.addToPrincipalPolicy(statement()).statementAdded).toBe(true);
    expect(users.addToPolicy(statement())).toBe(true);
    users.addRole(fakeRole(false));
    expect(users.addToPrincipalPolicy(statement()).statementAdded).toBe(false);
    expect(users.addToPolicy(statement())).toBe(false);
    users.addRole(fakeRole(true));
    expect(users.addToPrincipalPolicy(statement()).statementAdded).toBe(true);
  });

  test('what depends on the grant depends on every role\'s policy', () => {
    const { stack, pool } = fixture();
    const users = new SignedInUsers(pool);
    const other = new iam.Role(stack, 'Other', { assumedBy: new IdentityPoolPrincipal(pool) });
    users.addRole(pool.authenticatedRole);
    users.addRole(other);
    users.addRole(iam.Role.fromRoleArn(stack, 'Imported', 'arn:aws:iam::123456789012:role/imported', { mutable: false }));
    const result = users.addToPrincipalPolicy(statement());
    // aws-cdk-lib fills each role's dependable when it renders (and splits) the role's policies.
    Template.fromStack(stack);
    const roots = Dependable.of(result.policyDependable!).dependencyRoots.map(root => root.node.path);
    expect(roots).toEqual(['Stack/Pool/AuthenticatedRole/DefaultPolicy', 'Stack/Other/DefaultPolicy']);
  });
});
