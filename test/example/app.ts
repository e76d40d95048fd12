/**
 * The example app the README's quick start synthesizes: a photo-sharing backend whose users
 * sign in through a user pool or Google, with a per-user S3 prefix and an admin role chosen
 * by a user pool group claim.
 *
 * It imports the library from its sources so it runs straight from a checkout; an app that
 * installed the package writes `from 'cdk-identity-pool'` instead.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { summarizeTemplate } from './summary';
import { IdentityPool, IdentityPoolProviderUrl, RoleMappingMatchType, UserPoolAuthenticationProvider } from '../../src';

/** Builds the example app; `synth` and the tests share it. */
export function buildExampleApp(): { app: App; stack: Stack } {
  const app = new App();
  const stack = new Stack(app, 'PhotoSharing');

  const userPool = new cognito.UserPool(stack, 'Users');
  const photos = new s3.Bucket(stack, 'Photos');

  const identityPool = new IdentityPool(stack, 'Identities', {
    identityPoolName: 'photo_sharing',
    authenticationProviders: {
      google: { clientId: '12345678012.apps.googleusercontent.com' },
    },
  });
  const client = identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));

  // Every signed-in user reads and writes only under their own identity id.
  identityPool.authenticatedRole.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['s3:GetObject', 's3:PutObject'],
    resources: [photos.arnForObjects('private/${cognito-identity.amazonaws.com:sub}/*')],
  }));

  // Members of the user pool group "admins" get a role that may read every photo.
  const admins = identityPool.addMappedRole('AdminRole', { description: 'Photo sharing administrators' });
  photos.grantRead(admins);
  identityPool.addRoleMappings({
    providerUrl: IdentityPoolProviderUrl.userPool(userPool, client),
    rules: [{ claim: 'cognito:groups', claimValue: 'admins', matchType: RoleMappingMatchType.CONTAINS, mappedRole: admins }],
  });
  identityPool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.GOOGLE, useToken: true });

  return { app, stack };
}

if (require.main === module) {
  const { app, stack } = buildExampleApp();
  const assembly = app.synth();
  const template = assembly.getStackByName(stack.stackName).template;
  process.stdout.write(summarizeTemplate(stack.stackName, template));
  if (process.argv.includes('--template')) {
    process.stdout.write(`${JSON.stringify(template, undefined, 2)}\n`);
  }
}
