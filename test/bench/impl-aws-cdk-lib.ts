/**
 * The workload's identity pools, defined with aws-cdk-lib's `aws-cognito-identitypool` module;
 * what the module lacks (the `features` workload) is built with plain aws-cdk-lib constructs that
 * render the same kinds and numbers of resources as ours.
 */
import type { CfnResource, Stack } from 'aws-cdk-lib';
import { RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { RoleMappingMatchType } from 'aws-cdk-lib/aws-cognito-identitypool';
import {
  IdentityPool,
  IdentityPoolProviderUrl,
  UserPoolAuthenticationProvider,
} from 'aws-cdk-lib/aws-cognito-identitypool';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { Implementation, PoolSpec, SharedData } from './workload';
import { COGNITO_IDENTITY, USER_POOL_MAPPING_KEY } from './workload';

/** aws-cdk-lib's module under the given name (two names give the A/A noise control). */
export function awsCdkLibAs(name: string): Implementation {
  return { name, workloads: ['basic', 'features'], addIdentityPool };
}

export const awsCdkLib: Implementation = awsCdkLibAs('aws-cdk-lib');

function addIdentityPool(stack: Stack, spec: PoolSpec, data?: SharedData): string {
  const userPoolUrl = IdentityPoolProviderUrl.userPool(spec.userPool, spec.userPoolClient);
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
      { providerUrl: userPoolUrl, mappingKey: USER_POOL_MAPPING_KEY, useToken: true },
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
  // Ours retains the pool by default; the same infrastructure here needs the escape hatch.
  (pool.node.defaultChild as CfnResource).applyRemovalPolicy(RemovalPolicy.RETAIN);
  if (data !== undefined) {
    addFeatures(pool, spec, data);
  }
  return pool.identityPoolId;
}

const SUB = '${cognito-identity.amazonaws.com:sub}';

/** By hand, what ours adds for the `features` workload. */
function addFeatures(pool: IdentityPool, spec: PoolSpec, data: SharedData): void {
  const authenticatedTrust = (): iam.FederatedPrincipal => new iam.FederatedPrincipal(COGNITO_IDENTITY, {
    'StringEquals': { [`${COGNITO_IDENTITY}:aud`]: pool.identityPoolId },
    'ForAnyValue:StringLike': { [`${COGNITO_IDENTITY}:amr`]: 'authenticated' },
  }, 'sts:AssumeRoleWithWebIdentity');
  const authenticated = pool.authenticatedRole;
  const signedInRoles: iam.IRole[] = [authenticated];
  for (const [id, groupName, precedence] of [['Admins', 'admins', 1], ['Editors', 'editors', 2]] as const) {
    const scope = new Construct(pool, id);
    const role = new iam.Role(scope, 'Role', { assumedBy: authenticatedTrust().withSessionTags() });
    new cognito.UserPoolGroup(scope, 'Group', { userPool: spec.userPool, groupName, precedence, role });
    signedInRoles.push(role);
  }
  // Group members keep their own data: the same statements on every signed-in role, by hand.
  const folder = `${spec.id}/${SUB}`;
  for (const role of signedInRoles) {
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
      resources: [data.bucket.arnForObjects(`${folder}/*`)],
    }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['s3:ListBucket'], resources: [data.bucket.bucketArn], conditions: { StringLike: { 's3:prefix': [`${folder}/*`] } },
    }));
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem',
        'dynamodb:BatchWriteItem'],
      resources: [data.table.tableArn],
      conditions: { 'ForAllValues:StringEquals': { 'dynamodb:LeadingKeys': [SUB] } },
    }));
  }
  const guest = pool.unauthenticatedRole;
  guest.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [data.bucket.arnForObjects(`public/${spec.id}/*`)] }));
  guest.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['s3:ListBucket'], resources: [data.bucket.bucketArn], conditions: { StringLike: { 's3:prefix': [`public/${spec.id}/*`] } },
  }));
  new cognito.CfnIdentityPoolPrincipalTag(new Construct(pool, 'PrincipalTags'), 'Resource', {
    identityPoolId: pool.identityPoolId, identityProviderName: 'graph.facebook.com', principalTags: { app: 'aud' }, useDefaults: false,
  });
  for (const [role, amr] of [[authenticated, 'authenticated'], [guest, 'unauthenticated']] as const) {
    (role as iam.Role).assumeRolePolicy?.addStatements(new iam.PolicyStatement({
      actions: ['sts:TagSession'],
      principals: [new iam.FederatedPrincipal(COGNITO_IDENTITY, {})],
      conditions: { 'StringEquals': { [`${COGNITO_IDENTITY}:aud`]: pool.identityPoolId }, 'ForAnyValue:StringLike': { [`${COGNITO_IDENTITY}:amr`]: amr } },
    }));
  }
}
