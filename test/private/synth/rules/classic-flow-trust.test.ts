import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityPool, IdentityPoolProviderUrl } from '../../../../src';
import type { Layout } from '../layouts';
import { LAYOUTS, pathIn, warningsOf } from '../layouts';

describe.each(LAYOUTS)('roles of a classic-flow pool, $name', layout => {
  function roleTrusting(stack: ReturnType<Layout['stack']>, pool: IdentityPool, id: string, amr: boolean): iam.Role {
    return new iam.Role(stack, id, {
      assumedBy: new iam.FederatedPrincipal('cognito-identity.amazonaws.com', {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': pool.identityPoolId },
        ...amr ? { 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } } : {},
      }, 'sts:AssumeRoleWithWebIdentity'),
    });
  }

  test('a role of the app that trusts the pool without amr, though the pool does not hand it out, gets roleTrust', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { allowClassicFlow: true });
    roleTrusting(stack, pool, 'Loose', false);
    roleTrusting(stack, pool, 'Tight', true);
    expect(warningsOf(stack, 'roleTrust')).toEqual([
      `/${pathIn(stack, 'Pool/DefaultRoleAttachment')}: The role ${pathIn(stack, 'Loose')} trusts this identity pool without an amr condition, and `
      + 'the classic flow is on (allowClassicFlow): any identity of this pool, guests included, can get its credentials by calling STS directly; '
      + 'add the amr condition, e.g. with new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED) [ack: cdk-identity-pool:roleTrust]',
    ]);
  });

  test('a role with a statement for another pool beside one for this pool, both without amr, gets roleTrust', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { allowClassicFlow: true });
    const other = new IdentityPool(stack, 'Other');
    const role = roleTrusting(stack, other, 'Loose', false);
    role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({
      principals: [new iam.FederatedPrincipal('cognito-identity.amazonaws.com')],
      actions: ['sts:AssumeRoleWithWebIdentity'],
      conditions: { StringEquals: { 'cognito-identity.amazonaws.com:aud': pool.identityPoolId } },
    }));
    expect(warningsOf(stack, 'roleTrust')).toEqual([
      `/${pathIn(stack, 'Pool/DefaultRoleAttachment')}: The role ${pathIn(stack, 'Loose')} trusts this identity pool without an amr condition, and `
      + 'the classic flow is on (allowClassicFlow): any identity of this pool, guests included, can get its credentials by calling STS directly; '
      + 'add the amr condition, e.g. with new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED) [ack: cdk-identity-pool:roleTrust]',
    ]);
  });

  test('with the classic flow off, such a role is not the pool\'s concern', () => {
    const stack = layout.stack();
    roleTrusting(stack, new IdentityPool(stack, 'Pool'), 'Loose', false);
    expect(warningsOf(stack, 'roleTrust')).toEqual([]);
  });
});

describe.each(LAYOUTS)('roles a classic-flow pool hands out, $name', layout => {
  test('are judged by the role-trust rule alone: one warning, not a second from this rule', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { allowClassicFlow: true, authenticationProviders: { facebook: { appId: '1234567890' } } });
    const loose = new iam.Role(stack, 'Loose', {
      assumedBy: new iam.FederatedPrincipal('cognito-identity.amazonaws.com', {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': pool.identityPoolId },
      }, 'sts:AssumeRoleWithWebIdentity'),
    });
    pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.FACEBOOK, rules: [{ claim: 'sub', claimValue: 'x', mappedRole: loose }] });
    expect(warningsOf(stack, 'roleTrust')).toEqual([
      `/${pathIn(stack, 'Pool/DefaultRoleAttachment')}: The role ${pathIn(stack, 'Loose')} (mapped role of roleMappings[0].rules[0]) has no `
      + 'cognito-identity.amazonaws.com:amr condition (ForAnyValue:StringLike, "authenticated") in its trust policy, so with the classic flow on '
      + '(allowClassicFlow) any identity of this pool, guests included, can get its credentials by calling STS directly; trust the pool with '
      + 'new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED) [ack: cdk-identity-pool:roleTrust]',
    ]);
  });

  test('a role trusting another pool without amr is not this pool\'s concern', () => {
    const stack = layout.stack();
    new IdentityPool(stack, 'Pool', { allowClassicFlow: true });
    const other = new IdentityPool(stack, 'Other');
    new iam.Role(stack, 'Loose', {
      assumedBy: new iam.FederatedPrincipal('cognito-identity.amazonaws.com', {
        StringEquals: { 'cognito-identity.amazonaws.com:aud': other.identityPoolId },
      }, 'sts:AssumeRoleWithWebIdentity'),
    });
    expect(warningsOf(stack, 'roleTrust')).toEqual([]);
  });
});
