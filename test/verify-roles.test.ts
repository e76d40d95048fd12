import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityPool } from '../src';
import { VERIFY_ROLES_HANDLER } from '../src/private/imports/verify-roles-handler';

const POOL_ID = 'eu-west-1:0a1b2c3d-0000-0000-0000-000000000000';
const POOL_ARN = `arn:aws:cognito-identity:eu-west-1:123456789012:identitypool/${POOL_ID}`;

function newStack(): Stack {
  return new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'eu-west-1' } });
}

function roles(stack: Stack, prefix = '') {
  return {
    authenticatedRole: iam.Role.fromRoleArn(stack, `${prefix}Auth`, `arn:aws:iam::123456789012:role/${prefix}auth`),
    unauthenticatedRole: iam.Role.fromRoleArn(stack, `${prefix}Guest`, `arn:aws:iam::123456789012:role/${prefix}guest`),
  };
}

describe('verifyRoles: the deploy-time check of an imported pool\'s roles', () => {
  test('adds a custom resource that checks the given roles', () => {
    // GIVEN
    const stack = newStack();
    const admin = new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() });

    // WHEN
    IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolArn: POOL_ARN, ...roles(stack), mappedRoles: [admin], verifyRoles: true });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('Custom::IdentityPoolRolesCheck', 1);
    template.hasResourceProperties('Custom::IdentityPoolRolesCheck', {
      ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^IdentityPoolRolesCheck'), 'Arn'] },
      IdentityPoolId: POOL_ID,
      AuthenticatedRoleArn: 'arn:aws:iam::123456789012:role/auth',
      UnauthenticatedRoleArn: 'arn:aws:iam::123456789012:role/guest',
      MappedRoleArns: [{ 'Fn::GetAtt': [stack.getLogicalId(admin.node.defaultChild as iam.CfnRole), 'Arn'] }],
    });
  });

  test('its function is the inline Node.js handler that calls DescribeIdentityPool and GetIdentityPoolRoles', () => {
    const stack = newStack();
    IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolArn: POOL_ARN, ...roles(stack), verifyRoles: true });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Timeout: 60,
      Code: { ZipFile: VERIFY_ROLES_HANDLER },
      Description: 'Checks at deploy time that imported Cognito identity pools have the roles the stack was given (cdk-identity-pool)',
    });
    // The singleton's construct id (purpose and uuid) is its logical id: it must never change.
    expect(Object.keys(template.findResources('AWS::Lambda::Function'))).toEqual([
      expect.stringMatching(/^IdentityPoolRolesCheck8f9d3a526c1e4b7a9e0d2f4b6a1c7e35[0-9A-F]{8}$/),
    ]);
    expect(VERIFY_ROLES_HANDLER).toContain("require('@aws-sdk/client-cognito-identity')");
    expect(VERIFY_ROLES_HANDLER).toContain('new sdk.DescribeIdentityPoolCommand({ IdentityPoolId: poolId })');
    expect(VERIFY_ROLES_HANDLER).toContain('new sdk.GetIdentityPoolRolesCommand({ IdentityPoolId: poolId })');
  });

  test('its role may make exactly those two calls, on the pool\'s ARN only, and it runs after that permission exists', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolArn: POOL_ARN, ...roles(stack), verifyRoles: true });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Policy', 1);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: ['cognito-identity:DescribeIdentityPool', 'cognito-identity:GetIdentityPoolRoles'],
          Resource: POOL_ARN,
        }],
      },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })] },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AWSLambdaBasicExecutionRole']] }],
    });
    const [check] = Object.values(template.findResources('Custom::IdentityPoolRolesCheck'));
    expect(check.DependsOn).toEqual(expect.arrayContaining([
      ...Object.keys(template.findResources('AWS::Lambda::Function')),
      ...Object.keys(template.findResources('AWS::IAM::Policy')),
    ]));
  });

  test('a pool without an unauthenticated role and mapped roles is checked to have none', () => {
    const stack = newStack();
    IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolId: POOL_ID, authenticatedRole: roles(stack).authenticatedRole, verifyRoles: true });
    Template.fromStack(stack).hasResourceProperties('Custom::IdentityPoolRolesCheck', {
      IdentityPoolId: POOL_ID,
      UnauthenticatedRoleArn: Match.absent(),
      MappedRoleArns: Match.absent(),
    });
  });

  test('two checked pools in a stack share one function, each adding its own pool to the function\'s permissions', () => {
    // GIVEN
    const stack = newStack();
    const secondId = 'eu-west-1:ffffffff-0000-0000-0000-000000000000';

    // WHEN
    IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolArn: POOL_ARN, ...roles(stack), verifyRoles: true });
    IdentityPool.fromIdentityPoolAttributes(stack, 'Second', { identityPoolId: secondId, ...roles(stack, 'second'), verifyRoles: true });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.resourceCountIs('Custom::IdentityPoolRolesCheck', 2);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          { Effect: 'Allow', Action: ['cognito-identity:DescribeIdentityPool', 'cognito-identity:GetIdentityPoolRoles'], Resource: POOL_ARN },
          {
            Effect: 'Allow',
            Action: ['cognito-identity:DescribeIdentityPool', 'cognito-identity:GetIdentityPoolRoles'],
            Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:cognito-identity:eu-west-1:123456789012:identitypool/${secondId}`]] },
          },
        ],
      },
    });
  });

  test('the custom resource sits under the imported pool, as RolesCheck', () => {
    const stack = newStack();
    const pool = IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolArn: POOL_ARN, ...roles(stack), verifyRoles: true });
    expect(pool.node.tryFindChild('RolesCheck')).toBeDefined();
    expect(Object.keys(Template.fromStack(stack).findResources('Custom::IdentityPoolRolesCheck'))).toEqual([
      stack.getLogicalId(pool.node.findChild('RolesCheck').node.defaultChild as any),
    ]);
  });

  test('verifyRoles false adds nothing', () => {
    const stack = newStack();
    IdentityPool.fromIdentityPoolAttributes(stack, 'Imported', { identityPoolArn: POOL_ARN, ...roles(stack), verifyRoles: false });
    expect(Template.fromStack(stack).toJSON().Resources).toBeUndefined();
  });
});
