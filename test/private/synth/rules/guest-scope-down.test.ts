import { Lazy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityPool } from '../../../../src';
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
