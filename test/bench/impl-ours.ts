/** The workload's identity pools, defined with this library (whatever `src/` holds now). */
import type { Stack } from 'aws-cdk-lib';
import type { Implementation, PoolSpec } from './workload';
import { USER_POOL_MAPPING_KEY } from './workload';
import type { RoleMappingMatchType } from '../../src';
import {
  IdentityPool,
  IdentityPoolProviderUrl,
  UserPoolAuthenticationProvider,
} from '../../src';

export const ours: Implementation = {
  name: 'ours',
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
    return pool.identityPoolId;
  },
};
