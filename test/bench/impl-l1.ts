/**
 * The floor: the workload's identity pools as raw L1 resources plus `iam.Role`, written by hand
 * to render the same template as ours. Plain `Construct` scopes stand where the L2s stand, so the
 * logical ids match too, and the templates can be compared exactly.
 */
import type { Stack } from 'aws-cdk-lib';
import { RemovalPolicy } from 'aws-cdk-lib';
import { CfnIdentityPool, CfnIdentityPoolRoleAttachment } from 'aws-cdk-lib/aws-cognito';
import { FederatedPrincipal, Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { Implementation, PoolSpec } from './workload';
import { COGNITO_IDENTITY, USER_POOL_MAPPING_KEY } from './workload';

/** Returns an L1 implementation under the given name (two names give the A/A noise control). */
export function l1(name: string): Implementation {
  return { name, workloads: ['basic'], addIdentityPool };
}

function addIdentityPool(stack: Stack, spec: PoolSpec): string {
  const scope = new Construct(stack, spec.id);
  const pool = new CfnIdentityPool(scope, 'Resource', {
    allowUnauthenticatedIdentities: true,
    supportedLoginProviders: {
      'www.amazon.com': spec.amazonAppId,
      'graph.facebook.com': spec.facebookAppId,
      'accounts.google.com': spec.googleClientId,
      'appleid.apple.com': spec.appleServicesId,
    },
    cognitoIdentityProviders: [{
      providerName: spec.userPool.userPoolProviderName,
      clientId: spec.userPoolClient.userPoolClientId,
      serverSideTokenCheck: true,
    }],
  });
  pool.applyRemovalPolicy(RemovalPolicy.RETAIN);

  const defaultRole = (type: 'Authenticated' | 'Unauthenticated'): Role => new Role(scope, `${type}Role`, {
    description: `Default ${type} Role for Identity Pool ${pool.attrName}`,
    assumedBy: new FederatedPrincipal(COGNITO_IDENTITY, {
      'StringEquals': { [`${COGNITO_IDENTITY}:aud`]: pool.ref },
      'ForAnyValue:StringLike': { [`${COGNITO_IDENTITY}:amr`]: type.toLowerCase() },
    }, 'sts:AssumeRoleWithWebIdentity'),
  });
  const authenticated = defaultRole('Authenticated');
  const unauthenticated = defaultRole('Unauthenticated');

  new CfnIdentityPoolRoleAttachment(new Construct(scope, 'DefaultRoleAttachment'), 'Resource', {
    identityPoolId: pool.ref,
    roles: { authenticated: authenticated.roleArn, unauthenticated: unauthenticated.roleArn },
    roleMappings: {
      [USER_POOL_MAPPING_KEY]: {
        type: 'Token',
        ambiguousRoleResolution: 'Deny',
        identityProvider: `${spec.userPool.userPoolProviderName}:${spec.userPoolClient.userPoolClientId}`,
      },
      'graph.facebook.com': {
        type: 'Rules',
        ambiguousRoleResolution: 'Deny',
        identityProvider: 'graph.facebook.com',
        rulesConfiguration: {
          rules: spec.rules.map(rule => ({
            claim: rule.claim,
            value: rule.claimValue,
            matchType: rule.matchType ?? 'Equals',
            roleArn: rule.mappedRole.roleArn,
          })),
        },
      },
    },
  });
  return pool.ref;
}
