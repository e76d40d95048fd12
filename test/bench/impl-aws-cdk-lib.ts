/** The workload's identity pools, defined with aws-cdk-lib's `aws-cognito-identitypool` module. */
import type { CfnResource, Stack } from 'aws-cdk-lib';
import { RemovalPolicy } from 'aws-cdk-lib';
import type { RoleMappingMatchType } from 'aws-cdk-lib/aws-cognito-identitypool';
import {
  IdentityPool,
  IdentityPoolProviderUrl,
  UserPoolAuthenticationProvider,
} from 'aws-cdk-lib/aws-cognito-identitypool';
import type { Implementation, PoolSpec } from './workload';
import { USER_POOL_MAPPING_KEY } from './workload';

export const awsCdkLib: Implementation = {
  name: 'aws-cdk-lib',
  addIdentityPool(stack: Stack, spec: PoolSpec): string {
    const pool = new IdentityPool(stack, spec.id, {
      authenticationProviders: {
        amazon: { appId: spec.amazonAppId },
        facebook: { appId: spec.facebookAppId },
        google: { clientId: spec.googleClientId },
        apple: { servicesId: spec.appleServicesId },
        userPools: [new UserPoolAuthenticationProvider({ userPool: spec.userPool, userPoolClient: spec.userPoolClient })],
      },
      roleMappings: [
        // Facebook tokens carry no role claims, so a Token mapping would deny every Facebook user: a rule instead.
        { providerUrl: IdentityPoolProviderUrl.FACEBOOK, rules: [{ claim: 'aud', claimValue: spec.facebookAppId, mappedRole: spec.rules[0].mappedRole }] },
        {
          providerUrl: IdentityPoolProviderUrl.userPool(spec.userPool, spec.userPoolClient),
          mappingKey: USER_POOL_MAPPING_KEY,
          rules: spec.rules.map(rule => ({
            claim: rule.claim,
            claimValue: rule.claimValue,
            matchType: rule.matchType as RoleMappingMatchType | undefined,
            mappedRole: rule.mappedRole,
          })),
        },
      ],
    });
    // Ours retains the pool by default; the same infrastructure here needs the escape hatch.
    (pool.node.defaultChild as CfnResource).applyRemovalPolicy(RemovalPolicy.RETAIN);
    return pool.identityPoolId;
  },
};
