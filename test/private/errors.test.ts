import { App, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { configError, configErrorMessage, describePath } from '../../src/private/errors';

describe('configError', () => {
  const stack = new Stack(new App(), 'Stack');
  const scope = new Construct(stack, 'Pool');

  test('names the path, the property, the rule and the value received', () => {
    expect(() => configError(scope, 'identityPoolName', 'must match [\\w\\s+=,.@-]+', 'a/b'))
      .toThrow('Stack/Pool: identityPoolName must match [\\w\\s+=,.@-]+ (received: "a/b")');
  });

  test.each([
    [42, '42'],
    [undefined, 'undefined'],
    [['a', 'b'], '["a","b"]'],
    [{ key: 'value' }, '{"key":"value"}'],
  ])('shows %p as %s', (received, shown) => {
    expect(configErrorMessage(scope, 'p', 'is bad', received)).toBe(`Stack/Pool: p is bad (received: ${shown})`);
  });

  test('shows values JSON cannot encode as text', () => {
    const circular: any = {};
    circular.self = circular;
    expect(configErrorMessage(scope, 'p', 'is bad', circular)).toBe('Stack/Pool: p is bad (received: [object Object])');
  });

  test('a root scope is named by its id, or <root>', () => {
    const root = new Stack(undefined, 'Lonely');
    expect(describePath(root)).toBe('Lonely');
    expect(describePath(new App())).toBe('<root>');
  });
});
