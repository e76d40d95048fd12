/** The workload's identity pools, defined with this library (whatever `src/` holds now). */
import { Stack } from 'aws-cdk-lib';
import { Implementation, PoolSpec, USER_POOL_MAPPING_KEY } from './workload';
import {
  IdentityPool,
  IdentityPoolProviderUrl,
  RoleMappingMatchType,
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
        { providerUrl: IdentityPoolProviderUrl.FACEBOOK, useToken: true },
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
