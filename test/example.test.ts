import * as fs from 'fs';
import * as path from 'path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { buildExampleApp } from './example/app';
import { summarizeTemplate } from './example/summary';

describe('the README example app', () => {
  test('summarizes pools, providers, roles, trust, permissions and mappings', () => {
    const { stack } = buildExampleApp();
    const summary = summarizeTemplate(stack.stackName, Template.fromStack(stack).toJSON());
    expect(summary).toContain('Identity pool Identities1D2FC062 (name: photo_sharing, deletion: Retain)');
    expect(summary).toContain('guests: off, classic flow: off');
    expect(summary).toContain('login provider: accounts.google.com');
    expect(summary).toContain('developer provider: login.photos.example.com');
    expect(summary).toContain('authenticated role: IdentitiesAuthenticatedRoleB7BB6C89 trusting cognito-identity.amazonaws.com [aud=Ref(Identities1D2FC062), amr=authenticated]');
    expect(summary).toContain('may s3:GetObject, s3:PutObject, s3:DeleteObject on PhotosB9552D0D.Arn/private/${cognito-identity.amazonaws.com:sub}/*');
    expect(summary).toContain('may s3:ListBucket on PhotosB9552D0D.Arn [prefix=private/${cognito-identity.amazonaws.com:sub}/*]');
    expect(summary).toContain('may s3:GetObject on PhotosB9552D0D.Arn/public/*');
    expect(summary).toContain('on Albums77B3A114.Arn, Albums77B3A114.Arn/index/* [LeadingKeys=${cognito-identity.amazonaws.com:sub}]');
    expect(summary).toMatch(/unauthenticated role: IdentitiesUnauthenticatedRole19945E3E trusting .*\n {8}may: nothing/);
    expect(summary).toContain('mapping UserPool12af06886ec1ea3c: Token for Users0A0EEA89.ProviderName:Ref(UsersUserPoolAuthenticationProviderClient01B0629F), ambiguous: AuthenticatedRole');
    expect(summary).toContain('group admins (precedence 0) -> IdentitiesAdminsRoleBA22EFB2 trusting cognito-identity.amazonaws.com [aud=Ref(Identities1D2FC062), amr=authenticated]');
    // admins keep their own photos and album items, and users in no group keep the authenticated role
    const admins = summary.slice(summary.indexOf('group admins'), summary.indexOf('users in no group'));
    expect(admins).toContain('may s3:GetObject, s3:PutObject, s3:DeleteObject on PhotosB9552D0D.Arn/private/${cognito-identity.amazonaws.com:sub}/*');
    expect(admins).toContain('[LeadingKeys=${cognito-identity.amazonaws.com:sub}]');
    expect(summary).toContain('users in no group -> the authenticated role IdentitiesAuthenticatedRoleB7BB6C89');
    expect(summary).toContain('Outputs (the front end\'s configuration):');
    expect(summary).toContain('AmplifyConfiguration: {"Auth":{"Cognito":{"identityPoolId":"Ref(Identities1D2FC062)","userPoolId":"Ref(Users0A0EEA89)",'
      + '"userPoolClientId":"Ref(UsersUserPoolAuthenticationProviderClient01B0629F)","allowGuestAccess":false}}}');
    expect(summary).toContain('backend role TokenIssuerServiceRole93673890 trusting lambda.amazonaws.com');
    expect(summary).toContain('may cognito-identity:GetOpenIdTokenForDeveloperIdentity on arn:Ref(AWS::Partition):cognito-identity:');
    expect(summary).toContain('events rule IdentitiesConfigurationChangesE3CA99E7: UpdateIdentityPool, SetIdentityPoolRoles, '
      + 'SetPrincipalTagAttributeMap, DeleteIdentityPool, TagResource, UntagResource\n'
      + '      -> topic AdminAlerts685CDE10 (encrypted with AdminAlertsKey46CFFBB2.Arn) to email photo-admins@photos.example.com');
  });

  test('the README shows what `npx projen example` prints', () => {
    const { stack } = buildExampleApp();
    const summary = summarizeTemplate(stack.stackName, Template.fromStack(stack).toJSON());
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf-8');
    expect(readme).toContain(`\`\`\`text\n${summary}\`\`\``);
  });

  test('the admins hear of every configuration change, through a topic only EventBridge publishes to, encrypted and TLS only', () => {
    const { stack } = buildExampleApp();
    const template = Template.fromStack(stack);
    const poolId = { Ref: 'Identities1D2FC062' };
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        'source': ['aws.cognito-identity'],
        'detail-type': ['AWS API Call via CloudTrail'],
        'detail': {
          eventSource: ['cognito-identity.amazonaws.com'],
          $or: [
            { eventName: ['UpdateIdentityPool', 'SetIdentityPoolRoles', 'SetPrincipalTagAttributeMap', 'DeleteIdentityPool'], requestParameters: { identityPoolId: [poolId] } },
            { eventName: ['TagResource', 'UntagResource'], requestParameters: { resourceArn: [Match.objectLike({ 'Fn::Join': Match.anyValue() })] } },
            { eventName: ['TagResource', 'UntagResource'], resources: { ARN: [Match.objectLike({ 'Fn::Join': Match.anyValue() })] } },
          ],
        },
      },
      Targets: [{ Arn: { Ref: 'AdminAlerts685CDE10' }, Id: 'Target0' }],
    });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': ['AdminAlertsKey46CFFBB2', 'Arn'] } });
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'photo-admins@photos.example.com', TopicArn: { Ref: 'AdminAlerts685CDE10' } });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Action: 'sns:Publish', Principal: { Service: 'events.amazonaws.com' } }),
        ]),
      },
    });
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Principal: { Service: 'events.amazonaws.com' },
        })]),
      },
    });
  });

  test('users outside every group keep the default authenticated role', () => {
    const { stack } = buildExampleApp();
    const mappings = Template.fromStack(stack).findResources('AWS::Cognito::IdentityPoolRoleAttachment');
    const [attachment] = Object.values<any>(mappings);
    expect(Object.values<any>(attachment.Properties.RoleMappings).map(mapping => mapping.AmbiguousRoleResolution)).toEqual(['AuthenticatedRole']);
  });

  test('its own resources follow best practice', () => {
    const { stack } = buildExampleApp();
    const template = Template.fromStack(stack);
    template.allResourcesProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: Match.objectLike({}) }] },
    });
    template.resourceCountIs('AWS::S3::BucketPolicy', 2);
    template.allResourcesProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() }, BucketKeyEnabled: true }] },
      VersioningConfiguration: { Status: 'Enabled' },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: 'photos/' },
    });
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [{ AttributeName: 'identityId', KeyType: 'HASH' }, { AttributeName: 'albumId', KeyType: 'RANGE' }],
      Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true }, DeletionProtectionEnabled: true })],
    });
    template.hasResourceProperties('AWS::Lambda::Function', { TracingConfig: { Mode: 'Active' }, Architectures: ['arm64'], Runtime: 'nodejs22.x' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      MfaConfiguration: 'OPTIONAL',
      DeletionProtection: 'ACTIVE',
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 12 }) },
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'admins', Precedence: 0, RoleArn: Match.anyValue() });
    Template.fromStack(stack).hasOutput('AmplifyConfiguration', { Value: Match.anyValue() });
  });

  test('the example synthesizes without warnings or errors', () => {
    const { stack } = buildExampleApp();
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });

  // The one whole-template snapshot: a tripwire for any unintended change to what the
  // library renders. `projen test` runs jest with --ci, so a changed snapshot fails CI;
  // update it deliberately with `npx projen test:update`.
  test('template snapshot', () => {
    const { stack } = buildExampleApp();
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });
});
