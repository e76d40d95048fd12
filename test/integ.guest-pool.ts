/**
 * Integration test: a pool that lets guests in.
 *
 * Guests (unauthenticated identities) read the public folder of a catalog bucket; nobody signs in.
 * At deploy time, `DescribeIdentityPool` and `GetIdentityPoolRoles` must return what was declared,
 * and a guest must get credentials: `GetId` makes a guest identity, `GetCredentialsForIdentity`
 * hands it temporary credentials (only their access key id leaves the assertion's function).
 * Everything is destroyed with the stack.
 */
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { Annotations, App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { NagSuppressions } from 'cdk-nag';
import { IdentityPool } from '../src';

/** The integ app, its stack and its `IntegTest`; `test/cdk-nag.test.ts` builds it too. */
export function buildGuestPoolIntegApp(): { app: App; stack: Stack; integ: IntegTest } {
  const app = new App();
  const stack = new Stack(app, 'IdentityPoolGuestInteg');

  const identityPool = new IdentityPool(stack, 'Pool', {
    identityPoolName: 'cdk_identity_pool_integ_guest',
    allowUnauthenticatedIdentities: true,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  Annotations.of(identityPool).acknowledgeWarning('cdk-identity-pool:guestAccess', 'Guests read the public catalog: what this test is about');

  const catalog = new s3.Bucket(stack, 'Catalog', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  identityPool.grantReadSharedObjects(catalog, { prefix: 'public/', grantee: identityPool.unauthenticatedRole });

  // cdk-nag (AwsSolutions): guest access is what this pool is for, and guests read only public/.
  NagSuppressions.addResourceSuppressions(identityPool, [{
    id: 'AwsSolutions-COG7',
    reason: 'Guests are meant to get credentials: this pool serves a public catalog, and its guest role may only read public/',
  }]);
  NagSuppressions.addResourceSuppressions(identityPool.unauthenticatedRole, [{
    id: 'AwsSolutions-IAM5',
    reason: 'The shared folder public/ of the catalog is what guests may read: everything in it is public',
    appliesTo: [{ regex: '/^Resource::<Catalog[0-9A-F]{8}\\.Arn>\\/public\\/\\*$/g' }],
  }], true);
  NagSuppressions.addResourceSuppressions(catalog, [{
    id: 'AwsSolutions-S1',
    reason: 'A test bucket that stays empty and lives for the minutes of the test: access logs would only outlive it',
  }]);

  const integ = new IntegTest(app, 'GuestPool', { testCases: [stack] });

  integ.assertions.awsApiCall('CognitoIdentity', 'DescribeIdentityPool', { IdentityPoolId: identityPool.identityPoolId })
    .expect(ExpectedResult.objectLike({
      IdentityPoolId: identityPool.identityPoolId,
      IdentityPoolName: 'cdk_identity_pool_integ_guest',
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: false,
    }));

  integ.assertions.awsApiCall('CognitoIdentity', 'GetIdentityPoolRoles', { IdentityPoolId: identityPool.identityPoolId })
    .expect(ExpectedResult.objectLike({
      IdentityPoolId: identityPool.identityPoolId,
      Roles: {
        authenticated: identityPool.authenticatedRole.roleArn,
        unauthenticated: identityPool.unauthenticatedRole.roleArn,
      },
    }));

  // A guest: a new identity, then credentials for it (the enhanced flow, no logins).
  const guest = integ.assertions.awsApiCall('CognitoIdentity', 'GetId', { IdentityPoolId: identityPool.identityPoolId });
  const credentials = integ.assertions.awsApiCall('CognitoIdentity', 'GetCredentialsForIdentity', {
    IdentityId: guest.getAttString('IdentityId'),
  });
  guest.next(credentials);
  credentials.assertAtPath('Credentials.AccessKeyId', ExpectedResult.stringLikeRegexp('^ASIA[A-Z0-9]{12,}$'));

  return { app, stack, integ };
}

if (require.main === module) {
  buildGuestPoolIntegApp().app.synth();
}
