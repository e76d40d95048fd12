import { App, Duration, Lazy, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  IdentityPool,
  IdentityPoolIdentityType,
  IdentityPoolPrincipal,
  IdentityPoolProviderUrl,
  UserPoolAuthenticationProvider,
  UserPoolGroupRole,
} from '../src';

function newStack(): Stack {
  return new Stack(new App(), 'Stack');
}

/** A stack with a user pool that is a provider of an identity pool. */
function poolWithUserPool() {
  const stack = newStack();
  const userPool = new cognito.UserPool(stack, 'Users');
  const identityPool = new IdentityPool(stack, 'Pool', {
    authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })] },
  });
  return { stack, userPool, identityPool, client: userPool.node.findChild('UserPoolAuthenticationProviderClient') as cognito.UserPoolClient };
}

function logicalId(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(construct.node.defaultChild as cognito.CfnUserPool);
}

/** The `RoleMappings` of the pool's one attachment. */
function roleMappings(stack: Stack): Record<string, any> {
  const attachments = Template.fromStack(stack).findResources('AWS::Cognito::IdentityPoolRoleAttachment');
  return Object.values(attachments)[0].Properties.RoleMappings ?? {};
}

function tokenMappingFor(stack: Stack, userPool: cognito.UserPool, client: cognito.IUserPoolClient) {
  return {
    Type: 'Token',
    AmbiguousRoleResolution: 'AuthenticatedRole',
    IdentityProvider: {
      'Fn::Join': ['', [
        { 'Fn::GetAtt': [logicalId(stack, userPool), 'ProviderName'] },
        ':',
        { Ref: stack.getLogicalId(client.node.defaultChild as cognito.CfnUserPoolClient) },
      ]],
    },
  };
}

function libraryWarnings(stack: Stack): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('\\[ack: cdk-identity-pool:'))
    .map(warning => `${warning.id}: ${warning.entry.data}`);
}

describe('a user pool group with a created role', () => {
  test('creates the group, with its precedence and a role only this pool\'s authenticated identities can assume', () => {
    // GIVEN
    const { stack, userPool, identityPool } = poolWithUserPool();

    // WHEN
    const admins = identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });

    // THEN
    expect(admins).toBeInstanceOf(UserPoolGroupRole);
    expect(admins.node.path).toBe('Stack/Pool/Admins');
    expect(admins.group.node.path).toBe('Stack/Pool/Admins/Group');
    expect(admins.role.node.path).toBe('Stack/Pool/Admins/Role');
    expect(admins.precedence).toBe(1);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
      UserPoolId: { Ref: logicalId(stack, userPool) },
      Precedence: 1,
      RoleArn: { 'Fn::GetAtt': [stack.getLogicalId(admins.role.node.defaultChild as iam.CfnRole), 'Arn'] },
      GroupName: Match.absent(),
      Description: Match.absent(),
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: 'sts:AssumeRoleWithWebIdentity',
          Principal: { Federated: 'cognito-identity.amazonaws.com' },
          Condition: {
            'StringEquals': { 'cognito-identity.amazonaws.com:aud': { Ref: logicalId(stack, identityPool) } },
            'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
          },
        }],
      },
      Description: Match.absent(),
      ManagedPolicyArns: Match.absent(),
    });
    expect(libraryWarnings(stack)).toEqual([]);
  });

  test('renders the group name and description', () => {
    const { stack, userPool, identityPool } = poolWithUserPool();
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 0, groupName: 'admins', description: 'Administrators' });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolGroup', {
      GroupName: 'admins',
      Description: 'Administrators',
      Precedence: 0,
    });
  });

  test('gives the created role its role options', () => {
    // GIVEN
    const { stack, userPool, identityPool } = poolWithUserPool();

    // WHEN
    identityPool.addUserPoolGroupRole('Admins', {
      userPool,
      precedence: 1,
      roleOptions: { roleName: 'photo-admins', description: 'Photo administrators', maxSessionDuration: Duration.hours(2), path: '/groups/' },
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'photo-admins',
      Description: 'Photo administrators',
      MaxSessionDuration: 7200,
      Path: '/groups/',
    });
  });

  test('the role can be granted permissions', () => {
    // GIVEN
    const { stack, userPool, identityPool } = poolWithUserPool();
    const admins = identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });

    // WHEN
    admins.role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:ListAllMyBuckets'], resources: ['*'] }));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: 's3:ListAllMyBuckets', Effect: 'Allow', Resource: '*' }] },
      Roles: [{ Ref: stack.getLogicalId(admins.role.node.defaultChild as iam.CfnRole) }],
    });
  });

  test('can be created directly, in any scope', () => {
    // GIVEN
    const { stack, userPool, identityPool } = poolWithUserPool();

    // WHEN
    const editors = new UserPoolGroupRole(stack, 'Editors', { identityPool, userPool, precedence: 2 });

    // THEN
    expect(editors.group.node.path).toBe('Stack/Editors/Group');
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolGroup', { Precedence: 2 });
  });
});

describe('a user pool group with a supplied role', () => {
  test('uses the role as given, and creates none', () => {
    // GIVEN
    const { stack, userPool, identityPool } = poolWithUserPool();
    const role = new iam.Role(stack, 'Editors', { assumedBy: new IdentityPoolPrincipal(identityPool, IdentityPoolIdentityType.AUTHENTICATED) });

    // WHEN
    const editors = identityPool.addUserPoolGroupRole('EditorsGroup', { userPool, precedence: 2, role });

    // THEN
    expect(editors.role).toBe(role);
    expect(editors.node.tryFindChild('Role')).toBeUndefined();
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 3);
    template.hasResourceProperties('AWS::Cognito::UserPoolGroup', {
      RoleArn: { 'Fn::GetAtt': [stack.getLogicalId(role.node.defaultChild as iam.CfnRole), 'Arn'] },
    });
    expect(libraryWarnings(stack)).toEqual([]);
  });

  test('an imported role is used by its ARN', () => {
    const { stack, userPool, identityPool } = poolWithUserPool();
    const role = iam.Role.fromRoleArn(stack, 'Imported', 'arn:aws:iam::123456789012:role/editors');
    identityPool.addUserPoolGroupRole('Editors', { userPool, precedence: 2, role });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolGroup', { RoleArn: 'arn:aws:iam::123456789012:role/editors' });
  });

  test('a supplied role that does not trust the pool gets roleTrust, naming the group', () => {
    // GIVEN
    const { stack, userPool, identityPool } = poolWithUserPool();
    const role = new iam.Role(stack, 'Editors', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });

    // WHEN
    identityPool.addUserPoolGroupRole('EditorsGroup', { userPool, precedence: 2, groupName: 'editors', role });

    // THEN
    expect(libraryWarnings(stack)).toEqual([
      '/Stack/Pool/DefaultRoleAttachment: The role Stack/Editors (role of the user pool group Stack/Pool/EditorsGroup/Group ("editors"), '
      + 'which the Token mapping roleMappings[0] hands out) does not trust this identity pool: no statement of its trust policy allows '
      + 'sts:AssumeRoleWithWebIdentity to the federated principal cognito-identity.amazonaws.com, so sign-in fails with STS AccessDenied '
      + '"Not authorized to perform sts:AssumeRoleWithWebIdentity"; trust the pool with '
      + 'new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED) [ack: cdk-identity-pool:roleTrust]',
    ]);
  });

  test('a supplied role whose ARN is not a role\'s fails', () => {
    const { stack, userPool, identityPool } = poolWithUserPool();
    const role = iam.Role.fromRoleArn(stack, 'User', 'arn:aws:iam::123456789012:user/admin');
    expect(() => identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1, role })).toThrow('Stack/Pool/Admins: role must be an IAM role, '
      + 'whose ARN has the form arn:<partition>:iam::<account>:role/<name> (20-2048 characters) (received: "arn:aws:iam::123456789012:user/admin")');
  });

  test('roleOptions with a supplied role fail', () => {
    const { stack, userPool, identityPool } = poolWithUserPool();
    const role = new iam.Role(stack, 'Editors', { assumedBy: new IdentityPoolPrincipal(identityPool) });
    expect(() => identityPool.addUserPoolGroupRole('EditorsGroup', { userPool, precedence: 2, role, roleOptions: { description: 'x' } }))
      .toThrow('Stack/Pool/EditorsGroup: roleOptions applies only to the role created when no role is given; configure the given role itself '
        + '(received: ["description"])');
  });
});

describe('the Token mapping', () => {
  test('is added for the user pool\'s provider, and only once', () => {
    // GIVEN
    const { stack, userPool, identityPool, client } = poolWithUserPool();

    // WHEN
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });
    identityPool.addUserPoolGroupRole('Editors', { userPool, precedence: 2 });

    // THEN
    const mappings = roleMappings(stack);
    expect(Object.values(mappings)).toEqual([tokenMappingFor(stack, userPool, client)]);
  });

  test('is the group role\'s own: a copy the app adds to another pool is the app\'s choice and warns', () => {
    // GIVEN
    const { stack, userPool, identityPool, client } = poolWithUserPool();
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });
    const other = new IdentityPool(stack, 'Other', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient: client })] },
    });

    // WHEN
    other.addRoleMappings({ ...identityPool.roleAttachment._roleMappings[0] });

    // THEN
    expect(libraryWarnings(stack).filter(warning => warning.includes('resolveAmbiguousRoles]'))).toEqual([
      expect.stringMatching(/^\/Stack\/Other\/DefaultRoleAttachment: roleMappings\[0\] \(.*\) sets resolveAmbiguousRoles: users whose token /),
    ]);
  });

  test('is added for each app client of the user pool the pool is configured with', () => {
    // GIVEN
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const web = userPool.addClient('Web');
    const mobile = userPool.addClient('Mobile');
    const identityPool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: {
        userPools: [
          new UserPoolAuthenticationProvider({ userPool, userPoolClient: web }),
          new UserPoolAuthenticationProvider({ userPool, userPoolClient: mobile }),
        ],
      },
    });

    // WHEN
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });

    // THEN
    expect(Object.values(roleMappings(stack))).toEqual([tokenMappingFor(stack, userPool, web), tokenMappingFor(stack, userPool, mobile)]);
  });

  test('is added for an app client of the user pool added later, and not for other user pools', () => {
    // GIVEN
    const { stack, userPool, identityPool, client } = poolWithUserPool();
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });
    const mobile = userPool.addClient('Mobile');
    const partners = new cognito.UserPool(stack, 'Partners');

    // WHEN
    identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool, userPoolClient: mobile }));
    identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool: partners }));

    // THEN
    expect(Object.values(roleMappings(stack))).toEqual([tokenMappingFor(stack, userPool, client), tokenMappingFor(stack, userPool, mobile)]);
  });

  test('is added for the clients of this user pool only, when the pool has others', () => {
    // GIVEN
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const partners = new cognito.UserPool(stack, 'Partners');
    const web = userPool.addClient('Web');
    const identityPool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: {
        userPools: [
          new UserPoolAuthenticationProvider({ userPool: partners, userPoolClient: partners.addClient('Web') }),
          new UserPoolAuthenticationProvider({ userPool, userPoolClient: web }),
        ],
      },
    });

    // WHEN
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });

    // THEN
    expect(Object.values(roleMappings(stack))).toEqual([tokenMappingFor(stack, userPool, web)]);
  });

  test('a client added later gets its Token mapping from the first group role of the user pool, with that role\'s denyUsersInNoGroup', () => {
    // GIVEN
    const { stack, userPool, identityPool } = poolWithUserPool();
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1, denyUsersInNoGroup: true });
    identityPool.addUserPoolGroupRole('Editors', { userPool, precedence: 2 });
    const mobile = userPool.addClient('Mobile');

    // WHEN
    identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool, userPoolClient: mobile }));

    // THEN
    expect(Object.values(roleMappings(stack)).map(mapping => mapping.AmbiguousRoleResolution)).toEqual(['Deny', 'Deny']);
  });

  test('a Token mapping the pool has already is kept as it is', () => {
    // GIVEN
    const { stack, userPool, identityPool, client } = poolWithUserPool();
    identityPool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPool(userPool, client), useToken: true, resolveAmbiguousRoles: true });

    // WHEN
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });

    // THEN
    expect(Object.values(roleMappings(stack))).toEqual([{ ...tokenMappingFor(stack, userPool, client), AmbiguousRoleResolution: 'AuthenticatedRole' }]);
  });

  test('a Rules mapping for the user pool client fails, before anything is created', () => {
    // GIVEN
    const { stack, userPool, identityPool, client } = poolWithUserPool();
    identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.userPool(userPool, client),
      rules: [{ claim: 'cognito:groups', claimValue: 'admins', mappedRole: identityPool.authenticatedRole }],
    });

    // WHEN / THEN
    const providerUrl = JSON.stringify(stack.resolve(IdentityPoolProviderUrl.userPool(userPool, client).value));
    expect(() => identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 })).toThrow(
      'Stack/Pool/Admins: userPool cannot give its groups\' roles through Stack/Pool/DefaultRoleAttachment, whose roleMappings[0] maps this '
      + 'user pool client with rules: Cognito keeps one mapping per provider, and only a Token mapping hands out group roles; test '
      + `cognito:groups in those rules instead (received: ${providerUrl})`);
    expect(identityPool.node.findChild('Admins').node.children).toEqual([]);
  });

  test('a Rules mapping for a client of the user pool added later fails', () => {
    // GIVEN
    const { userPool, identityPool } = poolWithUserPool();
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });
    const mobile = userPool.addClient('Mobile');
    identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.userPool(userPool, mobile),
      rules: [{ claim: 'cognito:groups', claimValue: 'admins', mappedRole: identityPool.authenticatedRole }],
    });

    // WHEN / THEN
    expect(() => identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool, userPoolClient: mobile })))
      .toThrow(/^Stack\/Pool\/Admins: userPool cannot give its groups' roles through Stack\/Pool\/DefaultRoleAttachment, whose roleMappings\[1\] maps/);
  });

  test('a Rules mapping added afterwards for the same client fails, as any second mapping of a provider does', () => {
    const { userPool, identityPool, client } = poolWithUserPool();
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });
    expect(() => identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.userPool(userPool, client),
      rules: [{ claim: 'cognito:groups', claimValue: 'admins', mappedRole: identityPool.authenticatedRole }],
    })).toThrow(/^Stack\/Pool\/DefaultRoleAttachment: roleMappings must map each identity provider once \(Cognito keeps one mapping per provider\)/);
  });

  test('an imported user pool and client get their Token mapping', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack', { env: { region: 'eu-west-1', account: '123456789012' } });
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'Users', 'eu-west-1_abcdefghi');
    const userPoolClient = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', 'clientid123');
    const identityPool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient })] },
    });

    // WHEN
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });

    // THEN
    expect(Object.values(roleMappings(stack))).toEqual([{
      Type: 'Token',
      AmbiguousRoleResolution: 'AuthenticatedRole',
      IdentityProvider: { 'Fn::Join': ['', ['cognito-idp.eu-west-1.', { Ref: 'AWS::URLSuffix' }, '/eu-west-1_abcdefghi:clientid123']] },
    }]);
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolGroup', { UserPoolId: 'eu-west-1_abcdefghi' });
  });
});

describe('bad input', () => {
  test('a user pool that is not a provider of the pool fails', () => {
    // GIVEN
    const { stack, identityPool } = poolWithUserPool();
    const partners = new cognito.UserPool(stack, 'Partners');

    // WHEN / THEN
    expect(() => identityPool.addUserPoolGroupRole('Admins', { userPool: partners, precedence: 1 })).toThrow(
      'Stack/Pool/Admins: userPool must be an authentication provider of the identity pool Stack/Pool (add it to authenticationProviders.userPools, '
      + 'or with addUserPoolAuthentication, first): its groups\' roles reach users through the pool\'s Token mapping for it (received: "Stack/Partners")');
  });

  test.each([
    [-1, '-1'],
    [1.5, '1.5'],
    [2 ** 31, '2147483648'],
  ])('precedence %p fails', (precedence, received) => {
    const { userPool, identityPool } = poolWithUserPool();
    expect(() => identityPool.addUserPoolGroupRole('Admins', { userPool, precedence })).toThrow(
      `Stack/Pool/Admins: precedence must be an integer from 0 to 2147483647 (the lowest precedence wins) (received: ${received})`);
  });

  test('the highest precedence value passes', () => {
    const { stack, userPool, identityPool } = poolWithUserPool();
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 2 ** 31 - 1 });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolGroup', { Precedence: 2147483647 });
  });

  test('a token precedence passes', () => {
    const { stack, userPool, identityPool } = poolWithUserPool();
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: Token.asNumber(Lazy.number({ produce: () => 7 })) });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolGroup', { Precedence: 7 });
  });

  test.each([
    ['my admins', 'must match [\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+'],
    ['', 'must be 1-128 characters long, got 0'],
    ['a'.repeat(129), 'must be 1-128 characters long, got 129'],
  ])('group name %p fails', (groupName, rule) => {
    const { userPool, identityPool } = poolWithUserPool();
    expect(() => identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1, groupName }))
      .toThrow(`Stack/Pool/Admins: groupName ${rule} (received: ${JSON.stringify(groupName)})`);
  });

  test('a token group name passes', () => {
    const { stack, userPool, identityPool } = poolWithUserPool();
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1, groupName: Lazy.string({ produce: () => 'my admins' }) });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'my admins' });
  });

  test('a description over 2048 characters fails', () => {
    const { userPool, identityPool } = poolWithUserPool();
    const description = 'x'.repeat(2049);
    expect(() => identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1, description }))
      .toThrow(`Stack/Pool/Admins: description must be 0-2048 characters long, got 2049 (received: "${description}")`);
  });
});

describe('users in no group', () => {
  function userPoolAndPool() {
    const stack = new Stack(new App(), 'Stack');
    const userPool = new cognito.UserPool(stack, 'Users');
    const identityPool = new IdentityPool(stack, 'Pool', { authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })] } });
    return { stack, userPool, identityPool };
  }
  const denied = 'The Token mapping roleMappings[0] of Stack/Pool/DefaultRoleAttachment, which hand out this group\'s role, resolve ambiguous '
    + 'roles with Deny: users of the user pool who are in no group get no credentials at all, so no grant to signed-in users reaches them; leave '
    + 'denyUsersInNoGroup unset to give them the default authenticated role [ack: cdk-identity-pool:usersInNoGroupDenied]';

  test('get the default authenticated role by default, with no warning', () => {
    const { stack, userPool, identityPool } = userPoolAndPool();
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });
    expect(Object.values(roleMappings(stack))).toEqual([expect.objectContaining({ Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' })]);
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-identity-pool:'))).toEqual([]);
  });

  test('are denied with denyUsersInNoGroup, and the group role says so', () => {
    const { stack, userPool, identityPool } = userPoolAndPool();
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1, denyUsersInNoGroup: true });
    expect(Object.values(roleMappings(stack))).toEqual([expect.objectContaining({ Type: 'Token', AmbiguousRoleResolution: 'Deny' })]);
    Annotations.fromStack(stack).hasWarning('/Stack/Pool/Admins', denied);
  });

  test('two Token mappings of the user pool that deny are named together', () => {
    const stack = new Stack(new App(), 'Stack');
    const userPool = new cognito.UserPool(stack, 'Users');
    const web = userPool.addClient('Web');
    const mobile = userPool.addClient('Mobile');
    const identityPool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [web, mobile].map(userPoolClient => new UserPoolAuthenticationProvider({ userPool, userPoolClient })) },
    });
    identityPool.addRoleMappings(
      { providerUrl: IdentityPoolProviderUrl.userPool(userPool, web), useToken: true },
      { providerUrl: IdentityPoolProviderUrl.userPool(userPool, mobile), useToken: true },
    );
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });
    Annotations.fromStack(stack).hasWarning('/Stack/Pool/Admins', 'The Token mappings roleMappings[0], roleMappings[1] of Stack/Pool/DefaultRoleAttachment, '
      + 'which hand out this group\'s role, resolve ambiguous roles with Deny: users of the user pool who are in no group get no credentials at all, '
      + 'so no grant to signed-in users reaches them; leave denyUsersInNoGroup unset to give them the default authenticated role '
      + '[ack: cdk-identity-pool:usersInNoGroupDenied]');
  });

  test('a Deny the user set on their own Token mapping is kept, and warned about', () => {
    const { stack, userPool, identityPool } = userPoolAndPool();
    const client = stack.node.findAll().find((c): c is cognito.UserPoolClient => c instanceof cognito.UserPoolClient)!;
    identityPool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPool(userPool, client), useToken: true });
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });
    expect(Object.values(roleMappings(stack))).toEqual([expect.objectContaining({ Type: 'Token', AmbiguousRoleResolution: 'Deny' })]);
    Annotations.fromStack(stack).hasWarning('/Stack/Pool/Admins', denied);
  });
});
