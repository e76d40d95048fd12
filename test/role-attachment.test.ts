import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityPool, IdentityPoolProviderUrl, IdentityPoolRoleAttachment } from '../src';

function newStack(): Stack {
  return new Stack(new App(), 'Stack');
}

describe('IdentityPoolRoleAttachment', () => {
  test('attaches roles and mappings to an imported pool', () => {
    // GIVEN
    const stack = newStack();
    const identityPool = IdentityPool.fromIdentityPoolId(stack, 'Imported', 'us-east-1:0a1b2c3d-1111-2222-3333-444455556666');
    const authenticatedRole = new iam.Role(stack, 'Auth', { assumedBy: new iam.AccountRootPrincipal() });

    // WHEN
    const attachment = new IdentityPoolRoleAttachment(stack, 'Attachment', {
      identityPool,
      authenticatedRole,
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.GOOGLE, useToken: true }],
    });
    attachment.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.FACEBOOK, useToken: true });

    // THEN
    expect(attachment.identityPoolId).toBe('us-east-1:0a1b2c3d-1111-2222-3333-444455556666');
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      IdentityPoolId: 'us-east-1:0a1b2c3d-1111-2222-3333-444455556666',
      Roles: { authenticated: { 'Fn::GetAtt': [stack.getLogicalId(authenticatedRole.node.defaultChild as iam.CfnRole), 'Arn'] } },
      RoleMappings: {
        'accounts.google.com': { Type: 'Token', AmbiguousRoleResolution: 'Deny', IdentityProvider: 'accounts.google.com' },
        'graph.facebook.com': { Type: 'Token', AmbiguousRoleResolution: 'Deny', IdentityProvider: 'graph.facebook.com' },
      },
    });
  });

  test('without roles or mappings it renders neither', () => {
    const stack = newStack();
    const identityPool = IdentityPool.fromIdentityPoolId(stack, 'Imported', 'us-east-1:abc');
    new IdentityPoolRoleAttachment(stack, 'Attachment', { identityPool });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      IdentityPoolId: 'us-east-1:abc',
      Roles: Match.absent(),
      RoleMappings: Match.absent(),
    });
  });

  test.each(['authenticatedRole', 'unauthenticatedRole'])('a %s whose ARN is not a role\'s fails', property => {
    const stack = newStack();
    const identityPool = IdentityPool.fromIdentityPoolId(stack, 'Imported', 'us-east-1:0a1b2c3d-1111-2222-3333-444455556666');
    const user = iam.Role.fromRoleArn(stack, 'User', 'arn:aws:iam::123456789012:user/admin');
    expect(() => new IdentityPoolRoleAttachment(stack, 'Attachment', { identityPool, [property]: user })).toThrow(`Stack/Attachment: ${property} must be `
      + 'an IAM role, whose ARN has the form arn:<partition>:iam::<account>:role/<name> (20-2048 characters) (received: "arn:aws:iam::123456789012:user/admin")');
  });

  test('the primary resource has the id Resource', () => {
    const stack = newStack();
    const attachment = new IdentityPoolRoleAttachment(stack, 'Attachment', {
      identityPool: IdentityPool.fromIdentityPoolId(stack, 'Imported', 'us-east-1:abc'),
    });
    expect(attachment.node.defaultChild).toBeInstanceOf(cognito.CfnIdentityPoolRoleAttachment);
    expect(attachment.node.defaultChild?.node.id).toBe('Resource');
  });

  describe('one attachment per pool', () => {
    test('a second attachment for an IdentityPool fails synthesis naming both', () => {
      // GIVEN
      const stack = newStack();
      const identityPool = new IdentityPool(stack, 'Pool');

      // WHEN
      new IdentityPoolRoleAttachment(stack, 'Second', { identityPool });

      // THEN
      expect(() => Template.fromStack(stack)).toThrow(
        '[Stack/Second] an identity pool has exactly one role attachment, and Stack/Pool/DefaultRoleAttachment already configures this pool '
        + '(received a second attachment for the identity pool Stack/Pool); add role mappings to the first with addRoleMappings instead',
      );
    });

    test('a raw CfnIdentityPoolRoleAttachment aimed at the same pool fails too', () => {
      const stack = newStack();
      const identityPool = new IdentityPool(stack, 'Pool');
      new cognito.CfnIdentityPoolRoleAttachment(stack, 'Raw', { identityPoolId: identityPool.identityPoolId });
      expect(() => Template.fromStack(stack)).toThrow(
        '[Stack/Raw] an identity pool has exactly one role attachment, and Stack/Pool/DefaultRoleAttachment already configures this pool '
        + '(received a second attachment for the identity pool Stack/Pool); add role mappings to the first with addRoleMappings instead',
      );
    });

    test('two attachments for one imported pool id fail, and the message says what to do', () => {
      const stack = newStack();
      const identityPool = IdentityPool.fromIdentityPoolId(stack, 'Imported', 'us-east-1:abc');
      new IdentityPoolRoleAttachment(stack, 'First', { identityPool });
      new IdentityPoolRoleAttachment(stack, 'Second', { identityPool });
      expect(() => Template.fromStack(stack)).toThrow(
        '[Stack/Second] an identity pool has exactly one role attachment, and Stack/First already configures this pool (received a second attachment for identityPoolId "us-east-1:abc"); add role mappings to the first with addRoleMappings instead',
      );
    });

    test('the guard spans stacks of one app', () => {
      const app = new App();
      const one = new Stack(app, 'One');
      const two = new Stack(app, 'Two');
      const identityPool = IdentityPool.fromIdentityPoolId(one, 'Imported', 'us-east-1:abc');
      new IdentityPoolRoleAttachment(one, 'A', { identityPool });
      new IdentityPoolRoleAttachment(two, 'B', { identityPool: IdentityPool.fromIdentityPoolId(two, 'Imported', 'us-east-1:abc') });
      expect(() => app.synth()).toThrow('[Two/B] an identity pool has exactly one role attachment, and One/A already configures this pool '
        + '(received a second attachment for identityPoolId "us-east-1:abc"); add role mappings to the first with addRoleMappings instead');
    });

    test('attachments of different pools are fine', () => {
      const stack = newStack();
      new IdentityPool(stack, 'A');
      new IdentityPool(stack, 'B');
      new IdentityPoolRoleAttachment(stack, 'C', { identityPool: IdentityPool.fromIdentityPoolId(stack, 'Imported', 'us-east-1:abc') });
      Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 3);
    });

    test('token pool ids that differ are different pools', () => {
      const stack = newStack();
      const a = IdentityPool.fromIdentityPoolId(stack, 'A', new CfnParameter(stack, 'PoolA').valueAsString);
      const b = IdentityPool.fromIdentityPoolId(stack, 'B', new CfnParameter(stack, 'PoolB').valueAsString);
      new IdentityPoolRoleAttachment(stack, 'AttachA', { identityPool: a });
      new IdentityPoolRoleAttachment(stack, 'AttachB', { identityPool: b });
      Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 2);
    });
  });
});
