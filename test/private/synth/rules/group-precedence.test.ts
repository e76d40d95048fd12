import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IdentityPool, UserPoolAuthenticationProvider } from '../../../../src';
import { LAYOUTS, pathIn, warningsOf } from '../layouts';

describe.each(LAYOUTS)('group precedence under a Token mapping, $name', layout => {
  function pool(precedences: [number, number]) {
    const stack = layout.stack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const identityPool = new IdentityPool(stack, 'Pool', { authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })] } });
    identityPool.addUserPoolGroupRole('Admins', { userPool, groupName: 'admins', precedence: precedences[0] });
    identityPool.addUserPoolGroupRole('Editors', { userPool, groupName: 'editors', precedence: precedences[1] });
    return stack;
  }

  test('two groups with one precedence and different roles get groupPrecedence on the attachment', () => {
    const stack = pool([1, 1]);
    expect(warningsOf(stack, 'groupPrecedence')).toEqual([
      `/${pathIn(stack, 'Pool/DefaultRoleAttachment')}: The user pool groups ${pathIn(stack, 'Pool/Admins/Group')} ("admins") and `
      + `${pathIn(stack, 'Pool/Editors/Group')} ("editors") have the same precedence (1) and different roles, so users in both get no `
      + 'cognito:preferred_role claim and the Token mapping roleMappings[0] treats their role as ambiguous: unless the client asks for one of the '
      + 'roles (CustomRoleArn), they get the default authenticated role (resolveAmbiguousRoles); give the groups different precedences (the lowest wins) '
      + '[ack: cdk-identity-pool:groupPrecedence]',
    ]);
  });

  test('under a Token mapping that denies users in no group, the warning says those in both are denied', () => {
    const stack = layout.stack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const identityPool = new IdentityPool(stack, 'Pool', { authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })] } });
    identityPool.addUserPoolGroupRole('Admins', { userPool, groupName: 'admins', precedence: 1, denyUsersInNoGroup: true });
    identityPool.addUserPoolGroupRole('Editors', { userPool, groupName: 'editors', precedence: 1, denyUsersInNoGroup: true });
    expect(warningsOf(stack, 'groupPrecedence')).toEqual([
      expect.stringContaining('treats their role as ambiguous: unless the client asks for one of the roles (CustomRoleArn), they are denied credentials '
        + '(Deny); give the groups different precedences (the lowest wins) [ack: cdk-identity-pool:groupPrecedence]'),
    ]);
  });

  test('different precedences pass', () => {
    expect(warningsOf(pool([1, 2]), 'groupPrecedence')).toEqual([]);
  });
});
