import { App, CfnParameter, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as stable from 'aws-cdk-lib/aws-cognito-identitypool';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityPool } from '../src';

function newStack(env?: { account?: string; region?: string }): Stack {
  return new Stack(new App(), 'Stack', { env });
}

function trustFor(amr: string, poolLogicalId: string): object {
  return {
    Statement: [{
      Effect: 'Allow',
      Action: 'sts:AssumeRoleWithWebIdentity',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Condition: {
        'StringEquals': { 'cognito-identity.amazonaws.com:aud': { Ref: poolLogicalId } },
        'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr },
      },
    }],
  };
}

describe('IdentityPool defaults', () => {
  test('a minimal pool has no required props and renders only what it must', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new IdentityPool(stack, 'myIdentityPool');

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Cognito::IdentityPool', 1);
    template.hasResourceProperties('AWS::Cognito::IdentityPool', {
      AllowUnauthenticatedIdentities: false,
      AllowClassicFlow: Match.absent(),
      IdentityPoolName: Match.absent(),
      SupportedLoginProviders: Match.absent(),
      CognitoIdentityProviders: Match.absent(),
      OpenIdConnectProviderARNs: Match.absent(),
      SamlProviderARNs: Match.absent(),
      DeveloperProviderName: Match.absent(),
      CognitoStreams: Match.absent(),
      PushSync: Match.absent(),
      CognitoEvents: Match.absent(),
    });
  });

  test('the pool is retained by default, like a UserPool', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool');
    Template.fromStack(stack).hasResource('AWS::Cognito::IdentityPool', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  test('removalPolicy overrides the default', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', { removalPolicy: RemovalPolicy.DESTROY });
    Template.fromStack(stack).hasResource('AWS::Cognito::IdentityPool', {
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
    });
  });

  test('default roles trust only this pool, with the right amr, and carry no permissions', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const template = Template.fromStack(stack);
    const poolId = stack.getLogicalId(pool.node.defaultChild as cognito.CfnIdentityPool);

    template.resourceCountIs('AWS::IAM::Role', 2);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: trustFor('authenticated', poolId),
      Description: { 'Fn::Join': ['', ['Default Authenticated Role for Identity Pool ', { 'Fn::GetAtt': [poolId, 'Name'] }]] },
      ManagedPolicyArns: Match.absent(),
      Policies: Match.absent(),
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: trustFor('unauthenticated', poolId),
      Description: { 'Fn::Join': ['', ['Default Unauthenticated Role for Identity Pool ', { 'Fn::GetAtt': [poolId, 'Name'] }]] },
    });
  });

  test('the one role attachment names both default roles and no mappings', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 1);
    template.hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      IdentityPoolId: { Ref: stack.getLogicalId(pool.node.defaultChild as cognito.CfnIdentityPool) },
      Roles: {
        authenticated: { 'Fn::GetAtt': [stack.getLogicalId(pool.authenticatedRole.node.defaultChild as iam.CfnRole), 'Arn'] },
        unauthenticated: { 'Fn::GetAtt': [stack.getLogicalId(pool.unauthenticatedRole.node.defaultChild as iam.CfnRole), 'Arn'] },
      },
      RoleMappings: Match.absent(),
    });
  });

  test('construct ids match aws-cdk-lib so logical ids stay the same', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'X');
    expect(pool.node.defaultChild?.node.path).toBe('Stack/X/Resource');
    expect(pool.authenticatedRole.node.path).toBe('Stack/X/AuthenticatedRole');
    expect(pool.unauthenticatedRole.node.path).toBe('Stack/X/UnauthenticatedRole');
    expect(pool.roleAttachment.node.path).toBe('Stack/X/DefaultRoleAttachment');
    expect(pool.roleAttachment.node.defaultChild?.node.path).toBe('Stack/X/DefaultRoleAttachment/Resource');

    const theirs = newStack();
    new stable.IdentityPool(theirs, 'X');
    const logicalIds = (s: Stack) => Object.keys(Template.fromStack(s).toJSON().Resources).sort();
    expect(logicalIds(stack)).toEqual(logicalIds(theirs));
    expect(logicalIds(stack)).toHaveLength(4);
  });

  test('node.defaultChild is the CfnIdentityPool, so the L1 escape hatch works', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const cfn = pool.node.defaultChild as cognito.CfnIdentityPool;
    expect(cfn).toBeInstanceOf(cognito.CfnIdentityPool);
    cfn.addPropertyOverride('PushSync', { ApplicationArns: ['arn:aws:sns:us-east-1:123456789012:app/GCM/x'] });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      PushSync: { ApplicationArns: ['arn:aws:sns:us-east-1:123456789012:app/GCM/x'] },
    });
  });

  test('attributes come from the L1 resource', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const cfnId = stack.getLogicalId(pool.node.defaultChild as cognito.CfnIdentityPool);
    expect(stack.resolve(pool.identityPoolId)).toEqual({ Ref: cfnId });
    expect(stack.resolve(pool.identityPoolName)).toEqual({ 'Fn::GetAtt': [cfnId, 'Name'] });
    expect(stack.resolve(pool.identityPoolArn)).toEqual({
      'Fn::Join': ['', [
        'arn:', { Ref: 'AWS::Partition' }, ':cognito-identity:', { Ref: 'AWS::Region' }, ':',
        { Ref: 'AWS::AccountId' }, ':identitypool/', { Ref: cfnId },
      ]],
    });
  });
});

describe('IdentityPool overrides', () => {
  test('identityPoolName, guest access and classic flow render as given', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', {
      identityPoolName: 'my pool',
      allowUnauthenticatedIdentities: true,
      allowClassicFlow: true,
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      IdentityPoolName: 'my pool',
      AllowUnauthenticatedIdentities: true,
      AllowClassicFlow: true,
    });
  });

  test('allowClassicFlow false is rendered, not dropped', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', { allowClassicFlow: false });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      AllowClassicFlow: false,
    });
  });

  test('supplied default roles are used as given and no default roles are created', () => {
    // GIVEN (the seed's example)
    const stack = newStack();
    const authenticatedRole = new iam.Role(stack, 'authRole', { assumedBy: new iam.ServicePrincipal('service.amazonaws.com') });
    const unauthenticatedRole = new iam.Role(stack, 'unauthRole', { assumedBy: new iam.ServicePrincipal('service.amazonaws.com') });

    // WHEN
    const pool = new IdentityPool(stack, 'TestIdentityPoolActions', { authenticatedRole, unauthenticatedRole });

    // THEN
    expect(pool.authenticatedRole).toBe(authenticatedRole);
    expect(pool.unauthenticatedRole).toBe(unauthenticatedRole);
    expect(pool.node.tryFindChild('AuthenticatedRole')).toBeUndefined();
    expect(pool.node.tryFindChild('UnauthenticatedRole')).toBeUndefined();
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 2);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'service.amazonaws.com' } }],
      },
    });
    template.hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      Roles: {
        authenticated: { 'Fn::GetAtt': [stack.getLogicalId(authenticatedRole.node.defaultChild as iam.CfnRole), 'Arn'] },
        unauthenticated: { 'Fn::GetAtt': [stack.getLogicalId(unauthenticatedRole.node.defaultChild as iam.CfnRole), 'Arn'] },
      },
    });
  });

  test('an imported role can be supplied', () => {
    const stack = newStack();
    const role = iam.Role.fromRoleArn(stack, 'Imported', 'arn:aws:iam::123456789012:role/auth');
    new IdentityPool(stack, 'Pool', { authenticatedRole: role });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      Roles: { authenticated: 'arn:aws:iam::123456789012:role/auth', unauthenticated: Match.anyValue() },
    });
  });

  test('GovCloud stacks trust the GovCloud Cognito principal', () => {
    const stack = newStack({ region: 'us-gov-west-1', account: '123456789012' });
    const pool = new IdentityPool(stack, 'Pool');
    const poolId = stack.getLogicalId(pool.node.defaultChild as cognito.CfnIdentityPool);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Action: 'sts:AssumeRoleWithWebIdentity',
          Principal: { Federated: 'cognito-identity-us-gov.amazonaws.com' },
          Condition: {
            'StringEquals': { 'cognito-identity-us-gov.amazonaws.com:aud': { Ref: poolId } },
            'ForAnyValue:StringLike': { 'cognito-identity-us-gov.amazonaws.com:amr': 'authenticated' },
          },
        }],
      },
    });
  });
});

describe('granting to the default roles (seed example)', () => {
  test('a table grant and an added statement land on the default roles', () => {
    // GIVEN
    const stack = newStack();
    const table = new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });

    // WHEN
    const identityPool = new IdentityPool(stack, 'myIdentityPool');
    table.grantReadWriteData(identityPool.authenticatedRole);
    table.grantReadData(identityPool.unauthenticatedRole);
    identityPool.authenticatedRole.addToPrincipalPolicy(new iam.PolicyStatement({
      effect: iam.Effect.ALLOW,
      actions: ['dynamodb:*'],
      resources: ['*'],
    }));

    // THEN
    const template = Template.fromStack(stack);
    const authRoleId = stack.getLogicalId(identityPool.authenticatedRole.node.defaultChild as iam.CfnRole);
    const unauthRoleId = stack.getLogicalId(identityPool.unauthenticatedRole.node.defaultChild as iam.CfnRole);
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: authRoleId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: Match.arrayWith(['dynamodb:PutItem']), Effect: 'Allow' }),
          { Action: 'dynamodb:*', Effect: 'Allow', Resource: '*' },
        ]),
      },
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: unauthRoleId }],
      PolicyDocument: {
        Statement: [Match.objectLike({ Action: Match.arrayWith(['dynamodb:GetItem']), Effect: 'Allow' })],
      },
    });
  });
});

describe('grant', () => {
  test('grants actions on the pool ARN only', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const backend = new iam.Role(stack, 'Backend', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });

    pool.grant(backend, 'cognito-identity:GetOpenIdTokenForDeveloperIdentity', 'cognito-identity:LookupDeveloperIdentity');

    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: stack.getLogicalId(backend.node.defaultChild as iam.CfnRole) }],
      PolicyDocument: {
        Statement: [{
          Action: ['cognito-identity:GetOpenIdTokenForDeveloperIdentity', 'cognito-identity:LookupDeveloperIdentity'],
          Effect: 'Allow',
          Resource: stack.resolve(pool.identityPoolArn),
        }],
      },
    });
  });

  test('an imported pool grants on its ARN', () => {
    const stack = newStack();
    const pool = IdentityPool.fromIdentityPoolArn(stack, 'Imported', 'arn:aws:cognito-identity:eu-west-1:111111111111:identitypool/eu-west-1:abc-123');
    const backend = new iam.Role(stack, 'Backend', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    pool.grant(backend, 'cognito-identity:GetId');
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Action: 'cognito-identity:GetId',
          Effect: 'Allow',
          Resource: 'arn:aws:cognito-identity:eu-west-1:111111111111:identitypool/eu-west-1:abc-123',
        }],
      },
    });
  });
});

describe('importing', () => {
  test('fromIdentityPoolId (seed example, with an id Cognito could issue) builds the ARN from the id region and the stack account', () => {
    const stack = newStack();
    const pool = IdentityPool.fromIdentityPoolId(stack, 'my-imported-identity-pool', 'us-east-1:d0e2823f-1a2b-4c3d-9e37-0123456789ab');
    expect(pool.identityPoolId).toBe('us-east-1:d0e2823f-1a2b-4c3d-9e37-0123456789ab');
    expect(pool.identityPoolName).toBe('us-east-1:d0e2823f-1a2b-4c3d-9e37-0123456789ab');
    expect(pool.env.region).toBe('us-east-1');
    expect(stack.resolve(pool.identityPoolArn)).toEqual({
      'Fn::Join': ['', [
        'arn:', { Ref: 'AWS::Partition' }, ':cognito-identity:us-east-1:', { Ref: 'AWS::AccountId' },
        ':identitypool/us-east-1:d0e2823f-1a2b-4c3d-9e37-0123456789ab',
      ]],
    });
  });

  test('fromIdentityPoolId in a concrete environment is concrete', () => {
    const stack = newStack({ account: '123456789012', region: 'us-east-1' });
    const pool = IdentityPool.fromIdentityPoolId(stack, 'Imported', 'eu-west-1:0a1b2c3d-1111-2222-3333-444455556666');
    expect(stack.resolve(pool.identityPoolArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cognito-identity:eu-west-1:123456789012:identitypool/eu-west-1:0a1b2c3d-1111-2222-3333-444455556666']],
    });
    expect(pool.env.region).toBe('eu-west-1');
    expect(pool.env.account).toBe('123456789012');
  });

  test('fromIdentityPoolArn (seed example, with an id Cognito could issue) takes region and account from the ARN', () => {
    const stack = newStack({ account: '999999999999', region: 'eu-central-1' });
    const pool = IdentityPool.fromIdentityPoolArn(stack, 'my-imported-identity-pool',
      'arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1:d0e2823f-1a2b-4c3d-9e37-0123456789ab');
    expect(pool.identityPoolId).toBe('us-east-1:d0e2823f-1a2b-4c3d-9e37-0123456789ab');
    expect(pool.identityPoolArn).toBe('arn:aws:cognito-identity:us-east-1:123456789012:identitypool/us-east-1:d0e2823f-1a2b-4c3d-9e37-0123456789ab');
    expect(pool.env.region).toBe('us-east-1');
    expect(pool.env.account).toBe('123456789012');
  });

  test('fromIdentityPoolId rejects an id without a region', () => {
    const stack = newStack();
    expect(() => IdentityPool.fromIdentityPoolId(stack, 'Imported', 'dj2823ryiwuhef937'))
      .toThrow('Stack: identityPoolId must have the form <region>:<id>, e.g. "us-east-1:0a1b2c3d-..." (received: "dj2823ryiwuhef937")');
  });

  test('fromIdentityPoolId accepts a token', () => {
    const stack = newStack();
    const id = new CfnParameter(stack, 'PoolId').valueAsString;
    const pool = IdentityPool.fromIdentityPoolId(stack, 'Imported', id);
    expect(pool.identityPoolId).toBe(id);
  });

  test('fromIdentityPoolArn rejects a string that is not an ARN', () => {
    const stack = newStack();
    expect(() => IdentityPool.fromIdentityPoolArn(stack, 'Imported', 'us-east-1:abc'))
      .toThrow('Stack: identityPoolArn must be an ARN of the form arn:<partition>:cognito-identity:<region>:<account>:identitypool/<region>:<id> (received: "us-east-1:abc")');
  });

  test('fromIdentityPoolArn rejects another service', () => {
    const stack = newStack();
    expect(() => IdentityPool.fromIdentityPoolArn(stack, 'Imported', 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc'))
      .toThrow('Stack: identityPoolArn must be a cognito-identity ARN, not a cognito-idp one (received: "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc")');
  });

  test('fromIdentityPoolArn rejects another resource type', () => {
    const stack = newStack();
    expect(() => IdentityPool.fromIdentityPoolArn(stack, 'Imported', 'arn:aws:cognito-identity:us-east-1:123456789012:pool/us-east-1:abc'))
      .toThrow('Stack: identityPoolArn must name an identitypool resource, not "pool" (received: "arn:aws:cognito-identity:us-east-1:123456789012:pool/us-east-1:abc")');
  });

  test('fromIdentityPoolArn rejects an ARN without an id', () => {
    const stack = newStack();
    expect(() => IdentityPool.fromIdentityPoolArn(stack, 'Imported', 'arn:aws:cognito-identity:us-east-1:123456789012:identitypool'))
      .toThrow('Stack: identityPoolArn must end with identitypool/<region>:<id> (received: "arn:aws:cognito-identity:us-east-1:123456789012:identitypool")');
  });

  test('fromIdentityPoolArn rejects a malformed id', () => {
    const stack = newStack();
    expect(() => IdentityPool.fromIdentityPoolArn(stack, 'Imported', 'arn:aws:cognito-identity:us-east-1:123456789012:identitypool/abc'))
      .toThrow('Stack: identityPoolArn must have the form <region>:<id>, e.g. "us-east-1:0a1b2c3d-..." (received: "arn:aws:cognito-identity:us-east-1:123456789012:identitypool/abc")');
  });

  test('fromIdentityPoolArn rejects an id from another region', () => {
    const stack = newStack();
    expect(() => IdentityPool.fromIdentityPoolArn(stack, 'Imported', 'arn:aws:cognito-identity:us-east-1:123456789012:identitypool/eu-west-1:abc'))
      .toThrow('Stack: identityPoolArn must be in the region of its identity pool id (eu-west-1), not us-east-1 (received: "arn:aws:cognito-identity:us-east-1:123456789012:identitypool/eu-west-1:abc")');
  });

  test('fromIdentityPoolArn accepts a token ARN and splits it lazily: the id is all that follows the /, its own : included', () => {
    const stack = newStack();
    const arn = new CfnParameter(stack, 'PoolArn').valueAsString;
    const pool = IdentityPool.fromIdentityPoolArn(stack, 'Imported', arn);
    expect(Token.isUnresolved(pool.identityPoolId)).toBe(true);
    expect(stack.resolve(pool.identityPoolId)).toEqual({ 'Fn::Select': [1, { 'Fn::Split': ['/', { Ref: 'PoolArn' }] }] });
    // arn:aws:cognito-identity:eu-west-1:123456789012:identitypool/eu-west-1:<guid>: the region and account come from the : fields
    expect(stack.resolve(pool.env.region)).toEqual({ 'Fn::Select': [3, { 'Fn::Split': [':', { Ref: 'PoolArn' }] }] });
    expect(stack.resolve(pool.env.account)).toEqual({ 'Fn::Select': [4, { 'Fn::Split': [':', { Ref: 'PoolArn' }] }] });
  });

  test('errors name the construct path of the importing scope', () => {
    const stack = newStack();
    const scope = new IdentityPool(stack, 'Parent');
    expect(() => IdentityPool.fromIdentityPoolId(scope, 'Imported', 'nope'))
      .toThrow(/^Stack\/Parent: identityPoolId must have the form/);
  });
});

describe('a pool without an unauthenticated role (createUnauthenticatedRole: false)', () => {
  const NO_ROLE = 'Stack/Pool: this identity pool has no unauthenticated role (it was created with createUnauthenticatedRole: false), '
    + 'so unauthenticatedRole cannot be read; check hasUnauthenticatedRole first, or give the pool an unauthenticatedRole';

  test('by default the unauthenticated role is created, as aws-cdk-lib\'s module does', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    expect(pool.hasUnauthenticatedRole).toBe(true);
    expect(pool.unauthenticatedRole.node.path).toBe('Stack/Pool/UnauthenticatedRole');
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Role', 2);
  });

  test('creates only the authenticated role, and the attachment names only it', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    const pool = new IdentityPool(stack, 'Pool', { createUnauthenticatedRole: false });

    // THEN
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResourceProperties('AWS::IAM::Role', { AssumeRolePolicyDocument: trustFor('authenticated', stack.getLogicalId(pool.node.defaultChild as cognito.CfnIdentityPool)) });
    template.hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      Roles: { authenticated: { 'Fn::GetAtt': [stack.getLogicalId(pool.authenticatedRole.node.defaultChild as iam.CfnRole), 'Arn'] } },
    });
    expect(pool.node.tryFindChild('UnauthenticatedRole')).toBeUndefined();
    expect(pool.hasUnauthenticatedRole).toBe(false);
  });

  test('reading unauthenticatedRole throws a clear error', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { createUnauthenticatedRole: false });
    expect(() => pool.unauthenticatedRole).toThrow(NO_ROLE);
  });

  test('keeps the authenticated role\'s logical id, so opting out on a deployed pool only removes the guest role', () => {
    const before = newStack();
    new IdentityPool(before, 'Pool');
    const after = newStack();
    new IdentityPool(after, 'Pool', { createUnauthenticatedRole: false });
    const ids = (s: Stack) => Object.keys(Template.fromStack(s).toJSON().Resources);
    const guestRole = before.node.findChild('Pool').node.findChild('UnauthenticatedRole').node.defaultChild as iam.CfnRole;
    expect(ids(before).filter(id => !ids(after).includes(id))).toEqual([before.getLogicalId(guestRole)]);
    expect(ids(after).filter(id => !ids(before).includes(id))).toEqual([]);
  });

  test('a supplied unauthenticatedRole is still used', () => {
    const stack = newStack();
    const guests = new iam.Role(stack, 'Guests', { assumedBy: new iam.AccountRootPrincipal() });
    const pool = new IdentityPool(stack, 'Pool', { unauthenticatedRole: guests, createUnauthenticatedRole: false, allowUnauthenticatedIdentities: true });
    expect(pool.unauthenticatedRole).toBe(guests);
    expect(pool.hasUnauthenticatedRole).toBe(true);
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      Roles: { unauthenticated: { 'Fn::GetAtt': [stack.getLogicalId(guests.node.defaultChild as iam.CfnRole), 'Arn'] } },
    });
  });

  test('guests on without a role is an error', () => {
    const stack = newStack();
    expect(() => new IdentityPool(stack, 'Pool', { createUnauthenticatedRole: false, allowUnauthenticatedIdentities: true })).toThrow(
      'Stack/Pool: createUnauthenticatedRole must not be false while allowUnauthenticatedIdentities is true and no unauthenticatedRole '
      + 'is given: guests get their credentials from the unauthenticated role, so without one every guest sign-in fails (received: false)');
  });

  test('principal tags then allow sts:TagSession on the authenticated role only', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool', { createUnauthenticatedRole: false, authenticationProviders: { google: { clientId: 'client' } } });
    pool.addPrincipalTags('Tags', { providerName: 'accounts.google.com', useDefaults: true });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'sts:TagSession' })]) },
    });
  });
});

describe('options of the default roles', () => {
  test('name, path, boundary, description and session duration reach the roles, whose logical ids stay', () => {
    const stack = new Stack(new App(), 'Stack');
    const boundary = iam.ManagedPolicy.fromManagedPolicyName(stack, 'Boundary', 'app-boundary');
    const pool = new IdentityPool(stack, 'Pool', {
      authenticatedRoleOptions: {
        roleName: 'app-signed-in', path: '/app/', permissionsBoundary: boundary, description: 'Signed-in users', maxSessionDuration: Duration.hours(2),
      },
      unauthenticatedRoleOptions: { roleName: 'app-guests' },
    });
    const template = Template.fromStack(stack);
    const plainStack = new Stack(new App(), 'Stack');
    const plain = new IdentityPool(plainStack, 'Pool');
    const idOf = (scope: Stack, role: iam.IRole) => scope.getLogicalId(role.node.defaultChild as iam.CfnRole);
    expect(idOf(stack, pool.authenticatedRole)).toBe(idOf(plainStack, plain.authenticatedRole));
    expect(idOf(stack, pool.unauthenticatedRole)).toBe(idOf(plainStack, plain.unauthenticatedRole));
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'app-signed-in',
      Path: '/app/',
      Description: 'Signed-in users',
      MaxSessionDuration: 7200,
      PermissionsBoundary: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':policy/app-boundary']] },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'app-guests', Path: Match.absent(), PermissionsBoundary: Match.absent(), MaxSessionDuration: Match.absent(),
    });
  });

  test('cannot be given with the role they would configure', () => {
    const stack = new Stack(new App(), 'Stack');
    const role = iam.Role.fromRoleArn(stack, 'Role', 'arn:aws:iam::123456789012:role/r');
    expect(() => new IdentityPool(stack, 'Pool', { authenticatedRole: role, authenticatedRoleOptions: { roleName: 'x' } })).toThrow(
      'Stack/Pool: authenticatedRoleOptions applies only to the role the pool creates, and authenticatedRole is given: configure that role itself '
      + '(received: ["roleName"])');
    expect(() => new IdentityPool(stack, 'Guests', { createUnauthenticatedRole: false, unauthenticatedRoleOptions: { roleName: 'x' } })).toThrow(
      'Stack/Guests: unauthenticatedRoleOptions applies only to the role the pool creates, and createUnauthenticatedRole is false (received: ["roleName"])');
  });
});

describe('IdentityPool.isIdentityPool', () => {
  test('is true for a pool created in the app, also for another copy of the library, and false otherwise', () => {
    const stack = new Stack(new App(), 'Stack');
    const pool = new IdentityPool(stack, 'Pool');
    expect(IdentityPool.isIdentityPool(pool)).toBe(true);
    expect(IdentityPool.isIdentityPool(IdentityPool.fromIdentityPoolId(stack, 'Imported', 'us-east-1:0a1b'))).toBe(false);
    expect(IdentityPool.isIdentityPool(new stable.IdentityPool(stack, 'Theirs'))).toBe(false);
    expect(IdentityPool.isIdentityPool(undefined)).toBe(false);
    // a copy of this library brands its pools with the same registered symbol
    const fromAnotherCopy = Object.defineProperty({}, Symbol.for('cdk-identity-pool.IdentityPool'), { value: true });
    expect(IdentityPool.isIdentityPool(fromAnotherCopy)).toBe(true);
  });
});
