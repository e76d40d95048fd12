/**
 * The example app the README's quick start synthesizes: the backend of a photo-sharing app.
 *
 * - Users sign in through the user pool (email and password, optional TOTP MFA) or with Google,
 *   or through the app's own login server (developer authenticated identities: the
 *   `TokenIssuer` function hands the client an OpenID token for its user).
 * - Each signed-in user reads and writes only their own photos (`private/<identity id>/`) and
 *   only their own rows of the albums table (partition key = identity id); everyone signed in
 *   reads the public folder (`public/`). Guests get nothing.
 * - Members of the user pool group "admins" get a role that may read every photo.
 * - The stack's outputs are the front end's configuration (Amplify.configure reads one of them).
 * - Every change to who gets which credentials (the pool's providers, roles, role mappings,
 *   principal tags, tags, or its deletion) is mailed to the admins through an encrypted topic.
 *
 * Its own resources follow best practice: the buckets block public access, require TLS and are
 * encrypted (the photos and the admins' alerts with rotating KMS keys), the alerts topic takes
 * TLS only, access to the photos is logged, the table
 * has point-in-time recovery and deletion protection, the function's logs expire.
 *
 * It imports the library from its sources so it runs straight from a checkout; an app that
 * installed the package writes `from 'cdk-identity-pool'` instead.
 */
import { Annotations, App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { NagSuppressions } from 'cdk-nag';
import { summarizeTemplate } from './summary';
import { IdentityPool, IdentityPoolProviderUrl, UserPoolAuthenticationProvider } from '../../src';

/** The developer provider name the login server signs users in under; it cannot change once users exist. */
const DEVELOPER_PROVIDER_NAME = 'login.photos.example.com';

/** Who hears of every change to who gets which credentials. */
const ADMINS_EMAIL = 'photo-admins@photos.example.com';

/** Where the web front end is served from: the only origin that may call S3 from a browser. */
const FRONT_END_ORIGIN = 'https://photos.example.com';

/** Builds the example app; `synth` and the tests share it. */
export function buildExampleApp(): { app: App; stack: Stack } {
  const app = new App();
  const stack = new Stack(app, 'PhotoSharing');

  const userPool = new cognito.UserPool(stack, 'Users', {
    selfSignUpEnabled: true,
    signInAliases: { email: true },
    autoVerify: { email: true },
    passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
    mfa: cognito.Mfa.OPTIONAL,
    mfaSecondFactor: { sms: false, otp: true },
    accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
    featurePlan: cognito.FeaturePlan.PLUS,
    standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
    deletionProtection: true,
  });

  // Photos: a private folder per identity and a public folder, uploaded from the browser.
  const accessLogs = new s3.Bucket(stack, 'AccessLogs', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    lifecycleRules: [{ expiration: Duration.days(365) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const photosKey = new kms.Key(stack, 'PhotosKey', { description: 'Encrypts the photos', enableKeyRotation: true });
  const photos = new s3.Bucket(stack, 'Photos', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: s3.BucketEncryption.KMS,
    encryptionKey: photosKey,
    bucketKeyEnabled: true,
    versioned: true,
    serverAccessLogsBucket: accessLogs,
    serverAccessLogsPrefix: 'photos/',
    cors: [{
      allowedOrigins: [FRONT_END_ORIGIN],
      allowedMethods: [s3.HttpMethods.GET, s3.HttpMethods.PUT, s3.HttpMethods.DELETE, s3.HttpMethods.HEAD],
      allowedHeaders: ['*'],
      exposedHeaders: ['ETag'],
    }],
    removalPolicy: RemovalPolicy.RETAIN,
  });

  // Albums: one row per album, keyed by its owner's identity id.
  const albums = new dynamodb.TableV2(stack, 'Albums', {
    partitionKey: { name: 'identityId', type: dynamodb.AttributeType.STRING },
    sortKey: { name: 'albumId', type: dynamodb.AttributeType.STRING },
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });

  const identityPool = new IdentityPool(stack, 'Identities', {
    identityPoolName: 'photo_sharing',
    authenticationProviders: {
      google: { clientId: '12345678012.apps.googleusercontent.com' },
      customProvider: DEVELOPER_PROVIDER_NAME,
    },
  });
  const client = identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));

  // Every signed-in user: their own photos and rows, and the public folder.
  identityPool.grantReadWriteOwnObjects(photos, { prefix: 'private/' });
  identityPool.grantReadSharedObjects(photos, { prefix: 'public/' });
  identityPool.grantReadWriteOwnItems(albums);

  // The login server's token endpoint: it has checked the user's password itself, and asks
  // Cognito for an OpenID token that the client exchanges for credentials.
  const tokenIssuer = new lambda.Function(stack, 'TokenIssuer', {
    runtime: lambda.Runtime.NODEJS_22_X,
    architecture: lambda.Architecture.ARM_64,
    handler: 'index.handler',
    code: lambda.Code.fromInline([
      "const { CognitoIdentityClient, GetOpenIdTokenForDeveloperIdentityCommand } = require('@aws-sdk/client-cognito-identity');",
      'const cognito = new CognitoIdentityClient({});',
      '// event.userId: the id the login server gave the user it has just signed in',
      'exports.handler = async (event) => {',
      '  const { IdentityId, Token } = await cognito.send(new GetOpenIdTokenForDeveloperIdentityCommand({',
      '    IdentityPoolId: process.env.IDENTITY_POOL_ID,',
      '    Logins: { [process.env.DEVELOPER_PROVIDER_NAME]: event.userId },',
      '    TokenDuration: 900,',
      '  }));',
      '  return { identityId: IdentityId, token: Token };',
      '};',
    ].join('\n')),
    environment: { IDENTITY_POOL_ID: identityPool.identityPoolId, DEVELOPER_PROVIDER_NAME },
    timeout: Duration.seconds(10),
    memorySize: 256,
    tracing: lambda.Tracing.ACTIVE,
    logGroup: new logs.LogGroup(stack, 'TokenIssuerLogs', { retention: logs.RetentionDays.ONE_MONTH }),
  });
  identityPool.grantOpenIdTokenForDeveloperIdentity(tokenIssuer);

  // Members of the user pool group "admins" get a role that may read every photo: the ID token
  // names the group's role, and a Token mapping hands it out. Everyone outside the group keeps
  // the default authenticated role (resolveAmbiguousRoles); with Deny, every user who is in no
  // group would get no credentials at all.
  identityPool.addRoleMappings({
    providerUrl: IdentityPoolProviderUrl.userPool(userPool, client),
    useToken: true,
    resolveAmbiguousRoles: true,
  });
  Annotations.of(identityPool).acknowledgeWarning('cdk-identity-pool:resolveAmbiguousRoles',
    'Users outside every group are meant to get the default authenticated role');
  const admins = identityPool.addUserPoolGroupRole('Admins', {
    userPool,
    groupName: 'admins',
    description: 'Photo sharing administrators',
    precedence: 0,
  });
  photos.grantRead(admins.role);

  // The admins hear of every change to who gets which credentials, whoever makes it (the
  // console, the CLI, or a deployment of this stack): EventBridge receives the pool's write
  // management events through the account's CloudTrail trail (any trail with logging on that
  // records this Region), and publishes them to a topic that only EventBridge may publish to
  // (the rule target grants it, and the topic's key).
  const alertsKey = new kms.Key(stack, 'AdminAlertsKey', { description: 'Encrypts the admins\' alerts', enableKeyRotation: true });
  const adminAlerts = new sns.Topic(stack, 'AdminAlerts', {
    displayName: 'Photo sharing: identity pool changes',
    masterKey: alertsKey,
    enforceSSL: true,
  });
  adminAlerts.addSubscription(new subscriptions.EmailSubscription(ADMINS_EMAIL));
  identityPool.onConfigurationChange('ConfigurationChanges', {
    description: 'Changes to the photo sharing identity pool: providers, roles, role mappings, principal tags, tags, deletion',
    target: new targets.SnsTopic(adminAlerts),
  });

  // cdk-nag (AwsSolutions): each finding below is accepted, for the reason it gives. The own-data
  // grants reach every signed-in role (signedInUsers), so the admins' role carries them too.
  const signedInGrants = [
    {
      id: 'AwsSolutions-IAM5',
      reason: 'Each identity reaches only its own folder: the wildcard follows ${cognito-identity.amazonaws.com:sub}, the caller\'s identity id',
      appliesTo: [{ regex: '/^Resource::<Photos[0-9A-F]{8}\\.Arn>\\/private\\/<cognito-identity\\.amazonaws\\.com:sub>\\/\\*$/g' }],
    },
    {
      id: 'AwsSolutions-IAM5',
      reason: 'The shared folder public/ is read by every signed-in user: what is in it is meant for all of them',
      appliesTo: [{ regex: '/^Resource::<Photos[0-9A-F]{8}\\.Arn>\\/public\\/\\*$/g' }],
    },
    {
      id: 'AwsSolutions-IAM5',
      reason: 'The albums table\'s indexes: the dynamodb:LeadingKeys condition holds every request to the caller\'s own items',
      appliesTo: [{ regex: '/^Resource::<Albums[0-9A-F]{8}\\.Arn>\\/index\\/\\*$/g' }],
    },
    {
      id: 'AwsSolutions-IAM5',
      reason: 'The key actions bucket.grantReadWrite gives (GenerateDataKey*, ReEncrypt*), on the photos key only',
      appliesTo: ['Action::kms:GenerateDataKey*', 'Action::kms:ReEncrypt*'],
    },
  ];
  NagSuppressions.addResourceSuppressions(identityPool.authenticatedRole, signedInGrants, true);
  NagSuppressions.addResourceSuppressions(admins.role, [...signedInGrants, {
    id: 'AwsSolutions-IAM5',
    reason: 'Admins read every photo, which is what the role is for: photos.grantRead gives the object and List/GetBucket action families',
    appliesTo: ['Action::s3:GetObject*', 'Action::s3:GetBucket*', 'Action::s3:List*', { regex: '/^Resource::<Photos[0-9A-F]{8}\\.Arn>\\/\\*$/g' }],
  }], true);
  NagSuppressions.addResourceSuppressions(tokenIssuer, [
    {
      id: 'AwsSolutions-IAM4',
      reason: 'AWSLambdaBasicExecutionRole only lets the function write its own logs (CreateLogGroup, CreateLogStream, PutLogEvents)',
      appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
    },
    {
      id: 'AwsSolutions-IAM5',
      reason: 'X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions',
      appliesTo: ['Resource::*'],
    },
  ], true);
  NagSuppressions.addResourceSuppressions(userPool, [{
    id: 'AwsSolutions-COG2',
    reason: 'MFA is offered (TOTP), not forced: a photo-sharing app lets each user choose',
  }]);

  // What the web front end needs: `cdk deploy --outputs-file` writes it, Amplify.configure reads it.
  identityPool.addFrontendOutputs();

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
