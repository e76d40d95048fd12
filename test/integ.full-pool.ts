/**
 * Integration test: a pool with every kind of provider and everything the library adds to it.
 *
 * - Providers: a user pool, Google, Facebook, Login with Amazon and Apple, an OpenID Connect
 *   provider (`iam.OpenIdConnectProvider`), a SAML provider (`iam.SamlProvider`, inline metadata)
 *   and a developer provider.
 * - Role mappings: a Token mapping for the user pool's app client (added by the group roles), a
 *   Rules mapping for the OpenID Connect provider and a Token mapping for the SAML provider.
 * - Principal tags for the user pool, group roles (`addUserPoolGroupRole`), and the per-identity
 *   grants on a KMS-encrypted bucket and a table.
 *
 * At deploy time, `DescribeIdentityPool` and `GetIdentityPoolRoles` must return what was declared,
 * and `GetOpenIdTokenForDeveloperIdentity` must return a token for a developer identity.
 * Everything is destroyed with the stack (the library's default for a pool is RETAIN).
 *
 * Offline (snapshot): `npx projen integ`. Against an account: see the README's "Integration tests".
 */
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { NagPackSuppression } from 'cdk-nag';
import { NagSuppressions } from 'cdk-nag';
import { IdentityPool, IdentityPoolPrincipal, IdentityPoolProviderUrl, RoleMappingMatchType, UserPoolAuthenticationProvider } from '../src';

/** The developer provider name the test's "login server" signs its users in under. */
const DEVELOPER_PROVIDER_NAME = 'login.integ.example.com';
/** The OpenID Connect issuer: IAM stores it with the thumbprint given and never calls it. */
const OIDC_ISSUER = 'oidc.integ.example.com';

/**
 * A SAML IdP's metadata, inline. The certificate is self-signed, made for this test only (its
 * private key was thrown away): IAM parses the metadata when it creates the provider, and no
 * assertion is ever signed with it.
 */
const SAML_METADATA = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.integ.example.com/saml">',
  '  <md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
  '    <md:KeyDescriptor use="signing">',
  '      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">',
  '        <ds:X509Data>',
  '          <ds:X509Certificate>MIIDITCCAgmgAwIBAgIUfcV+pLBcLSbQd9raGIZK3zvsY+AwDQYJKoZIhvcNAQELBQAwIDEeMBwGA1UEAwwVaWRwLmludGVnLmV4YW1wbGUuY29tMB4XDTI2MTIwMTE3MzAxM1oXDTM2MTEyODE3MzAxM1owIDEeMBwGA1UEAwwVaWRwLmludGVnLmV4YW1wbGUuY29tMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2vaUv2ziYgrIg089eWyA44U5m5bL9hYi1q2971SfVUFUFQLjMVainSh2mJwUIEU9Q36G4+crnj6DPS8aXBemLT2DnkPl6m7kFrdonVs7ATJgwgYY5zkp1coEHxC/s5IvCbPr0wmhc8CFqI/RxDyjRAPU06Dd0Da60uajvTX0Nw/R0/cIs78h8JOIooyb5T9r7ZULkFdclPcqIsRKgh4v9AYsuiZL7CfwVJFpne0eQQwsAvEhfLvMf3cohj+c189JOYNwpIXnXl2iV+4d0zY7BOy8jZlhOxia8+NO59nC2BNqdvW+CwSPQR4qgi82srtxZOBTHKRFLCbfvSLxyT9aQQIDAQABo1MwUTAdBgNVHQ4EFgQU3XaZe7wBeQTIKsKjUVJH60sNMhowHwYDVR0jBBgwFoAU3XaZe7wBeQTIKsKjUVJH60sNMhowDwYDVR0TAQH/BAUwAwEB/zANBgkqhkiG9w0BAQsFAAOCAQEAIVJR+mcwbZTYO3Llx3lfyXpv1DSED1ng2r2RGEJdrfUCq/CIPJh9INqAVW7qBOfVwh7hUYB6Rcu0jEWetkTM3GIRfB5efifAlkg8GuydQiFFfqWV7g/MxDwbwxBX4HZnm0n6BHyqByC8wxj4aKJp3pS+XHv5Ik8c7k/LiCx+bneNLQCJChP5L1Fzv01FH69RNrkWyv9dNVaF8s/rrCpgFdReOAuuXPXujovNpDP4iPale8R0cETGnX+MauttGsD5JBXLjojsbIw/AwivBxEMKYATL5UYp4L7lsyS4I2YPNTYCiM7nlQn3r4gOoNM/sHxQocELHxbeKCGjboJsoweiQ==</ds:X509Certificate>',
  '        </ds:X509Data>',
  '      </ds:KeyInfo>',
  '    </md:KeyDescriptor>',
  '    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>',
  '    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.integ.example.com/saml/sso"/>',
  '  </md:IDPSSODescriptor>',
  '</md:EntityDescriptor>',
].join('\n');

/** cdk-nag: each identity's own folder (`private/<identity id>/`) of the photos bucket. */
const OWN_FOLDER_SUPPRESSION: NagPackSuppression = {
  id: 'AwsSolutions-IAM5',
  reason: 'Each identity reaches only its own folder: the wildcard follows ${cognito-identity.amazonaws.com:sub}, the caller\'s identity id',
  appliesTo: [{ regex: '/^Resource::<Photos[0-9A-F]{8}\\.Arn>\\/private\\/<cognito-identity\\.amazonaws\\.com:sub>\\/\\*$/g' }],
};
/** cdk-nag: the shared folder (`public/`) every signed-in user reads. */
const SHARED_FOLDER_SUPPRESSION: NagPackSuppression = {
  id: 'AwsSolutions-IAM5',
  reason: 'The shared folder public/ is read by every signed-in user: what is in it is meant for all of them',
  appliesTo: [{ regex: '/^Resource::<Photos[0-9A-F]{8}\\.Arn>\\/public\\/\\*$/g' }],
};
/** cdk-nag: the indexes of the table whose items each identity owns. */
const OWN_ITEMS_INDEX_SUPPRESSION: NagPackSuppression = {
  id: 'AwsSolutions-IAM5',
  reason: 'The table\'s indexes: the dynamodb:LeadingKeys condition holds every request to the caller\'s own items',
  appliesTo: [{ regex: '/^Resource::<Albums[0-9A-F]{8}\\.Arn>\\/index\\/\\*$/g' }],
};
/** cdk-nag: the key actions of the grants on the KMS-encrypted bucket. */
const KEY_GRANT_SUPPRESSION: NagPackSuppression = {
  id: 'AwsSolutions-IAM5',
  reason: 'The key actions bucket.grantReadWrite gives (GenerateDataKey*, ReEncrypt*), on the bucket\'s one key only',
  appliesTo: ['Action::kms:GenerateDataKey*', 'Action::kms:ReEncrypt*'],
};

/** The integ app, its stack and its `IntegTest`; `test/cdk-nag.test.ts` builds it too. */
export function buildFullPoolIntegApp(): { app: App; stack: Stack; integ: IntegTest } {
  const app = new App();
  const stack = new Stack(app, 'IdentityPoolFullInteg');

  // No user signs in during the test, so the Plus plan (threat protection) and required MFA cost nothing.
  const userPool = new cognito.UserPool(stack, 'Users', {
    signInAliases: { email: true },
    mfa: cognito.Mfa.REQUIRED,
    mfaSecondFactor: { sms: false, otp: true },
    featurePlan: cognito.FeaturePlan.PLUS,
    standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
    passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const oidc = new iam.OpenIdConnectProvider(stack, 'Oidc', {
    url: `https://${OIDC_ISSUER}`,
    clientIds: ['integ-client'],
    thumbprints: ['0123456789abcdef0123456789abcdef01234567'],
  });
  const saml = new iam.SamlProvider(stack, 'Saml', {
    metadataDocument: iam.SamlMetadataDocument.fromXml(SAML_METADATA),
  });

  const identityPool = new IdentityPool(stack, 'Pool', {
    identityPoolName: 'cdk_identity_pool_integ_full',
    authenticationProviders: {
      google: { clientId: '12345678012.apps.googleusercontent.com' },
      facebook: { appId: '1234567890123' },
      amazon: { appId: 'amzn1.application.0123456789abcdef0123456789abcdef' },
      apple: { servicesId: 'com.example.integ.auth' },
      openIdConnectProviders: [oidc],
      samlProviders: [saml],
      customProvider: DEVELOPER_PROVIDER_NAME,
    },
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const client = identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));

  // The pool passes principal tags, so every role it hands out must allow sts:TagSession: the
  // default roles get it from the library; the mapped and group roles here are made to allow it.
  identityPool.addPrincipalTags('UserPoolTags', {
    providerName: userPool.userPoolProviderName,
    principalTags: { sub: 'sub', email: 'email' },
  });
  const taggedRole = (id: string, description: string): iam.Role => new iam.Role(stack, id, {
    assumedBy: new IdentityPoolPrincipal(identityPool).withSessionTags(),
    description,
  });

  // Rules: members of the OpenID Connect provider's "admins" group get the admin role.
  const oidcAdmins = taggedRole('OidcAdminsRole', 'Admins signed in through the OpenID Connect provider');
  identityPool.addRoleMappings(
    {
      providerUrl: IdentityPoolProviderUrl.openId(OIDC_ISSUER),
      rules: [{ claim: 'groups', claimValue: 'admins', matchType: RoleMappingMatchType.CONTAINS, mappedRole: oidcAdmins }],
    },
    // Token: the SAML assertion's Role attribute chooses the role.
    { providerUrl: IdentityPoolProviderUrl.saml(saml.samlProviderArn), useToken: true },
  );

  // Token, from the user pool's groups (added by the group roles, ambiguous roles denied).
  const admins = identityPool.addUserPoolGroupRole('Admins', {
    userPool,
    groupName: 'admins',
    description: 'Integ admins',
    precedence: 0,
    role: taggedRole('AdminsRole', 'Members of the user pool group admins'),
  });
  const viewers = identityPool.addUserPoolGroupRole('Viewers', {
    userPool,
    groupName: 'viewers',
    precedence: 10,
    role: taggedRole('ViewersRole', 'Members of the user pool group viewers'),
  });

  // Per-identity data: a KMS-encrypted bucket and a table, both destroyed with the stack (the
  // bucket must be empty; no test writes to it).
  const key = new kms.Key(stack, 'PhotosKey', {
    enableKeyRotation: true,
    pendingWindow: Duration.days(7),
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const photos = new s3.Bucket(stack, 'Photos', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: key,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const albums = new dynamodb.TableV2(stack, 'Albums', {
    partitionKey: { name: 'identityId', type: dynamodb.AttributeType.STRING },
    sortKey: { name: 'albumId', type: dynamodb.AttributeType.STRING },
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    removalPolicy: RemovalPolicy.DESTROY,
  });
  identityPool.grantReadWriteOwnObjects(photos, { prefix: 'private/' });
  identityPool.grantReadSharedObjects(photos, { prefix: 'public/' });
  identityPool.grantReadWriteOwnItems(albums);
  // The grants go to every signed-in role (signedInUsers): the mapped admins and viewers roles,
  // which replace the authenticated role for their users, keep their own data and the shared folder.

  // cdk-nag (AwsSolutions): the per-identity wildcards, each bounded as its reason says.
  for (const role of [identityPool.authenticatedRole, admins.role, viewers.role]) {
    NagSuppressions.addResourceSuppressions(role, [
      OWN_FOLDER_SUPPRESSION, SHARED_FOLDER_SUPPRESSION, OWN_ITEMS_INDEX_SUPPRESSION, KEY_GRANT_SUPPRESSION,
    ], true);
  }
  NagSuppressions.addResourceSuppressions(photos, [{
    id: 'AwsSolutions-S1',
    reason: 'A test bucket that stays empty and lives for the minutes of the test: access logs would only outlive it',
  }]);

  const integ = new IntegTest(app, 'FullPool', { testCases: [stack] });

  integ.assertions.awsApiCall('CognitoIdentity', 'DescribeIdentityPool', { IdentityPoolId: identityPool.identityPoolId })
    .expect(ExpectedResult.objectLike({
      IdentityPoolId: identityPool.identityPoolId,
      IdentityPoolName: 'cdk_identity_pool_integ_full',
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: false,
      SupportedLoginProviders: {
        'accounts.google.com': '12345678012.apps.googleusercontent.com',
        'graph.facebook.com': '1234567890123',
        'www.amazon.com': 'amzn1.application.0123456789abcdef0123456789abcdef',
        'appleid.apple.com': 'com.example.integ.auth',
      },
      DeveloperProviderName: DEVELOPER_PROVIDER_NAME,
      OpenIdConnectProviderARNs: [oidc.openIdConnectProviderArn],
      SamlProviderARNs: [saml.samlProviderArn],
      CognitoIdentityProviders: [{
        ProviderName: userPool.userPoolProviderName,
        ClientId: client.userPoolClientId,
        ServerSideTokenCheck: true,
      }],
    }));

  integ.assertions.awsApiCall('CognitoIdentity', 'GetIdentityPoolRoles', { IdentityPoolId: identityPool.identityPoolId })
    .expect(ExpectedResult.objectLike({
      IdentityPoolId: identityPool.identityPoolId,
      Roles: {
        authenticated: identityPool.authenticatedRole.roleArn,
        unauthenticated: identityPool.unauthenticatedRole.roleArn,
      },
      RoleMappings: {
        // What Cognito keys a user pool's mapping by: its provider name and app client id.
        [`${userPool.userPoolProviderName}:${client.userPoolClientId}`]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' },
        [saml.samlProviderArn]: { Type: 'Token', AmbiguousRoleResolution: 'Deny' },
        [OIDC_ISSUER]: {
          Type: 'Rules',
          AmbiguousRoleResolution: 'Deny',
          RulesConfiguration: {
            Rules: [{ Claim: 'groups', MatchType: 'Contains', Value: 'admins', RoleARN: oidcAdmins.roleArn }],
          },
        },
      },
    }));

  // The developer provider: a login server gets an OpenID token for one of its users.
  integ.assertions.awsApiCall('CognitoIdentity', 'GetOpenIdTokenForDeveloperIdentity', {
    IdentityPoolId: identityPool.identityPoolId,
    Logins: { [DEVELOPER_PROVIDER_NAME]: 'integ-user-1' },
    TokenDuration: 900,
  }).assertAtPath('Token', ExpectedResult.stringLikeRegexp('^[\\w-]+\\.[\\w-]+\\.[\\w-]+$'));

  return { app, stack, integ };
}

if (require.main === module) {
  buildFullPoolIntegApp().app.synth();
}
