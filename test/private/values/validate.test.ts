import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { StringRule } from '../../../src/private/values/validate';
import { checkString, stringError } from '../../../src/private/values/validate';

const RULE: StringRule = { min: 2, max: 4, pattern: /^[a-z]+$/, patternText: '[a-z]+' };

describe('stringError', () => {
  test.each(['ab', 'abc', 'abcd'])('%j, within the lengths and the pattern, breaks no rule', (value) => {
    expect(stringError(value, RULE)).toBeUndefined();
  });

  test.each([
    ['a', 1],
    ['abcde', 5],
    ['', 0],
  ])('%j breaks the length rule, which names the bounds and the length it got', (value, length) => {
    expect(stringError(value, RULE)).toBe(`must be 2-4 characters long, got ${length}`);
  });

  test('a value of the right length that does not match names the pattern as users read it', () => {
    expect(stringError('aB', RULE)).toBe('must match [a-z]+');
  });

  test('the length is judged before the pattern', () => {
    expect(stringError('ABCDE', RULE)).toBe('must be 2-4 characters long, got 5');
  });

  test('without a pattern text the message shows the pattern\'s source', () => {
    expect(stringError('a1', { min: 1, max: 8, pattern: /^[a-z]+$/ })).toBe('must match ^[a-z]+$');
  });

  test('without a pattern only the lengths count', () => {
    expect(stringError('A B !', { min: 1, max: 8 })).toBeUndefined();
  });

  test('a token is not judged, whatever its encoded length', () => {
    const stack = new Stack(new App(), 'Stack');
    const token = new CfnParameter(stack, 'Value').valueAsString;
    expect(stringError(token, { min: 1, max: 2, pattern: /^a$/ })).toBeUndefined();
  });
});

describe('checkString', () => {
  const scope = new Construct(new Stack(new App(), 'Stack'), 'Pool');

  test('throws the broken rule with the path, the property and the value', () => {
    expect(() => checkString(scope, 'identityPoolName', 'A', RULE))
      .toThrow('Stack/Pool: identityPoolName must be 2-4 characters long, got 1 (received: "A")');
    expect(() => checkString(scope, 'identityPoolName', 'AB', RULE))
      .toThrow('Stack/Pool: identityPoolName must match [a-z]+ (received: "AB")');
  });

  test('an absent value and a good one pass', () => {
    expect(() => checkString(scope, 'identityPoolName', undefined, RULE)).not.toThrow();
    expect(() => checkString(scope, 'identityPoolName', 'abc', RULE)).not.toThrow();
  });
});
