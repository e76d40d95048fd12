import { Lazy, Stage } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { IdentityPool } from '../../../../src';
import { checkGuestScopeDown } from '../../../../src/private/synth/rules/guest-scope-down';
import { indexTree } from '../../../../src/private/synth/tree-index';
import { LAYOUTS, pathIn, warningsOf } from '../layouts';

describe.each(LAYOUTS)('guest credentials are scoped down, $name', layout => {
  test('a guest role granted an action outside the ceiling gets guestScopeDown on the attachment', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
    pool.unauthenticatedRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: ['*'] }));
    expect(warningsOf(stack, 'guestScopeDown')).toEqual([
      `/${pathIn(stack, 'Pool/DefaultRoleAttachment')}: The guest role ${pathIn(stack, 'Pool/UnauthenticatedRole')} is granted ssm:GetParameter by `
      + `statement 1 of ${pathIn(stack, 'Pool/UnauthenticatedRole/DefaultPolicy')}, but in the enhanced flow Cognito scopes guest credentials down `
      + 'to a fixed list of services and actions, so such calls are denied at run time ("no session policy allows"); see '
      + 'https://docs.aws.amazon.com/cognito/latest/developerguide/iam-roles.html#access-policies. Drop what guests cannot use, '
      + 'or turn on the classic flow (allowClassicFlow) if they must have it [ack: cdk-identity-pool:guestScopeDown]',
    ]);
  });

  test('an action inside the ceiling, or a pool with the classic flow on, passes', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
    pool.unauthenticatedRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
    const classic = new IdentityPool(stack, 'Classic', { allowUnauthenticatedIdentities: true, allowClassicFlow: true });
    classic.unauthenticatedRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: ['*'] }));
    expect(warningsOf(stack, 'guestScopeDown')).toEqual([]);
  });
});

describe.each(LAYOUTS)('guest policies found however they name the role, $name', layout => {
  const outside = () => new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: ['*'] })] });

  test.each([
    ['the role\'s name', (role: iam.Role) => [role.roleName]],
    ['its L1\'s Ref', (role: iam.Role) => [(role.node.defaultChild as iam.CfnRole).ref]],
    ['a Lazy list of its name', (role: iam.Role) => Lazy.list({ produce: () => [role.roleName] })],
    ['a Lazy string that produces its name', (role: iam.Role) => [Lazy.string({ produce: () => role.roleName })]],
    ['its name beside another role\'s literal name', (role: iam.Role) => ['someone-else', role.roleName]],
  ])('a raw CfnPolicy naming the guest role by %s warns', (_name, roles) => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
    new iam.CfnPolicy(stack, 'Raw', { policyName: 'raw', policyDocument: outside(), roles: roles(pool.unauthenticatedRole as iam.Role) });
    expect(warningsOf(stack, 'guestScopeDown').map(warning => warning.match(/by (statement 1 of \S+),/)?.[1])).toEqual([
      `statement 1 of ${pathIn(stack, 'Raw')}`,
    ]);
  });

  test('a policy naming another role, or the guest role\'s ARN instead of its name, is not the guest\'s', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
    const other = new iam.Role(stack, 'Other', { assumedBy: new iam.AccountRootPrincipal() });
    new iam.CfnPolicy(stack, 'ForOther', { policyName: 'other', policyDocument: outside(), roles: [other.roleName] });
    new iam.CfnPolicy(stack, 'ByArn', { policyName: 'arn', policyDocument: outside(), roles: [pool.unauthenticatedRole.roleArn] });
    expect(warningsOf(stack, 'guestScopeDown')).toEqual([]);
  });

  test('a raw policy document written as JSON is read resolved', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
    const roles = [pool.unauthenticatedRole.roleName];
    new iam.CfnPolicy(stack, 'Json', {
      policyName: 'json', roles, policyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*' }] },
    });
    expect(warningsOf(stack, 'guestScopeDown').map(warning => warning.match(/granted (\S+) by (statement 1 of \S+),/)?.slice(1))).toEqual([
      ['ssm:GetParameter', `statement 1 of ${pathIn(stack, 'Json')}`],
    ]);
  });

  test('a customer managed policy listed by its L1\'s Ref warns', () => {
    const stack = layout.stack();
    const managed = new iam.CfnManagedPolicy(stack, 'Managed', { policyDocument: outside() });
    const guests = new iam.Role(stack, 'Guests', { assumedBy: new iam.AccountRootPrincipal() });
    (guests.node.defaultChild as iam.CfnRole).managedPolicyArns = [managed.ref];
    new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true, unauthenticatedRole: guests });
    expect(warningsOf(stack, 'guestScopeDown').map(warning => warning.match(/by (statement 1 of \S+),/)?.[1])).toEqual([
      `statement 1 of ${pathIn(stack, 'Managed')}`,
    ]);
  });
});

describe.each(LAYOUTS)('guest policy statements read as IAM reads them, $name', layout => {
  /** The guest role of a new pool, with a raw CfnPolicy `Json` on it whose document is `statements`. */
  function guestWith(statements: unknown[]) {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
    new iam.CfnPolicy(stack, 'Json', { policyName: 'json', roles: [pool.unauthenticatedRole.roleName], policyDocument: { Version: '2012-10-17', Statement: statements } });
    return stack;
  }

  /** What each guestScopeDown warning says is granted, and by which statement. */
  function granted(stack: ReturnType<typeof guestWith>): string[][] {
    return warningsOf(stack, 'guestScopeDown').map(warning => warning.match(/granted (.+) by (statement \S+) of /)!.slice(1));
  }

  test('a statement with an empty Sid is named by its position, one with a Sid by it', () => {
    const stack = guestWith([
      { Sid: '', Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*' },
      { Sid: 'Params', Effect: 'Allow', Action: 'ssm:GetParameters', Resource: '*' },
    ]);
    expect(granted(stack)).toEqual([['ssm:GetParameter', 'statement 1'], ['ssm:GetParameters', 'statement "Params"']]);
  });

  test('NotAction grants every action but its own, listed without what is not text', () => {
    const stack = guestWith([{ Effect: 'Allow', NotAction: ['s3:GetObject', { 'Fn::Sub': 'kms:${AWS::Region}' }, 'kms:Decrypt'], Resource: '*' }]);
    expect(granted(stack)).toEqual([['every action but s3:GetObject, kms:Decrypt (NotAction)', 'statement 1']]);
  });

  test('an action that is not text (an intrinsic) is passed over; the others are judged', () => {
    const stack = guestWith([{ Effect: 'Allow', Action: [{ 'Fn::Sub': 'ssm:${AWS::Region}' }, 'ssm:GetParameter'], Resource: '*' }]);
    expect(granted(stack)).toEqual([['ssm:GetParameter', 'statement 1']]);
  });

  test('null statements (not counted) and a statement with no actions grant nothing', () => {
    const stack = guestWith([null, { Effect: 'Allow', Resource: '*' }, { Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*' }]);
    expect(granted(stack)).toEqual([['ssm:GetParameter', 'statement 2']]);
  });

  test('a document that cannot be resolved is passed over by the rule, and left to its own synthesis, which says why', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
    new iam.CfnPolicy(stack, 'Broken', {
      policyName: 'broken',
      roles: [pool.unauthenticatedRole.roleName],
      policyDocument: Lazy.any({ produce: () => { throw new Error('the document is not ready'); } }),
    });
    expect(checkGuestScopeDown(indexTree(Stage.of(stack) ?? stack.node.root))).toEqual([]);
    expect(() => warningsOf(stack, 'guestScopeDown')).toThrow(/the document is not ready/);
  });

  test('inline policies of the guest role\'s L1 are read; an entry that is null is passed over', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
    (pool.unauthenticatedRole.node.defaultChild as iam.CfnRole).policies = [null as unknown as iam.CfnRole.PolicyProperty, {
      policyName: 'Inline', policyDocument: { Statement: [{ Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*' }] },
    }];
    expect(warningsOf(stack, 'guestScopeDown').map(warning => warning.match(/by (statement 1 of .+?), but/)?.[1])).toEqual([
      `statement 1 of ${pathIn(stack, 'Pool/UnauthenticatedRole')} (inline policy "Inline")`,
    ]);
  });

  test('a policy L1 is named by its own path unless it is the Resource its parent renders', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
    const document = { Statement: [{ Effect: 'Allow', Action: 'ssm:GetParameter', Resource: '*' }] };
    const roles = [pool.unauthenticatedRole.roleName];
    new iam.CfnPolicy(new Construct(stack, 'ByDefault'), 'Default', { policyName: 'a', roles, policyDocument: document });
    const other = new Construct(stack, 'OtherChild');
    new iam.CfnPolicy(other, 'Resource', { policyName: 'b', roles, policyDocument: document });
    other.node.defaultChild = new Construct(other, 'Main');
    expect(warningsOf(stack, 'guestScopeDown').map(warning => warning.match(/by statement 1 of (\S+),/)?.[1])).toEqual([
      pathIn(stack, 'ByDefault/Default'),
      pathIn(stack, 'OtherChild/Resource'),
    ]);
  });
});
