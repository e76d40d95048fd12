import { Lazy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IdentityPool, IdentityPoolProviderUrl, UserPoolAuthenticationProvider } from '../../../../src';
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
