import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityPool } from '../../../src';

function newStack(): Stack {
  return new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'eu-west-1' } });
}

function backend(stack: Stack): iam.Role {
  return new iam.Role(stack, 'Backend', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
}

function policyOf(stack: Stack, role: iam.Role): unknown {
  return Template.fromStack(stack).findResources('AWS::IAM::Policy', {
    Properties: { Roles: [{ Ref: stack.getLogicalId(role.node.defaultChild as iam.CfnRole) }] },
  });
}

function poolArn(stack: Stack, pool: IdentityPool): object {
  return {
    'Fn::Join': ['', [
      'arn:', { Ref: 'AWS::Partition' }, ':cognito-identity:eu-west-1:123456789012:identitypool/',
      { Ref: stack.getLogicalId(pool.node.defaultChild as cognito.CfnIdentityPool) },
    ]],
  };
}

describe('developer authenticated identities', () => {
  test('grantOpenIdTokenForDeveloperIdentity: GetOpenIdTokenForDeveloperIdentity on the pool ARN', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { customProvider: 'login.photos.example' } });
    const role = backend(stack);

    // WHEN
    const grant = pool.grantOpenIdTokenForDeveloperIdentity(role);

    // THEN
    expect(grant.success).toBe(true);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: stack.getLogicalId(role.node.defaultChild as iam.CfnRole) }],
      PolicyDocument: {
        Statement: [{ Effect: 'Allow', Action: 'cognito-identity:GetOpenIdTokenForDeveloperIdentity', Resource: poolArn(stack, pool) }],
      },
    });
  });

  test('grantDeveloperIdentityAdministration: lookup, merge and unlink on the pool ARN', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { customProvider: 'login.photos.example' } });
    const role = backend(stack);

    pool.grantDeveloperIdentityAdministration(role);

    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: ['cognito-identity:LookupDeveloperIdentity', 'cognito-identity:MergeDeveloperIdentities', 'cognito-identity:UnlinkDeveloperIdentity'],
          Resource: poolArn(stack, pool),
        }],
      },
    });
  });

  test.each(['grantOpenIdTokenForDeveloperIdentity', 'grantDeveloperIdentityAdministration'] as const)(
    '%s on a pool without a developer provider name fails, saying to set customProvider', (method) => {
      const stack = newStack();
      const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { google: { clientId: 'abc.apps.googleusercontent.com' } } });
      expect(() => pool[method](backend(stack))).toThrow(
        `Stack/Pool: authenticationProviders.customProvider must be set for ${method}: without a developer provider name Cognito rejects `
        + 'every developer identity call; set it when creating the pool, and choose it for good: it cannot change once users exist '
        + '(received: undefined)');
    });

  test('an imported pool, whose configuration is unknown, is granted by its ARN', () => {
    const stack = newStack();
    const pool = IdentityPool.fromIdentityPoolArn(stack, 'Imported',
      'arn:aws:cognito-identity:eu-west-1:210987654321:identitypool/eu-west-1:0a1b2c3d-1234-5678-90ab-cdef01234567');
    const role = backend(stack);

    pool.grantOpenIdTokenForDeveloperIdentity(role);
    pool.grantDeveloperIdentityAdministration(role);

    expect(Object.values(policyOf(stack, role) as object)[0].Properties.PolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 'cognito-identity:GetOpenIdTokenForDeveloperIdentity',
        Resource: 'arn:aws:cognito-identity:eu-west-1:210987654321:identitypool/eu-west-1:0a1b2c3d-1234-5678-90ab-cdef01234567',
      },
      {
        Effect: 'Allow',
        Action: ['cognito-identity:LookupDeveloperIdentity', 'cognito-identity:MergeDeveloperIdentities', 'cognito-identity:UnlinkDeveloperIdentity'],
        Resource: 'arn:aws:cognito-identity:eu-west-1:210987654321:identitypool/eu-west-1:0a1b2c3d-1234-5678-90ab-cdef01234567',
      },
    ]);
  });
});
