import { App, Fn, Lazy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { referenceKey, resolveReferenceTargets } from '../../../src/private/synth/reference-targets';

function setup() {
  const stack = new Stack(new App(), 'Stack');
  const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
  const other = new iam.Role(stack, 'Other', { assumedBy: new iam.AccountRootPrincipal() });
  const cfnRole = role.node.defaultChild as iam.CfnRole;
  return { stack, role, other, cfnRole };
}

describe('resolveReferenceTargets', () => {
  test('a reference becomes the key of its target and attribute, whatever L2 or L1 renders it', () => {
    const { stack, role, cfnRole } = setup();
    expect(referenceKey(cfnRole, 'Ref')).toEqual('\0Ref of Stack/Role/Resource');
    expect(resolveReferenceTargets(stack, role.roleName)).toEqual('\0Ref of Stack/Role/Resource');
    expect(resolveReferenceTargets(stack, cfnRole.ref)).toEqual('\0Ref of Stack/Role/Resource');
    expect(resolveReferenceTargets(stack, role.roleArn)).toEqual('\0Arn of Stack/Role/Resource');
  });

  test('lists of references: concrete, a list token whose producer returns them, or one that produces nothing', () => {
    const { stack, role, other } = setup();
    expect(resolveReferenceTargets(stack, [role.roleName, other.roleName])).toEqual(['\0Ref of Stack/Role/Resource', '\0Ref of Stack/Other/Resource']);
    expect(resolveReferenceTargets(stack, Lazy.list({ produce: () => [other.roleName] }))).toEqual(['\0Ref of Stack/Other/Resource']);
    expect(resolveReferenceTargets(stack, Lazy.list({ produce: () => undefined }))).toEqual([]);
  });

  test('what the fast path does not take is resolved with references still left as their targets', () => {
    const { stack, role } = setup();
    // a literal beside a reference; a Lazy string that produces a reference; a reference inside a string
    expect(resolveReferenceTargets(stack, [role.roleName, 'literal'])).toEqual(['\0Ref of Stack/Role/Resource', 'literal']);
    expect(resolveReferenceTargets(stack, Lazy.string({ produce: () => role.roleName }))).toEqual('\0Ref of Stack/Role/Resource');
    expect(resolveReferenceTargets(stack, `role/${role.roleName}`)).toEqual('role/\0Ref of Stack/Role/Resource');
    expect(resolveReferenceTargets(stack, Lazy.list({ produce: () => [role.roleName, 'x'] }))).toEqual(['\0Ref of Stack/Role/Resource', 'x']);
    expect(resolveReferenceTargets(stack, Lazy.any({ produce: () => 'not a list' }))).toEqual('not a list');
    expect(resolveReferenceTargets(stack, Lazy.list({ produce: () => 'not a list' as unknown as string[] }))).toEqual('not a list');
  });

  test('values without references resolve as stack.resolve resolves them', () => {
    const { stack } = setup();
    for (const value of ['name', 7, undefined, { Ref: 'Literal' }, ['a', 'b'], Fn.join('-', ['a', stack.region])]) {
      expect(resolveReferenceTargets(stack, value)).toEqual(stack.resolve(value));
    }
  });

  test('computes no logical id', () => {
    const { stack, role } = setup();
    const spy = jest.spyOn(Stack.prototype, 'getLogicalId');
    try {
      resolveReferenceTargets(stack, [role.roleName]);
      resolveReferenceTargets(stack, Lazy.list({ produce: () => [role.roleName, 'x'] }));
      resolveReferenceTargets(stack, role.roleArn);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  test('undefined when the value cannot be resolved', () => {
    const { stack } = setup();
    const failing = Lazy.string({ produce: () => { throw new Error('no'); } });
    expect(resolveReferenceTargets(stack, failing)).toBeUndefined();
    expect(resolveReferenceTargets(stack, Lazy.list({ produce: () => { throw new Error('no'); } }))).toBeUndefined();
  });
});
