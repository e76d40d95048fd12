import { Lazy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IdentityPool, IdentityPoolProviderUrl, UserPoolAuthenticationProvider } from '../../../../src';
import type { Layout } from '../layouts';
import { LAYOUTS, pathIn, warningsOf } from '../layouts';

describe.each(LAYOUTS)('rules on claims users can write, $name', layout => {
  function pool(writeAttributes?: cognito.ClientAttributes) {
    const stack = layout.stack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const userPoolClient = userPool.addClient('Client', { writeAttributes });
    const identityPool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient })] },
    });
    identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.userPool(userPool, userPoolClient),
      rules: [{ claim: 'nickname', claimValue: 'admin', mappedRole: identityPool.addMappedRole('Admin') }],
    });
    return stack;
  }

  test('a rule on an attribute the client may write gets userWritableClaim on the attachment', () => {
    const stack = pool();
    expect(warningsOf(stack, 'userWritableClaim')).toEqual([
      `/${pathIn(stack, 'Pool/DefaultRoleAttachment')}: roleMappings[0].rules[0] gives the role ${pathIn(stack, 'Pool/Admin')} on the claim "nickname", `
      + `a user pool attribute that users of the app client ${pathIn(stack, 'Users/Client')} can write themselves (the client sets no writeAttributes, `
      + 'so it may write every attribute), so any of them can change it and give themselves the role; map a claim users cannot write (such as '
      + 'cognito:groups), or leave the attribute out of the client\'s writeAttributes [ack: cdk-identity-pool:userWritableClaim]',
    ]);
  });

  test('a user pool whose schema resolves to something other than a list is not judged: the L1 refuses it itself', () => {
    const stack = pool();
    const userPool = stack.node.findChild('Users').node.defaultChild as cognito.CfnUserPool;
    userPool.schema = Lazy.any({ produce: () => ({ name: 'nickname', mutable: true }) });
    expect(() => Template.fromStack(stack)).toThrow(/Supplied properties not correct for "CfnUserPoolProps"\s+schema: /);
  });

  test('a client that may not write it passes', () => {
    expect(warningsOf(pool(new cognito.ClientAttributes().withStandardAttributes({ email: true })), 'userWritableClaim')).toEqual([]);
  });
});

describe.each(LAYOUTS)('claims judged on the user pool\'s L1, $name', layout => {
  /** A pool with a Rules mapping on `claim` for a user pool whose L1 `configure` edits; the client sets no writeAttributes. */
  function poolWith(claim: string, configure: (cfn: cognito.CfnUserPool) => void) {
    const stack = layout.stack();
    const userPool = new cognito.UserPool(stack, 'Users');
    configure(userPool.node.defaultChild as cognito.CfnUserPool);
    const userPoolClient = userPool.addClient('Client');
    const identityPool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient })] },
    });
    identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.userPool(userPool, userPoolClient),
      rules: [{ claim, claimValue: 'admin', mappedRole: identityPool.addMappedRole('Admin') }],
    });
    return stack;
  }

  /** The warning for a rule on `claim` a client without writeAttributes can write, for the given reason. */
  function writable(stack: ReturnType<Layout['stack']>, claim: string, means: string): string {
    return `/${pathIn(stack, 'Pool/DefaultRoleAttachment')}: roleMappings[0].rules[0] gives the role ${pathIn(stack, 'Pool/Admin')} on the claim `
      + `"${claim}", a user pool attribute that users of the app client ${pathIn(stack, 'Users/Client')} can write themselves (the client sets no `
      + `writeAttributes, so it may write every attribute), ${means}; map a claim users cannot write (such as cognito:groups), or leave the `
      + 'attribute out of the client\'s writeAttributes [ack: cdk-identity-pool:userWritableClaim]';
  }

  const IMMUTABLE = 'and though it is immutable, self sign-up is on, so anyone can sign up with the value that gives them the role';

  test('a schema entry named with its custom: prefix is the custom attribute', () => {
    const stack = poolWith('custom:tier', cfn => {
      cfn.schema = [{ name: 'custom:tier', attributeDataType: 'String', mutable: true }];
    });
    expect(warningsOf(stack, 'userWritableClaim')).toEqual([writable(stack, 'custom:tier', 'so any of them can change it and give themselves the role')]);
  });

  test('an immutable attribute of a user pool with no adminCreateUserConfig (self sign-up, CloudFormation\'s default) is writable at sign-up', () => {
    const stack = poolWith('custom:tier', cfn => {
      cfn.schema = [{ name: 'tier', attributeDataType: 'String', mutable: false }];
      cfn.adminCreateUserConfig = undefined;
    });
    expect(warningsOf(stack, 'userWritableClaim')).toEqual([writable(stack, 'custom:tier', IMMUTABLE)]);
  });

  test('an adminCreateUserConfig that does not set allowAdminCreateUserOnly leaves self sign-up on', () => {
    const stack = poolWith('custom:tier', cfn => {
      cfn.schema = [{ name: 'tier', attributeDataType: 'String', mutable: false }];
      cfn.adminCreateUserConfig = { unusedAccountValidityDays: 7 };
    });
    expect(warningsOf(stack, 'userWritableClaim')).toEqual([writable(stack, 'custom:tier', IMMUTABLE)]);
  });

  test('an immutable attribute of a user pool where only admins create users passes', () => {
    const stack = poolWith('custom:tier', cfn => {
      cfn.schema = [{ name: 'tier', attributeDataType: 'String', mutable: false }];
      cfn.adminCreateUserConfig = { allowAdminCreateUserOnly: true };
    });
    expect(warningsOf(stack, 'userWritableClaim')).toEqual([]);
  });

  test('a claim with a token in it is not judged, even where the schema names the same token', () => {
    const tier = Lazy.string({ produce: () => 'tier' });
    const stack = poolWith(`custom:${tier}`, cfn => {
      cfn.schema = [{ name: tier, attributeDataType: 'String', mutable: true }];
    });
    expect(warningsOf(stack, 'userWritableClaim')).toEqual([]);
  });

  test('a schema entry that is null is read past', () => {
    const stack = poolWith('custom:tier', cfn => {
      cfn.schema = Lazy.any({ produce: () => [null, { name: 'tier', attributeDataType: 'String', mutable: true }] });
    });
    expect(warningsOf(stack, 'userWritableClaim')).toEqual([writable(stack, 'custom:tier', 'so any of them can change it and give themselves the role')]);
  });

  test('a client of a user pool the app imports is not judged: its schema cannot be read', () => {
    const stack = layout.stack();
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'Users', 'us-east-1_abcdefghi');
    const userPoolClient = new cognito.UserPoolClient(stack, 'Client', { userPool });
    const identityPool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient })] },
    });
    identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.userPool(userPool, userPoolClient),
      rules: [{ claim: 'nickname', claimValue: 'admin', mappedRole: identityPool.addMappedRole('Admin') }],
    });
    expect(warningsOf(stack, 'userWritableClaim')).toEqual([]);
  });
});
