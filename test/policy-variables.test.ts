import { App, Lazy, Stack } from 'aws-cdk-lib';
import { IdentityPool, IdentityPoolPolicyVariables } from '../src';

describe('IdentityPoolPolicyVariables', () => {
  test('names the variables Cognito defines', () => {
    expect(IdentityPoolPolicyVariables.IDENTITY_ID).toBe('${cognito-identity.amazonaws.com:sub}');
    expect(IdentityPoolPolicyVariables.IDENTITY_POOL_ID).toBe('${cognito-identity.amazonaws.com:aud}');
    expect(IdentityPoolPolicyVariables.AUTHENTICATION_METHODS).toBe('${cognito-identity.amazonaws.com:amr}');
  });

  test.each([
    ['us-east-1', '${cognito-identity.amazonaws.com:sub}'],
    ['cn-north-1', '${cognito-identity.amazonaws.com:sub}'],
    ['us-gov-west-1', '${cognito-identity-us-gov.amazonaws.com:sub}'],
  ])('identityIdOf a pool in %s', (region, variable) => {
    const stack = new Stack(new App(), 'Stack', { env: { region, account: '123456789012' } });
    expect(IdentityPoolPolicyVariables.identityIdOf(new IdentityPool(stack, 'Pool'))).toBe(variable);
  });

  test('identityIdOf a pool of an env-agnostic stack is the commercial variable', () => {
    const stack = new Stack(new App(), 'Stack');
    expect(IdentityPoolPolicyVariables.identityIdOf(new IdentityPool(stack, 'Pool'))).toBe(IdentityPoolPolicyVariables.IDENTITY_ID);
  });

  test('principalTag', () => {
    expect(IdentityPoolPolicyVariables.principalTag('sub')).toBe('${aws:PrincipalTag/sub}');
    expect(IdentityPoolPolicyVariables.principalTag('a b:c/d=e+f-g@h_i.j')).toBe('${aws:PrincipalTag/a b:c/d=e+f-g@h_i.j}');
  });

  test.each(['', 'a}b', 'x'.repeat(129), 'a*b'])('principalTag(%j) fails', (tagKey) => {
    expect(() => IdentityPoolPolicyVariables.principalTag(tagKey)).toThrow(
      `tagKey must be a principal tag key of 1-128 letters, digits, spaces or _.:/=+-@ (received: ${JSON.stringify(tagKey)})`);
  });

  test('a token tag key passes', () => {
    const key = Lazy.string({ produce: () => 'sub' });
    expect(IdentityPoolPolicyVariables.principalTag(key)).toContain('${Token[');
  });
});
