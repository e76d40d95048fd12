import { App, Lazy, Stack, Tokenization } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { produceOnce } from '../../../src/private/values/produce-once';

describe('produceOnce', () => {
  test('gives what the producer returns, its tokens unresolved, in a context that resolves nothing further', () => {
    const stack = new Stack(new App(), 'Stack');
    const userPool = new cognito.UserPool(stack, 'Users');
    const contexts: any[] = [];
    const list = Lazy.list({ produce: ((context: any) => { contexts.push(context); return [userPool.userPoolId, 'x']; }) as () => string[] });
    expect(produceOnce(Tokenization.reverseList(list)!, stack)).toEqual([userPool.userPoolId, 'x']);
    expect(contexts).toHaveLength(1);
    const [context] = contexts;
    expect(context.scope).toBe(stack);
    expect(context.preparing).toBe(false);
    expect(context.documentPath).toEqual([]);
    expect(context.resolve(userPool.userPoolId)).toBe(userPool.userPoolId);
    expect(context.registerPostProcessor({ postProcess: (x: unknown) => x })).toBeUndefined();
  });
});
