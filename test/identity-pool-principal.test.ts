import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityPool, IdentityPoolIdentityType, IdentityPoolPrincipal } from '../src';

describe('IdentityPoolPrincipal', () => {
  test('trusts the authenticated identities of one pool by default', () => {
    const stack = new Stack(new App(), 'Stack');
    const pool = IdentityPool.fromIdentityPoolId(stack, 'Pool', 'us-east-1:abc');
    const principal = new IdentityPoolPrincipal(pool);
    expect(principal.federated).toBe('cognito-identity.amazonaws.com');
    expect(principal.assumeRoleAction).toBe('sts:AssumeRoleWithWebIdentity');
    expect(principal.conditions).toEqual({
      'StringEquals': { 'cognito-identity.amazonaws.com:aud': 'us-east-1:abc' },
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
    });
  });

  test('trusts guests when asked', () => {
    const stack = new Stack(new App(), 'Stack');
    const pool = IdentityPool.fromIdentityPoolId(stack, 'Pool', 'us-east-1:abc');
    const principal = new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.UNAUTHENTICATED);
    expect(principal.conditions['ForAnyValue:StringLike']).toEqual({ 'cognito-identity.amazonaws.com:amr': 'unauthenticated' });
  });

  test('an imported GovCloud pool is trusted through the GovCloud principal, whatever the stack region', () => {
    const stack = new Stack(new App(), 'Stack', { env: { region: 'us-east-1' } });
    const pool = IdentityPool.fromIdentityPoolArn(stack, 'Pool', 'arn:aws-us-gov:cognito-identity:us-gov-east-1:123456789012:identitypool/us-gov-east-1:abc');
    const principal = new IdentityPoolPrincipal(pool);
    expect(principal.federated).toBe('cognito-identity-us-gov.amazonaws.com');
    expect(principal.conditions).toEqual({
      'StringEquals': { 'cognito-identity-us-gov.amazonaws.com:aud': 'us-gov-east-1:abc' },
      'ForAnyValue:StringLike': { 'cognito-identity-us-gov.amazonaws.com:amr': 'authenticated' },
    });
  });

  test.each([
    ['us-gov-west-1', 'cognito-identity-us-gov.amazonaws.com'],
    ['us-gov-east-1', 'cognito-identity-us-gov.amazonaws.com'],
    ['us-east-1', 'cognito-identity.amazonaws.com'],
    ['cn-north-1', 'cognito-identity.amazonaws.com'],
    ['cn-northwest-1', 'cognito-identity.amazonaws.com'],
  ])('serviceForRegion(%s) is %s', (region, service) => {
    expect(IdentityPoolPrincipal.serviceForRegion(region)).toBe(service);
  });

  test('an imported China pool is trusted through the commercial principal and keys', () => {
    const stack = new Stack(new App(), 'Stack', { env: { region: 'us-east-1' } });
    const pool = IdentityPool.fromIdentityPoolArn(stack, 'Pool', 'arn:aws-cn:cognito-identity:cn-north-1:123456789012:identitypool/cn-north-1:abc');
    const principal = new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.UNAUTHENTICATED);
    expect(principal.federated).toBe('cognito-identity.amazonaws.com');
    expect(principal.conditions).toEqual({
      'StringEquals': { 'cognito-identity.amazonaws.com:aud': 'cn-north-1:abc' },
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'unauthenticated' },
    });
  });

  test('an environment-agnostic region gets the commercial principal', () => {
    const stack = new Stack(new App(), 'Stack');
    expect(IdentityPoolPrincipal.serviceForRegion(stack.region)).toBe('cognito-identity.amazonaws.com');
  });

  test('works as the trusted principal of any role, with session tags', () => {
    const stack = new Stack(new App(), 'Stack');
    const pool = new IdentityPool(stack, 'Pool');
    new iam.Role(stack, 'Tagged', { assumedBy: new IdentityPoolPrincipal(pool).withSessionTags() });
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Condition: {
            'StringEquals': { 'cognito-identity.amazonaws.com:aud': { Ref: stack.getLogicalId(pool.node.defaultChild as any) } },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
          },
        }],
      },
    });
  });
});

describe('IdentityPoolPrincipal as a grantee', () => {
  test('has no policy of its own: a statement granted to it is not added, as with FederatedPrincipal', () => {
    const pool = new IdentityPool(new Stack(new App(), 'Stack'), 'Pool');
    const statement = new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] });
    expect(new IdentityPoolPrincipal(pool).addToPrincipalPolicy(statement)).toEqual({ statementAdded: false });
    expect(new IdentityPoolPrincipal(pool).addToPolicy(statement)).toBe(false);
  });
});
