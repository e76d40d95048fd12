import { Token } from 'aws-cdk-lib';
import { checkPrincipalTagKey, TAG_KEY } from '../../../src/private/values/principal-tag-key';

describe('TAG_KEY', () => {
  test.each([
    ['a'], ['x'.repeat(128)], ['team name'], ['a_b.c:d/e=f+g-h@i'], ['é'], ['9'],
  ])('accepts %j', key => {
    expect(TAG_KEY.test(key)).toBe(true);
  });

  test.each([
    [''], ['x'.repeat(129)], ['a*b'], ['a,b'], ['a\nb'], ['$'],
  ])('rejects %j', key => {
    expect(TAG_KEY.test(key)).toBe(false);
  });
});

describe('checkPrincipalTagKey', () => {
  test('a valid key passes', () => {
    expect(() => checkPrincipalTagKey('tagKey', 'department')).not.toThrow();
  });

  test('a token passes unchecked', () => {
    expect(() => checkPrincipalTagKey('tagKey', Token.asString({ Ref: 'Key' }))).not.toThrow();
  });

  test('a bad key fails, naming the property, the rule and the value', () => {
    expect(() => checkPrincipalTagKey('PolicyVariables.principalTag(tagKey)', 'a*b')).toThrow(
      'PolicyVariables.principalTag(tagKey) must be a principal tag key of 1-128 letters, digits, spaces or _.:/=+-@ (received: "a*b")');
  });

  test('an empty key fails', () => {
    expect(() => checkPrincipalTagKey('tagKey', '')).toThrow('tagKey must be a principal tag key of 1-128 letters, digits, spaces or _.:/=+-@ (received: "")');
  });

  test('a non-string from JavaScript fails with its value', () => {
    expect(() => checkPrincipalTagKey('tagKey', 42 as any)).toThrow('(received: 42)');
    expect(() => checkPrincipalTagKey('tagKey', undefined as any)).toThrow('(received: undefined)');
  });
});
