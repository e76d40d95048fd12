import { Fn, Lazy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityPool, IdentityPoolIdentityType, IdentityPoolPrincipal, IdentityPoolProviderUrl } from '../../../../src';
import type { Layout } from '../layouts';
import { LAYOUTS, pathIn, warningsOf } from '../layouts';

const DOCS = 'https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html#authentication-flow-enhanced';

describe.each(LAYOUTS)('network conditions in the trust of a role the pool hands out, $name', layout => {
  /** A pool whose authenticated role is supplied, trusting it with the given extra conditions. */
  function poolWithRole(extra: Record<string, Record<string, unknown>>, props: { allowClassicFlow?: boolean } = {}) {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { ...props, authenticationProviders: { facebook: { appId: '1234567890' } } });
    const principal = new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED);
    const role = new iam.Role(stack, 'Mapped', {
      assumedBy: new iam.FederatedPrincipal(principal.federated, { ...principal.conditions, ...extra }, 'sts:AssumeRoleWithWebIdentity'),
    });
    pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.FACEBOOK, rules: [{ claim: 'sub', claimValue: 'x', mappedRole: role }] });
    return stack;
  }

  function message(stack: ReturnType<Layout['stack']>, keys: string): string {
    return `/${pathIn(stack, 'Pool/DefaultRoleAttachment')}: The role ${pathIn(stack, 'Mapped')} (mapped role of roleMappings[0].rules[0]) conditions `
      + `its trust on ${keys}, but in the enhanced flow Cognito calls sts:AssumeRoleWithWebIdentity itself (GetCredentialsForIdentity), so the `
      + 'condition sees Cognito\'s request, not the user\'s network: sign-in fails, or passes wherever the user is; keep the trust on aud and amr, '
      + 'and put network conditions in the role\'s permission policies or the resources\' policies, which see the user\'s own calls '
      + `(see ${DOCS}) [ack: cdk-identity-pool:networkTrustCondition]`;
  }

  test('aws:SourceIp, aws:SourceVpc and aws:SourceVpce are named, in any case and under any operator', () => {
    const stack = poolWithRole({
      IpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
      StringEquals: { 'aws:sourcevpc': 'vpc-1', 'AWS:SourceVpce': 'vpce-1' },
    });
    expect(warningsOf(stack, 'networkTrustCondition')).toEqual([message(stack, 'aws:SourceIp, aws:SourceVpc, aws:SourceVpce')]);
  });

  test('a token value is still a network condition', () => {
    const stack = poolWithRole({ NotIpAddress: { 'aws:SourceIp': Fn.importValue('OfficeCidr') } });
    expect(warningsOf(stack, 'networkTrustCondition')).toEqual([message(stack, 'aws:SourceIp')]);
  });

  test('a principal that is a token is judged resolved', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { facebook: { appId: '1234567890' } } });
    const principal = new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED);
    const role = new iam.Role(stack, 'Mapped', {
      assumedBy: new iam.FederatedPrincipal(Lazy.string({ produce: () => principal.federated }),
        { ...principal.conditions, StringEquals: { ...(principal.conditions.StringEquals as object), 'aws:SourceVpc': 'vpc-1' } }, 'sts:AssumeRoleWithWebIdentity'),
    });
    pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.FACEBOOK, rules: [{ claim: 'sub', claimValue: 'x', mappedRole: role }] });
    expect(warningsOf(stack, 'networkTrustCondition')).toEqual([message(stack, 'aws:SourceVpc')]);
  });

  test('a statement added to a default role\'s trust is judged', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool');
    const principal = new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED);
    (pool.authenticatedRole as iam.Role).assumeRolePolicy!.addStatements(new iam.PolicyStatement({
      principals: [new iam.FederatedPrincipal(principal.federated)],
      actions: ['sts:AssumeRoleWithWebIdentity'],
      conditions: { ...principal.conditions, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    }));
    expect(warningsOf(stack, 'networkTrustCondition')).toEqual([
      message(stack, 'aws:SourceIp').replace(`${pathIn(stack, 'Mapped')} (mapped role of roleMappings[0].rules[0])`,
        `${pathIn(stack, 'Pool/AuthenticatedRole')} (authenticated default role)`),
    ]);
  });

  test('a condition key that is a token is judged resolved', () => {
    const stack = poolWithRole({ IpAddress: { [Lazy.string({ produce: () => 'aws:SourceIp' })]: '203.0.113.0/24' } });
    expect(warningsOf(stack, 'networkTrustCondition')).toEqual([message(stack, 'aws:SourceIp')]);
  });

  test('with the classic flow on, clients call STS themselves, so the condition means what it says', () => {
    const stack = poolWithRole({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }, { allowClassicFlow: true });
    expect(warningsOf(stack, 'networkTrustCondition')).toEqual([]);
  });

  test('other conditions, and the default roles, pass', () => {
    const stack = poolWithRole({ StringEquals: { 'aws:PrincipalTag/team': 'a' } });
    expect(warningsOf(stack, 'networkTrustCondition')).toEqual([]);
  });
});

describe.each(LAYOUTS)('which trust statements the network rule reads, $name', layout => {
  const SOURCE_IP = { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } };

  function mappedRole(stack: ReturnType<Layout['stack']>, pool: IdentityPool, statements: iam.PolicyStatement[]): iam.Role {
    const role = new iam.Role(stack, 'Mapped', { assumedBy: new IdentityPoolPrincipal(pool) });
    role.assumeRolePolicy!.addStatements(...statements);
    return role;
  }

  test('a role handed out twice (by two rules) is warned about once', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { facebook: { appId: '1234567890' } } });
    const principal = new IdentityPoolPrincipal(pool);
    const role = new iam.Role(stack, 'Mapped', {
      assumedBy: new iam.FederatedPrincipal(principal.federated, { ...principal.conditions, ...SOURCE_IP }, 'sts:AssumeRoleWithWebIdentity'),
    });
    pool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.FACEBOOK,
      rules: [
        { claim: 'sub', claimValue: 'x', mappedRole: role },
        { claim: 'sub', claimValue: 'y', mappedRole: role },
      ],
    });
    expect(warningsOf(stack, 'networkTrustCondition').map(warning => warning.match(/\((mapped role of [^)]+)\)/)?.[1])).toEqual([
      'mapped role of roleMappings[0].rules[0]',
    ]);
  });

  test('statements for other principals or actions are not Cognito\'s, and a Cognito statement without conditions has no network key', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { facebook: { appId: '1234567890' } } });
    const role = mappedRole(stack, pool, [
      new iam.PolicyStatement({ principals: [new iam.AccountRootPrincipal()], actions: ['sts:AssumeRole'], conditions: SOURCE_IP }),
      new iam.PolicyStatement({ principals: [new iam.FederatedPrincipal('cognito-identity.amazonaws.com')], actions: ['sts:TagSession'], conditions: SOURCE_IP }),
      new iam.PolicyStatement({ principals: [new iam.FederatedPrincipal('cognito-identity.amazonaws.com')], actions: ['sts:AssumeRoleWithWebIdentity'] }),
    ]);
    pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.FACEBOOK, rules: [{ claim: 'sub', claimValue: 'x', mappedRole: role }] });
    expect(warningsOf(stack, 'networkTrustCondition')).toEqual([]);
  });

  test('a condition block that is a token is read resolved', () => {
    const stack = layout.stack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { facebook: { appId: '1234567890' } } });
    const role = mappedRole(stack, pool, [new iam.PolicyStatement({
      principals: [new iam.FederatedPrincipal('cognito-identity.amazonaws.com')],
      actions: ['sts:AssumeRoleWithWebIdentity'],
      conditions: { Bool: { 'aws:SecureTransport': 'true' }, IpAddress: Lazy.any({ produce: () => ({ 'aws:SourceIp': '203.0.113.0/24' }) }) },
    })]);
    pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.FACEBOOK, rules: [{ claim: 'sub', claimValue: 'x', mappedRole: role }] });
    expect(warningsOf(stack, 'networkTrustCondition').map(warning => warning.match(/conditions its trust on ([^,]+),/)?.[1])).toEqual(['aws:SourceIp']);
  });
});
