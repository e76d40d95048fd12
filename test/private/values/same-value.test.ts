import { App, Lazy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { sameValue } from '../../../src/private/values/same-value';

describe('sameValue', () => {
  const stack = new Stack(new App(), 'Stack');
  const userPool = new cognito.UserPool(stack, 'Users');

  test('equal strings are the same', () => {
    expect(sameValue(stack, 'graph.facebook.com', 'graph.facebook.com')).toBe(true);
  });

  test('different concrete strings are not', () => {
    expect(sameValue(stack, 'graph.facebook.com', 'accounts.google.com')).toBe(false);
  });

  test('two token strings that resolve alike are the same', () => {
    const built = `${Lazy.string({ produce: () => userPool.userPoolProviderName })}`;
    expect(built).not.toBe(userPool.userPoolProviderName);
    expect(sameValue(stack, built, userPool.userPoolProviderName)).toBe(true);
  });

  test('a token and the concrete string it resolves to are the same, in either order', () => {
    const token = Lazy.string({ produce: () => 'graph.facebook.com' });
    expect(sameValue(stack, token, 'graph.facebook.com')).toBe(true);
    expect(sameValue(stack, 'graph.facebook.com', token)).toBe(true);
  });

  test('a token and a string it does not resolve to are not', () => {
    expect(sameValue(stack, userPool.userPoolProviderName, 'cognito-idp.us-east-1.amazonaws.com/us-east-1_x')).toBe(false);
  });
});
