import { App, Annotations as CoreAnnotations, Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  IdentityPool,
  IdentityPoolIdentityType,
  IdentityPoolPrincipal,
  IdentityPoolProviderUrl,
} from '../src';

const ATTACHMENT = '/Stack/Pool/DefaultRoleAttachment';
const ACK = ' [ack: cdk-identity-pool:roleTrust]';
const DENIED = 'sign-in fails with STS AccessDenied "Not authorized to perform sts:AssumeRoleWithWebIdentity"';
const FIX_AUTH = 'trust the pool with new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED)';
const FIX_UNAUTH = 'trust the pool with new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.UNAUTHENTICATED)';
const COGNITO = 'cognito-identity.amazonaws.com';

function newStack(region?: string): Stack {
  return new Stack(new App(), 'Stack', { env: region ? { region } : undefined });
}

function roleTrustWarnings(stack: Stack): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-identity-pool:roleTrust'))
    .map(warning => `${warning.id}: ${warning.entry.data}`);
}

/** A role trusting Cognito with exactly the conditions given. */
function federatedRole(stack: Stack, id: string, conditions: Record<string, unknown>, service = COGNITO): iam.Role {
  return new iam.Role(stack, id, { assumedBy: new iam.FederatedPrincipal(service, conditions, 'sts:AssumeRoleWithWebIdentity') });
}

describe('trust of the roles a pool hands out', () => {
  test('the default roles trust the pool as they must', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool');
    expect(roleTrustWarnings(stack)).toEqual([]);
  });

  test('roles assumed by a service principal still synthesize, with a warning for each that says how sign-in fails', () => {
    // GIVEN
    const stack = newStack();
    const authenticatedRole = new iam.Role(stack, 'authRole', { assumedBy: new iam.ServicePrincipal('service.amazonaws.com') });
    const unauthenticatedRole = new iam.Role(stack, 'unauthRole', { assumedBy: new iam.ServicePrincipal('service.amazonaws.com') });

    // WHEN
    new IdentityPool(stack, 'Pool', { authenticatedRole, unauthenticatedRole });

    // THEN
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 1);
    expect(roleTrustWarnings(stack)).toEqual([
      `${ATTACHMENT}: The role Stack/authRole (authenticated default role) does not trust this identity pool: no statement of its trust policy `
      + `allows sts:AssumeRoleWithWebIdentity to the federated principal ${COGNITO}, so ${DENIED}; ${FIX_AUTH}${ACK}`,
      `${ATTACHMENT}: The role Stack/unauthRole (unauthenticated default role) does not trust this identity pool: no statement of its trust `
      + `policy allows sts:AssumeRoleWithWebIdentity to the federated principal ${COGNITO}, so ${DENIED}; ${FIX_UNAUTH}${ACK}`,
    ]);
  });

  test('a role without the aud condition warns that any pool\'s identities could assume it', () => {
    // GIVEN
    const stack = newStack();
    const authenticatedRole = federatedRole(stack, 'Auth', { 'ForAnyValue:StringLike': { [`${COGNITO}:amr`]: 'authenticated' } });

    // WHEN
    new IdentityPool(stack, 'Pool', { authenticatedRole });

    // THEN
    expect(roleTrustWarnings(stack)).toEqual([
      `${ATTACHMENT}: The role Stack/Auth (authenticated default role) has no ${COGNITO}:aud condition (StringEquals, this pool's id) in `
      + 'its trust policy, so identities of any identity pool, in any account, could assume it (and IAM refuses such a trust policy); '
      + `${FIX_AUTH}${ACK}`,
    ]);
  });

  test('a role whose aud names another pool warns that sign-in fails', () => {
    const stack = newStack();
    const authenticatedRole = federatedRole(stack, 'Auth', {
      'StringEquals': { [`${COGNITO}:aud`]: 'us-east-1:0a1b2c3d-0000-0000-0000-000000000000' },
      'ForAnyValue:StringLike': { [`${COGNITO}:amr`]: 'authenticated' },
    });
    new IdentityPool(stack, 'Pool', { authenticatedRole });
    expect(roleTrustWarnings(stack)).toEqual([
      `${ATTACHMENT}: The role Stack/Auth (authenticated default role) has a ${COGNITO}:aud condition that does not name this identity pool, `
      + `so this pool's identities cannot assume it: ${DENIED}; ${FIX_AUTH}${ACK}`,
    ]);
  });

  test('a role without the amr condition warns that guests could assume it; both problems are named together', () => {
    const stack = newStack();
    const authenticatedRole = federatedRole(stack, 'Auth', {});
    new IdentityPool(stack, 'Pool', { authenticatedRole });
    expect(roleTrustWarnings(stack)).toEqual([
      `${ATTACHMENT}: The role Stack/Auth (authenticated default role) has no ${COGNITO}:aud condition (StringEquals, this pool's id) in `
      + 'its trust policy, so identities of any identity pool, in any account, could assume it (and IAM refuses such a trust policy); '
      + `and it has no ${COGNITO}:amr condition (ForAnyValue:StringLike, "authenticated") in its trust policy, so guests `
      + `(unauthenticated identities) of this pool could assume it; ${FIX_AUTH}${ACK}`,
    ]);
  });

  test('with the classic flow on, a role without amr is flagged for it', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { allowClassicFlow: true, authenticationProviders: { customProvider: 'login.example.com' } });
    const mapped = new iam.Role(stack, 'Mapped', { assumedBy: new iam.FederatedPrincipal(COGNITO, {}, 'sts:AssumeRoleWithWebIdentity') });
    (mapped.assumeRolePolicy as iam.PolicyDocument).addStatements(new iam.PolicyStatement({
      principals: [new iam.FederatedPrincipal(COGNITO, {})],
      actions: ['sts:AssumeRoleWithWebIdentity'],
      conditions: { StringEquals: { [`${COGNITO}:aud`]: pool.identityPoolId } },
    }));

    // WHEN
    pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.custom('login.example.com'), rules: [{ claim: 'c', claimValue: 'v', mappedRole: mapped }] });

    // THEN
    expect(roleTrustWarnings(stack)).toEqual([
      `${ATTACHMENT}: The role Stack/Mapped (mapped role of roleMappings[0].rules[0]) has no ${COGNITO}:amr condition `
      + '(ForAnyValue:StringLike, "authenticated") in its trust policy, so with the classic flow on (allowClassicFlow) any identity of this '
      + `pool, guests included, can get its credentials by calling STS directly; ${FIX_AUTH}${ACK}`,
    ]);
  });

  test('an unauthenticated role whose amr does not admit guests warns that guests cannot sign in', () => {
    // GIVEN
    const stack = newStack();
    const unauthenticatedRole = new iam.Role(stack, 'Guest', { assumedBy: new iam.AccountRootPrincipal() });
    const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true, unauthenticatedRole });

    // WHEN
    unauthenticatedRole.assumeRolePolicy!.addStatements(new iam.PolicyStatement({
      principals: [new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED)],
      actions: ['sts:AssumeRoleWithWebIdentity'],
    }));

    // THEN
    expect(roleTrustWarnings(stack)).toEqual([
      `${ATTACHMENT}: The role Stack/Guest (unauthenticated default role) has a ${COGNITO}:amr condition that does not admit `
      + `"unauthenticated", so guests' ${DENIED}; ${FIX_UNAUTH}${ACK}`,
    ]);
  });

  test('an authenticated role whose amr admits guests warns', () => {
    const stack = newStack();
    const authenticatedRole = new iam.Role(stack, 'Auth', { assumedBy: new iam.AccountRootPrincipal() });
    const pool = new IdentityPool(stack, 'Pool', { authenticatedRole });
    authenticatedRole.assumeRolePolicy!.addStatements(new iam.PolicyStatement({
      principals: [new iam.FederatedPrincipal(COGNITO, {})],
      actions: ['sts:AssumeRoleWithWebIdentity'],
      conditions: {
        'StringEquals': { [`${COGNITO}:aud`]: pool.identityPoolId },
        'ForAnyValue:StringLike': { [`${COGNITO}:amr`]: '*' },
      },
    }));
    expect(roleTrustWarnings(stack)).toEqual([
      `${ATTACHMENT}: The role Stack/Auth (authenticated default role) has a ${COGNITO}:amr condition that admits "unauthenticated", so `
      + `guests of this pool could assume it; ${FIX_AUTH}${ACK}`,
    ]);
  });

  test('a list of actions with sts:TagSession does not fool the check', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { customProvider: 'login.example.com' } });
    const tagged = new iam.Role(stack, 'Tagged', { assumedBy: new IdentityPoolPrincipal(pool).withSessionTags() });
    const untrusting = new iam.Role(stack, 'Untrusting', {
      assumedBy: new iam.FederatedPrincipal(COGNITO, {}, 'sts:AssumeRoleWithWebIdentity').withSessionTags(),
    });

    // WHEN
    pool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.custom('login.example.com'),
      rules: [{ claim: 'a', claimValue: 'b', mappedRole: tagged }, { claim: 'c', claimValue: 'd', mappedRole: untrusting }],
    });

    // THEN
    expect(Template.fromStack(stack).findResources('AWS::IAM::Role', {
      Properties: { AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] })] } },
    })).not.toEqual({});
    expect(roleTrustWarnings(stack)).toEqual([
      expect.stringMatching(/^\/Stack\/Pool\/DefaultRoleAttachment: The role Stack\/Untrusting \(mapped role of roleMappings\[0\]\.rules\[1\]\) has no cognito-identity\.amazonaws\.com:aud condition/),
    ]);
  });

  test('one good statement among others is enough', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { customProvider: 'login.example.com' } });
    const role = new iam.Role(stack, 'Both', {
      assumedBy: new iam.CompositePrincipal(new iam.ServicePrincipal('lambda.amazonaws.com'), new IdentityPoolPrincipal(pool)),
    });
    pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.custom('login.example.com'), rules: [{ claim: 'a', claimValue: 'b', mappedRole: role }] });
    expect(roleTrustWarnings(stack)).toEqual([]);
  });

  test('a role shared by pools, whose aud is a list produced later, is judged per pool', () => {
    // GIVEN one role trusting every pool of the stack through a Lazy list built before the pools
    const stack = newStack();
    const poolIds: string[] = [];
    const shared = federatedRole(stack, 'Shared', {
      'StringEquals': { [`${COGNITO}:aud`]: Lazy.list({ produce: () => poolIds }) },
      'ForAnyValue:StringLike': { [`${COGNITO}:amr`]: 'authenticated' },
    });
    const mapping = { providerUrl: IdentityPoolProviderUrl.GOOGLE, rules: [{ claim: 'hd', claimValue: 'example.com', mappedRole: shared }] };
    const listed = ['A', 'B'].map(id => new IdentityPool(stack, id, { authenticationProviders: { google: { clientId: 'g' } }, roleMappings: [mapping] }));
    poolIds.push(...listed.map(pool => pool.identityPoolId));

    // WHEN a third pool, not in the list, maps to it too
    new IdentityPool(stack, 'Pool', { authenticationProviders: { google: { clientId: 'g' } }, roleMappings: [mapping] });

    // THEN only the unlisted pool is warned about
    expect(roleTrustWarnings(stack)).toEqual([
      `${ATTACHMENT}: The role Stack/Shared (mapped role of roleMappings[0].rules[0]) has a ${COGNITO}:aud condition that does not name this `
      + `identity pool, so this pool's identities cannot assume it: ${DENIED}; ${FIX_AUTH}${ACK}`,
    ]);
  });

  test('roles from pool.addMappedRole trust the pool', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { customProvider: 'login.example.com' } });
    pool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.custom('login.example.com'),
      rules: [{ claim: 'a', claimValue: 'b', mappedRole: pool.addMappedRole('Admin') }],
    });
    Template.fromStack(stack);
    expect(roleTrustWarnings(stack)).toEqual([]);
  });

  test('imported roles are not judged: their trust policy cannot be read', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', {
      authenticatedRole: iam.Role.fromRoleArn(stack, 'Auth', 'arn:aws:iam::123456789012:role/auth'),
      unauthenticatedRole: iam.Role.fromRoleName(stack, 'Unauth', 'unauth'),
    });
    expect(roleTrustWarnings(stack)).toEqual([]);
  });

  test('the warning can be acknowledged on the pool, before synthesis', () => {
    // GIVEN
    const stack = newStack();
    const authenticatedRole = new iam.Role(stack, 'authRole', { assumedBy: new iam.ServicePrincipal('service.amazonaws.com') });
    const pool = new IdentityPool(stack, 'Pool', { authenticatedRole });

    // WHEN
    CoreAnnotations.of(pool).acknowledgeWarning('cdk-identity-pool:roleTrust', 'the role is assumed by a service, on purpose');

    // THEN
    expect(roleTrustWarnings(stack)).toEqual([]);
  });
});

describe('GovCloud', () => {
  test('default roles in a GovCloud region trust the GovCloud principal and pass', () => {
    const stack = newStack('us-gov-west-1');
    new IdentityPool(stack, 'Pool');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Federated: 'cognito-identity-us-gov.amazonaws.com' } })] },
    });
    expect(roleTrustWarnings(stack)).toEqual([]);
  });

  test('a role trusting the commercial principal in a GovCloud region warns', () => {
    // GIVEN
    const stack = newStack('us-gov-east-1');
    const authenticatedRole = new iam.Role(stack, 'Auth', { assumedBy: new iam.AccountRootPrincipal() });
    const pool = new IdentityPool(stack, 'Pool', { authenticatedRole });

    // WHEN
    authenticatedRole.assumeRolePolicy!.addStatements(new iam.PolicyStatement({
      principals: [new iam.FederatedPrincipal(COGNITO, {})],
      actions: ['sts:AssumeRoleWithWebIdentity'],
      conditions: {
        'StringEquals': { [`${COGNITO}:aud`]: pool.identityPoolId },
        'ForAnyValue:StringLike': { [`${COGNITO}:amr`]: 'authenticated' },
      },
    }));

    // THEN
    expect(roleTrustWarnings(stack)).toEqual([
      `${ATTACHMENT}: The role Stack/Auth (authenticated default role) trusts ${COGNITO}, but identity pools in us-gov-east-1 sign in `
      + `through cognito-identity-us-gov.amazonaws.com, so ${DENIED}; ${FIX_AUTH}${ACK}`,
    ]);
  });

  test('in a region known only at deploy time, either principal is accepted', () => {
    const stack = newStack();
    const authenticatedRole = new iam.Role(stack, 'Auth', { assumedBy: new iam.AccountRootPrincipal() });
    const pool = new IdentityPool(stack, 'Pool', { authenticatedRole });
    authenticatedRole.assumeRolePolicy!.addStatements(new iam.PolicyStatement({
      principals: [new iam.FederatedPrincipal('cognito-identity-us-gov.amazonaws.com', {})],
      actions: ['sts:AssumeRoleWithWebIdentity'],
      conditions: {
        'StringEquals': { 'cognito-identity-us-gov.amazonaws.com:aud': pool.identityPoolId },
        'ForAnyValue:StringLike': { 'cognito-identity-us-gov.amazonaws.com:amr': 'authenticated' },
      },
    }));
    expect(roleTrustWarnings(stack)).toEqual([]);
  });
});

describe('China regions', () => {
  const CHINA_ISSUER = 'cognito-identity.cn-north-1.amazonaws.com.cn';

  function trustedBy(stack: Stack, service: string): { role: iam.Role; pool: IdentityPool } {
    const role = new iam.Role(stack, 'Auth', { assumedBy: new iam.AccountRootPrincipal() });
    const pool = new IdentityPool(stack, 'Pool', { authenticatedRole: role });
    role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({
      principals: [new iam.FederatedPrincipal(service, {})],
      actions: ['sts:AssumeRoleWithWebIdentity'],
      conditions: {
        'StringEquals': { [`${service}:aud`]: pool.identityPoolId },
        'ForAnyValue:StringLike': { [`${service}:amr`]: 'authenticated' },
      },
    }));
    return { role, pool };
  }

  test('default roles in cn-north-1 trust the commercial principal, with the ARN in the aws-cn partition, and pass', () => {
    // GIVEN
    const stack = newStack('cn-north-1');

    // WHEN
    const pool = new IdentityPool(stack, 'Pool');

    // THEN
    const poolRef = { Ref: stack.getLogicalId(pool.node.defaultChild as any) };
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: 'sts:AssumeRoleWithWebIdentity',
          Principal: { Federated: COGNITO },
          Condition: { 'StringEquals': { [`${COGNITO}:aud`]: poolRef }, 'ForAnyValue:StringLike': { [`${COGNITO}:amr`]: 'unauthenticated' } },
        }],
      },
    });
    expect(stack.resolve(pool.identityPoolArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cognito-identity:cn-north-1:', { Ref: 'AWS::AccountId' }, ':identitypool/', poolRef]],
    });
    expect(roleTrustWarnings(stack)).toEqual([]);
  });

  test('a role trusting the China issuer the China guide names (cognito-identity.cn-north-1.amazonaws.com.cn) is accepted too', () => {
    const stack = newStack('cn-north-1');
    trustedBy(stack, CHINA_ISSUER);
    expect(roleTrustWarnings(stack)).toEqual([]);
  });

  test('a role trusting the GovCloud principal in cn-north-1 warns', () => {
    const stack = newStack('cn-north-1');
    trustedBy(stack, 'cognito-identity-us-gov.amazonaws.com');
    expect(roleTrustWarnings(stack)).toEqual([
      `${ATTACHMENT}: The role Stack/Auth (authenticated default role) trusts cognito-identity-us-gov.amazonaws.com, but identity pools in `
      + `cn-north-1 sign in through ${COGNITO}, so ${DENIED}; ${FIX_AUTH}${ACK}`,
    ]);
  });

  test('the China issuer of one region is not accepted for a pool of another', () => {
    const stack = newStack('cn-northwest-1');
    trustedBy(stack, CHINA_ISSUER);
    expect(roleTrustWarnings(stack)).toEqual([
      `${ATTACHMENT}: The role Stack/Auth (authenticated default role) does not trust this identity pool: no statement of its trust policy `
      + `allows sts:AssumeRoleWithWebIdentity to the federated principal ${COGNITO}, so ${DENIED}; ${FIX_AUTH}${ACK}`,
    ]);
  });

  test('in an environment-agnostic stack, default roles trust the commercial principal, and a China issuer is accepted', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    trustedBy(stack, CHINA_ISSUER);

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Federated: COGNITO } })] },
    });
    expect(roleTrustWarnings(stack)).toEqual([]);
  });
});

describe('classic flow: roles that trust the pool without being handed out', () => {
  function looseRole(stack: Stack, pool: IdentityPool, id: string, amr?: string): iam.Role {
    return federatedRole(stack, id, {
      StringEquals: { [`${COGNITO}:aud`]: pool.identityPoolId },
      ...(amr ? { 'ForAnyValue:StringLike': { [`${COGNITO}:amr`]: amr } } : {}),
    });
  }

  test('a role that trusts a classic-flow pool without amr warns, on the pool\'s attachment', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { allowClassicFlow: true });

    // WHEN
    looseRole(stack, pool, 'Loose');
    looseRole(stack, pool, 'Tight', 'authenticated');

    // THEN
    expect(roleTrustWarnings(stack)).toEqual([
      `${ATTACHMENT}: The role Stack/Loose trusts this identity pool without an amr condition, and the classic flow is on (allowClassicFlow): `
      + 'any identity of this pool, guests included, can get its credentials by calling STS directly; add the amr condition, e.g. with '
      + `new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED)${ACK}`,
    ]);
  });

  test('a role in another stack is compared through the cross-stack reference', () => {
    // GIVEN
    const app = new App();
    const poolStack = new Stack(app, 'PoolStack');
    const roleStack = new Stack(app, 'RoleStack');
    const pool = new IdentityPool(poolStack, 'Pool', { allowClassicFlow: true });

    // WHEN
    looseRole(roleStack, pool, 'Loose');
    looseRole(roleStack, pool, 'Tight', 'authenticated');

    // THEN
    expect(Annotations.fromStack(poolStack).findWarning('*', Match.stringLikeRegexp('roleTrust')).map(warning => warning.entry.data)).toEqual([
      expect.stringMatching(/^The role RoleStack\/Loose trusts this identity pool without an amr condition/),
    ]);
  });

  test('without the classic flow such a role is not looked for', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    looseRole(stack, pool, 'Loose');
    expect(roleTrustWarnings(stack)).toEqual([]);
  });
});
