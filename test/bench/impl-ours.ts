/** The workload's identity pools, defined with this library (whatever `src/` holds now). */
import type { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Implementation, PoolSpec, SharedData } from './workload';
import { USER_POOL_MAPPING_KEY } from './workload';
import type { RoleMappingMatchType } from '../../src';
import {
  IdentityPool,
  IdentityPoolPrincipal,
  IdentityPoolProviderUrl,
  UserPoolAuthenticationProvider,
} from '../../src';

export const ours: Implementation = {
  name: 'ours',
  workloads: ['basic', 'features'],
  addIdentityPool(stack: Stack, spec: PoolSpec, data?: SharedData): string {
    const pool = new IdentityPool(stack, spec.id, {
      allowUnauthenticatedIdentities: true,
      authenticationProviders: {
        amazon: { appId: spec.amazonAppId },
        facebook: { appId: spec.facebookAppId },
        google: { clientId: spec.googleClientId },
        apple: { servicesId: spec.appleServicesId },
        userPools: [new UserPoolAuthenticationProvider({ userPool: spec.userPool, userPoolClient: spec.userPoolClient })],
      },
      roleMappings: [
        {
          providerUrl: IdentityPoolProviderUrl.userPool(spec.userPool, spec.userPoolClient),
          mappingKey: USER_POOL_MAPPING_KEY,
          useToken: true,
        },
        {
          providerUrl: IdentityPoolProviderUrl.FACEBOOK,
          rules: spec.rules.map(rule => ({
            claim: rule.claim,
            claimValue: rule.claimValue,
            matchType: rule.matchType as RoleMappingMatchType | undefined,
            mappedRole: rule.mappedRole,
          })),
        },
      ],
    });
    if (data !== undefined) {
      // The pool passes principal tags, so every role it hands out allows sts:TagSession (the
      // library adds it to the default roles and to the stack's mapped roles; these are supplied).
      for (const [id, groupName, precedence] of [['Admins', 'admins', 1], ['Editors', 'editors', 2]] as const) {
        const role = new iam.Role(pool, `${id}GroupRole`, { assumedBy: new IdentityPoolPrincipal(pool).withSessionTags() });
        pool.addUserPoolGroupRole(id, { userPool: spec.userPool, groupName, precedence, role });
      }
      pool.grantReadWriteOwnObjects(data.bucket, { prefix: `${spec.id}/` });
      pool.grantReadWriteOwnItems(data.table);
      pool.grantReadSharedObjects(data.bucket, { prefix: `public/${spec.id}/`, grantee: pool.unauthenticatedRole });
      pool.addPrincipalTags('PrincipalTags', { providerName: 'graph.facebook.com', principalTags: { app: 'aud' } });
    }
    return pool.identityPoolId;
  },
};
