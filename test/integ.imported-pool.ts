/**
 * Integration test: an identity pool made outside the library, imported, whose roles the library
 * attaches.
 *
 * The "outside" pool is a raw `CfnIdentityPool` in the same stack (Google sign-in), so that the
 * test needs nothing that exists before it. It is imported twice, as an app that shares a pool
 * would: by id (`IdentityPool.fromIdentityPoolId`), to which the library's
 * `IdentityPoolRoleAttachment` attaches the default roles and a Rules mapping, and by its
 * attributes (`IdentityPool.fromIdentityPoolAttributes`), to grant through its roles.
 *
 * At deploy time, `GetIdentityPoolRoles` must return the attached roles and mapping, and
 * `DescribeIdentityPool` the pool as declared. Everything is destroyed with the stack.
 */
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { NagSuppressions } from 'cdk-nag';
import {
  IdentityPool,
  IdentityPoolIdentityType,
  IdentityPoolPrincipal,
  IdentityPoolProviderUrl,
  IdentityPoolRoleAttachment,
  RoleMappingMatchType,
} from '../src';

/** The Google client id of the pool made outside the library. */
const GOOGLE_CLIENT_ID = '12345678012.apps.googleusercontent.com';

/** The integ app, its stack and its `IntegTest`; `test/cdk-nag.test.ts` builds it too. */
export function buildImportedPoolIntegApp(): { app: App; stack: Stack; integ: IntegTest } {
  const app = new App();
  const stack = new Stack(app, 'IdentityPoolImportedInteg');

  // The pool made elsewhere (another team's stack, the console): here a raw L1, deleted with the stack.
  const outside = new cognito.CfnIdentityPool(stack, 'OutsidePool', {
    identityPoolName: 'cdk_identity_pool_integ_imported',
    allowUnauthenticatedIdentities: false,
    supportedLoginProviders: { 'accounts.google.com': GOOGLE_CLIENT_ID },
  });
  outside.applyRemovalPolicy(RemovalPolicy.DESTROY);

  // By id: the roles and mapping this app attaches to it.
  const byId = IdentityPool.fromIdentityPoolId(stack, 'ImportedById', outside.ref);
  const authenticatedRole = new iam.Role(stack, 'AuthenticatedRole', {
    assumedBy: new IdentityPoolPrincipal(byId, IdentityPoolIdentityType.AUTHENTICATED),
    description: 'Signed-in users of the imported pool',
  });
  const unauthenticatedRole = new iam.Role(stack, 'UnauthenticatedRole', {
    assumedBy: new IdentityPoolPrincipal(byId, IdentityPoolIdentityType.UNAUTHENTICATED),
    description: 'Guests of the imported pool (guest access is off)',
  });
  const staffRole = new iam.Role(stack, 'StaffRole', {
    assumedBy: new IdentityPoolPrincipal(byId, IdentityPoolIdentityType.AUTHENTICATED),
    description: 'Users of the example.com Google Workspace',
  });
  new IdentityPoolRoleAttachment(stack, 'RoleAttachment', {
    identityPool: byId,
    authenticatedRole,
    unauthenticatedRole,
    roleMappings: [{
      providerUrl: IdentityPoolProviderUrl.GOOGLE,
      // `hd`: the Google Workspace domain of the user, which users cannot choose.
      rules: [{ claim: 'hd', claimValue: 'example.com', matchType: RoleMappingMatchType.EQUALS, mappedRole: staffRole }],
    }],
  });

  // By its attributes: the same pool, with the roles it hands out, for per-identity grants.
  const withRoles = IdentityPool.fromIdentityPoolAttributes(stack, 'ImportedWithRoles', {
    identityPoolId: outside.ref,
    authenticatedRole,
    unauthenticatedRole,
    mappedRoles: [staffRole],
  });
  const notes = new dynamodb.TableV2(stack, 'Notes', {
    partitionKey: { name: 'identityId', type: dynamodb.AttributeType.STRING },
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    removalPolicy: RemovalPolicy.DESTROY,
  });
  withRoles.grantReadWriteOwnItems(notes);
  withRoles.grantReadOwnItems(notes, { grantee: staffRole });

  // cdk-nag (AwsSolutions): the table's indexes, in the per-identity grants.
  for (const role of [authenticatedRole, staffRole]) {
    NagSuppressions.addResourceSuppressions(role, [{
      id: 'AwsSolutions-IAM5',
      reason: 'The table\'s indexes: the dynamodb:LeadingKeys condition holds every request to the caller\'s own items',
      appliesTo: [{ regex: '/^Resource::<Notes[0-9A-F]{8}\\.Arn>\\/index\\/\\*$/g' }],
    }], true);
  }

  const integ = new IntegTest(app, 'ImportedPool', { testCases: [stack] });

  integ.assertions.awsApiCall('CognitoIdentity', 'DescribeIdentityPool', { IdentityPoolId: byId.identityPoolId })
    .expect(ExpectedResult.objectLike({
      IdentityPoolId: outside.ref,
      IdentityPoolName: 'cdk_identity_pool_integ_imported',
      AllowUnauthenticatedIdentities: false,
      SupportedLoginProviders: { 'accounts.google.com': GOOGLE_CLIENT_ID },
    }));

  integ.assertions.awsApiCall('CognitoIdentity', 'GetIdentityPoolRoles', { IdentityPoolId: byId.identityPoolId })
    .expect(ExpectedResult.objectLike({
      IdentityPoolId: outside.ref,
      Roles: {
        authenticated: authenticatedRole.roleArn,
        unauthenticated: unauthenticatedRole.roleArn,
      },
      RoleMappings: {
        'accounts.google.com': {
          Type: 'Rules',
          AmbiguousRoleResolution: 'Deny',
          RulesConfiguration: {
            Rules: [{ Claim: 'hd', MatchType: 'Equals', Value: 'example.com', RoleARN: staffRole.roleArn }],
          },
        },
      },
    }));

  return { app, stack, integ };
}

if (require.main === module) {
  buildImportedPoolIntegApp().app.synth();
}
