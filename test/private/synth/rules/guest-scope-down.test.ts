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
