import { Lazy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityPool, IdentityPoolProviderUrl } from '../../../../src';
import { LAYOUTS, pathIn, warningsOf } from '../layouts';

describe.each(LAYOUTS)('roles trust their pool, $name', layout => {
  test('a supplied authenticated role that trusts a service gets roleTrust on the attachment', () => {
    const stack = layout.stack();
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    new IdentityPool(stack, 'Pool', { authenticatedRole: role });
    expect(warningsOf(stack, 'roleTrust')).toEqual([
      `/${pathIn(stack, 'Pool/DefaultRoleAttachment')}: The role ${pathIn(stack, 'Role')} (authenticated default role) does not trust this identity `
      + 'pool: no statement of its trust policy allows sts:AssumeRoleWithWebIdentity to the federated principal cognito-identity.amazonaws.com, so '
      + 'sign-in fails with STS AccessDenied "Not authorized to perform sts:AssumeRoleWithWebIdentity"; trust the pool with '
      + 'new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED) [ack: cdk-identity-pool:roleTrust]',
    ]);
  });

  test('a raw CfnIdentityPoolPrincipalTag is seen as the L2 is: roles without sts:TagSession are warned about', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool');
    new cognito.CfnIdentityPoolPrincipalTag(stack, 'RawTags', {
      identityPoolId: pool.identityPoolId, identityProviderName: 'graph.facebook.com', useDefaults: true,
    });
    const tagSession = (role: string, type: string) => `/${pathIn(stack, 'Pool/DefaultRoleAttachment')}: The role ${pathIn(stack, `Pool/${role}`)} `
      + `(${type.toLowerCase()} default role) does not allow sts:TagSession to cognito-identity.amazonaws.com, but this pool passes principal tags `
      + '(IdentityPoolPrincipalTags), so sign-in fails with STS AccessDenied "Not authorized to perform sts:AssumeRoleWithWebIdentity"; trust the '
      + `pool with new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.${type}).withSessionTags() [ack: cdk-identity-pool:roleTrust]`;
    expect(warningsOf(stack, 'roleTrust')).toEqual([
      tagSession('AuthenticatedRole', 'AUTHENTICATED'),
      tagSession('UnauthenticatedRole', 'UNAUTHENTICATED'),
    ]);
  });

  test('the same mapping through addPrincipalTags allows sts:TagSession on the default roles, so nothing is warned about', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { facebook: { appId: '1234567890' } } });
    pool.addPrincipalTags('Tags', { providerName: 'graph.facebook.com' });
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolPrincipalTag', 1);
    expect(warningsOf(stack, 'roleTrust')).toEqual([]);
  });

  test('a default role of one pool handed out by another is judged on its trust, which names the first pool', () => {
    const stack = layout.stack();
    const first = new IdentityPool(stack, 'First');
    new IdentityPool(stack, 'Second', { authenticatedRole: first.authenticatedRole });
    expect(warningsOf(stack, 'roleTrust')).toEqual([
      `/${pathIn(stack, 'Second/DefaultRoleAttachment')}: The role ${pathIn(stack, 'First/AuthenticatedRole')} (authenticated default role) has a `
      + 'cognito-identity.amazonaws.com:aud condition that does not name this identity pool, so this pool\'s identities cannot assume it: sign-in '
      + 'fails with STS AccessDenied "Not authorized to perform sts:AssumeRoleWithWebIdentity"; trust the pool with '
      + 'new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED) [ack: cdk-identity-pool:roleTrust]',
    ]);
  });

  test('a default role handed out as the other identity type is judged on its trust', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true, authenticationProviders: { facebook: { appId: '1234567890' } } });
    pool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.FACEBOOK,
      rules: [{ claim: 'sub', claimValue: 'x', mappedRole: pool.unauthenticatedRole }],
    });
    expect(warningsOf(stack, 'roleTrust')).toEqual([
      `/${pathIn(stack, 'Pool/DefaultRoleAttachment')}: The role ${pathIn(stack, 'Pool/UnauthenticatedRole')} (mapped role of `
      + 'roleMappings[0].rules[0]) has a cognito-identity.amazonaws.com:amr condition that admits "unauthenticated", so guests of this pool could '
      + 'assume it; trust the pool with new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED) [ack: cdk-identity-pool:roleTrust]',
    ]);
  });

  test('a role whose condition block is a token (a Lazy map) is judged on what it produces', () => {
    const stack = layout.stack();
    const pools: Record<string, IdentityPool> = {};
    const trusting = (poolId: string) => new iam.FederatedPrincipal('cognito-identity.amazonaws.com', {
      'StringEquals': Lazy.any({ produce: () => ({ 'cognito-identity.amazonaws.com:aud': pools[poolId].identityPoolId }) }),
      'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
    }, 'sts:AssumeRoleWithWebIdentity');
    pools.Other = new IdentityPool(stack, 'Other');
    pools.Pool = new IdentityPool(stack, 'Pool', { authenticatedRole: new iam.Role(stack, 'Wrong', { assumedBy: trusting('Other') }) });
    pools.Owner = new IdentityPool(stack, 'Owner', { authenticatedRole: new iam.Role(stack, 'Right', { assumedBy: trusting('Owner') }) });
    expect(warningsOf(stack, 'roleTrust')).toEqual([
      `/${pathIn(stack, 'Pool/DefaultRoleAttachment')}: The role ${pathIn(stack, 'Wrong')} (authenticated default role) has a `
      + 'cognito-identity.amazonaws.com:aud condition that does not name this identity pool, so this pool\'s identities cannot assume it: sign-in '
      + 'fails with STS AccessDenied "Not authorized to perform sts:AssumeRoleWithWebIdentity"; trust the pool with '
      + 'new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED) [ack: cdk-identity-pool:roleTrust]',
    ]);
  });

  test('a role built with IdentityPoolPrincipal passes', () => {
    const stack = layout.stack();
    new IdentityPool(stack, 'Pool');
    Template.fromStack(stack);
    expect(warningsOf(stack, 'roleTrust')).toEqual([]);
  });
});
