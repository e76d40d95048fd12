import { App, Annotations as CoreAnnotations, Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IdentityPoolRoleMapping } from '../../../src';
import {
  IdentityPool,
  IdentityPoolPrincipal,
  IdentityPoolProviderUrl,
  UserPoolAuthenticationProvider,
} from '../../../src';
import { mayNameUserPool } from '../../../src/private/synth/user-pool-checks';

const ATTACHMENT = '/Stack/Pool/DefaultRoleAttachment';
const NO_TRUST = 'does not trust this identity pool: no statement of its trust policy allows sts:AssumeRoleWithWebIdentity to the federated '
  + 'principal cognito-identity.amazonaws.com, so sign-in fails with STS AccessDenied "Not authorized to perform sts:AssumeRoleWithWebIdentity"; '
  + 'trust the pool with new IdentityPoolPrincipal(pool, IdentityPoolIdentityType.AUTHENTICATED) [ack: cdk-identity-pool:roleTrust]';

function warnings(stack: Stack, id: string): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp(`\\[ack: cdk-identity-pool:${id}\\]`))
    .map(warning => `${warning.id}: ${warning.entry.data}`);
}

function lambdaRole(scope: Stack, id: string): iam.Role {
  return new iam.Role(scope, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
}

/** A user pool, its default client, and an identity pool it is a provider of. */
function setUp(userPoolProps: cognito.UserPoolProps = {}, clientOptions?: cognito.UserPoolClientOptions) {
  const stack = new Stack(new App(), 'Stack');
  const userPool = new cognito.UserPool(stack, 'Users', userPoolProps);
  const client = clientOptions ? userPool.addClient('Client', clientOptions) : undefined;
  const identityPool = new IdentityPool(stack, 'Pool');
  const userPoolClient = identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool, userPoolClient: client }));
  const tokenMapping: IdentityPoolRoleMapping = { providerUrl: IdentityPoolProviderUrl.userPool(userPool, userPoolClient), useToken: true };
  return { stack, userPool, userPoolClient, identityPool, tokenMapping };
}

describe('the roles of user pool groups reach the trust check through Token mappings', () => {
  test('a group made with userPool.addGroup whose role does not trust the pool gets roleTrust, naming the group', () => {
    // GIVEN
    const { stack, userPool, identityPool, tokenMapping } = setUp();
    userPool.addGroup('Admins', { groupName: 'admins', precedence: 1, role: lambdaRole(stack, 'AdminRole') });

    // WHEN
    identityPool.addRoleMappings(tokenMapping);

    // THEN
    expect(warnings(stack, 'roleTrust')).toEqual([
      `${ATTACHMENT}: The role Stack/AdminRole (role of the user pool group Stack/Users/Admins ("admins"), which the Token mapping `
      + `roleMappings[0] hands out) ${NO_TRUST}`,
    ]);
  });

  test('a CfnUserPoolGroup is named by its own path', () => {
    // GIVEN
    const { stack, userPool, identityPool, tokenMapping } = setUp();
    new cognito.CfnUserPoolGroup(stack, 'RawGroup', { userPoolId: userPool.userPoolId, roleArn: lambdaRole(stack, 'RawRole').roleArn });

    // WHEN
    identityPool.addRoleMappings(tokenMapping);

    // THEN
    expect(warnings(stack, 'roleTrust')).toEqual([
      `${ATTACHMENT}: The role Stack/RawRole (role of the user pool group Stack/RawGroup, which the Token mapping roleMappings[0] hands out) ${NO_TRUST}`,
    ]);
  });

  test('a group role that trusts the pool does not warn', () => {
    const { stack, userPool, identityPool, tokenMapping } = setUp();
    userPool.addGroup('Admins', { role: new iam.Role(stack, 'AdminRole', { assumedBy: new IdentityPoolPrincipal(identityPool) }) });
    identityPool.addRoleMappings(tokenMapping);
    expect(warnings(stack, 'roleTrust')).toEqual([]);
  });

  test('groups of a user pool the pool maps by rules, or does not map, are not checked', () => {
    // GIVEN
    const { stack, userPool, userPoolClient, identityPool } = setUp();
    userPool.addGroup('Admins', { role: lambdaRole(stack, 'AdminRole') });
    const partners = new cognito.UserPool(stack, 'Partners');
    identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool: partners }));
    partners.addGroup('Partners', { role: lambdaRole(stack, 'PartnerRole') });

    // WHEN
    identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.userPool(userPool, userPoolClient),
      rules: [{ claim: 'cognito:groups', claimValue: 'admins', mappedRole: identityPool.authenticatedRole }],
    });

    // THEN
    expect(warnings(stack, 'roleTrust')).toEqual([]);
  });

  test('a group in another stack, with its role, is found', () => {
    // GIVEN
    const app = new App();
    const users = new Stack(app, 'Users');
    const stack = new Stack(app, 'Stack');
    const userPool = new cognito.UserPool(users, 'UserPool');
    userPool.addGroup('Admins', { role: lambdaRole(users, 'AdminRole') });
    const identityPool = new IdentityPool(stack, 'Pool');
    const client = identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));

    // WHEN
    identityPool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPool(userPool, client), useToken: true });

    // THEN
    expect(warnings(stack, 'roleTrust')).toEqual([
      `${ATTACHMENT}: The role Users/AdminRole (role of the user pool group Users/UserPool/Admins, which the Token mapping roleMappings[0] hands out) `
      + NO_TRUST,
    ]);
  });

  test('a group of an imported user pool, named by its id, is found', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack', { env: { region: 'eu-west-1' } });
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'Users', 'eu-west-1_abcdefghi');
    const userPoolClient = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', 'clientid123');
    const identityPool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient })] },
    });
    new cognito.CfnUserPoolGroup(stack, 'Admins', { userPoolId: 'eu-west-1_abcdefghi', roleArn: lambdaRole(stack, 'AdminRole').roleArn });

    // WHEN
    identityPool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPool(userPool, userPoolClient), useToken: true });

    // THEN
    expect(warnings(stack, 'roleTrust')).toEqual([
      `${ATTACHMENT}: The role Stack/AdminRole (role of the user pool group Stack/Admins, which the Token mapping roleMappings[0] hands out) ${NO_TRUST}`,
    ]);
  });

  test('a group added after the Token mapping is found', () => {
    const { stack, userPool, identityPool, tokenMapping } = setUp();
    identityPool.addRoleMappings(tokenMapping);
    userPool.addGroup('Admins', { role: lambdaRole(stack, 'AdminRole') });
    expect(warnings(stack, 'roleTrust')).toHaveLength(1);
  });
});

describe('groups with the same precedence and different roles', () => {
  const AMBIGUOUS = 'have the same precedence (1) and different roles, so users in both get no cognito:preferred_role claim and the Token mapping '
    + 'roleMappings[0] treats their role as ambiguous: unless the client asks for one of the roles (CustomRoleArn), ';

  test('warn, naming both groups', () => {
    // GIVEN
    const { stack, userPool, identityPool } = setUp();
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1, groupName: 'admins' });

    // WHEN
    identityPool.addUserPoolGroupRole('Editors', { userPool, precedence: 1 });

    // THEN
    expect(warnings(stack, 'groupPrecedence')).toEqual([
      `${ATTACHMENT}: The user pool groups Stack/Pool/Admins/Group ("admins") and Stack/Pool/Editors/Group ${AMBIGUOUS}`
      + 'they get the default authenticated role (resolveAmbiguousRoles); give the groups different precedences (the lowest wins) [ack: cdk-identity-pool:groupPrecedence]',
    ]);
  });

  test('with resolveAmbiguousRoles, say that users get the default authenticated role', () => {
    // GIVEN
    const { stack, userPool, identityPool, tokenMapping } = setUp();
    identityPool.addRoleMappings({ ...tokenMapping, resolveAmbiguousRoles: true });

    // WHEN
    userPool.addGroup('A', { precedence: 1, role: new iam.Role(stack, 'RoleA', { assumedBy: new IdentityPoolPrincipal(identityPool) }) });
    userPool.addGroup('B', { precedence: 1, role: new iam.Role(stack, 'RoleB', { assumedBy: new IdentityPoolPrincipal(identityPool) }) });

    // THEN
    expect(warnings(stack, 'groupPrecedence')).toEqual([
      `${ATTACHMENT}: The user pool groups Stack/Users/A and Stack/Users/B ${AMBIGUOUS}they get the default authenticated role `
      + '(resolveAmbiguousRoles); give the groups different precedences (the lowest wins) [ack: cdk-identity-pool:groupPrecedence]',
    ]);
  });

  test('do not warn with different precedences, the same role, or a group without a role', () => {
    // GIVEN
    const { stack, userPool, identityPool } = setUp();
    const admins = identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });

    // WHEN
    identityPool.addUserPoolGroupRole('Editors', { userPool, precedence: 2 });
    identityPool.addUserPoolGroupRole('AlsoAdmins', { userPool, precedence: 1, role: admins.role });
    userPool.addGroup('Readers', { precedence: 1 });

    // THEN
    expect(warnings(stack, 'groupPrecedence')).toEqual([]);
  });

  test('are judged once per user pool, however many of its clients are mapped', () => {
    // GIVEN
    const { stack, userPool, identityPool } = setUp();
    identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool, userPoolClient: userPool.addClient('Mobile') }));

    // WHEN
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });
    identityPool.addUserPoolGroupRole('Editors', { userPool, precedence: 1 });

    // THEN
    expect(warnings(stack, 'groupPrecedence')).toHaveLength(1);
  });

  test('can be acknowledged on the pool', () => {
    const { stack, userPool, identityPool } = setUp();
    identityPool.addUserPoolGroupRole('Admins', { userPool, precedence: 1 });
    identityPool.addUserPoolGroupRole('Editors', { userPool, precedence: 1 });
    CoreAnnotations.of(identityPool).acknowledgeWarning('cdk-identity-pool:groupPrecedence');
    expect(warnings(stack, 'groupPrecedence')).toEqual([]);
  });
});

describe('rules on claims users can write', () => {
  const FIX = 'map a claim users cannot write (such as cognito:groups), or leave the attribute out of the client\'s writeAttributes '
    + '[ack: cdk-identity-pool:userWritableClaim]';

  function ruleOn(setup: ReturnType<typeof setUp>, claim: string): void {
    setup.identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.userPool(setup.userPool, setup.userPoolClient),
      rules: [{ claim, claimValue: 'admin', mappedRole: setup.identityPool.authenticatedRole }],
    });
  }

  test('a mutable custom attribute of a client without writeAttributes warns, naming the claim and the client', () => {
    // GIVEN
    const setup = setUp({ customAttributes: { tier: new cognito.StringAttribute({ mutable: true }) } });

    // WHEN
    ruleOn(setup, 'custom:tier');

    // THEN
    expect(warnings(setup.stack, 'userWritableClaim')).toEqual([
      `${ATTACHMENT}: roleMappings[0].rules[0] gives the role Stack/Pool/AuthenticatedRole on the claim "custom:tier", a user pool attribute that `
      + 'users of the app client Stack/Users/UserPoolAuthenticationProviderClient can write themselves (the client sets no writeAttributes, '
      + `so it may write every attribute), so any of them can change it and give themselves the role; ${FIX}`,
    ]);
  });

  test('an attribute in the client\'s writeAttributes warns', () => {
    const setup = setUp({ customAttributes: { tier: new cognito.StringAttribute({ mutable: true }) } },
      { writeAttributes: new cognito.ClientAttributes().withCustomAttributes('tier') });
    ruleOn(setup, 'custom:tier');
    expect(warnings(setup.stack, 'userWritableClaim')).toEqual([
      `${ATTACHMENT}: roleMappings[0].rules[0] gives the role Stack/Pool/AuthenticatedRole on the claim "custom:tier", a user pool attribute that `
      + 'users of the app client Stack/Users/Client can write themselves (it is in the client\'s writeAttributes), so any of them can change it '
      + `and give themselves the role; ${FIX}`,
    ]);
  });

  test('an attribute the client may not write does not warn', () => {
    const setup = setUp({ customAttributes: { tier: new cognito.StringAttribute({ mutable: true }) } },
      { writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ givenName: true }) });
    ruleOn(setup, 'custom:tier');
    expect(warnings(setup.stack, 'userWritableClaim')).toEqual([]);
  });

  test('a standard attribute, which every user pool has and which is mutable unless the schema says otherwise, warns by its claim name', () => {
    const setup = setUp({}, { writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ givenName: true }) });
    ruleOn(setup, 'given_name');
    expect(warnings(setup.stack, 'userWritableClaim')).toEqual([
      `${ATTACHMENT}: roleMappings[0].rules[0] gives the role Stack/Pool/AuthenticatedRole on the claim "given_name", a user pool attribute that `
      + 'users of the app client Stack/Users/Client can write themselves (it is in the client\'s writeAttributes), so any of them can change it '
      + `and give themselves the role; ${FIX}`,
    ]);
  });

  test('an immutable attribute does not warn while only administrators create users', () => {
    const setup = setUp({
      customAttributes: { tier: new cognito.StringAttribute() },
      standardAttributes: { email: { required: true, mutable: false } },
    });
    ruleOn(setup, 'custom:tier');
    ruleOnAnotherClient(setup, 'email');
    expect(warnings(setup.stack, 'userWritableClaim')).toEqual([]);
  });

  function ruleOnAnotherClient(setup: ReturnType<typeof setUp>, claim: string): void {
    const other = setup.userPool.addClient('Other');
    setup.identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool: setup.userPool, userPoolClient: other }));
    setup.identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.userPool(setup.userPool, other),
      rules: [{ claim, claimValue: 'admin', mappedRole: setup.identityPool.authenticatedRole }],
    });
  }

  test('an immutable attribute warns when users sign themselves up, since they choose its value then', () => {
    // GIVEN
    const setup = setUp({
      selfSignUpEnabled: true,
      customAttributes: { tier: new cognito.StringAttribute({ mutable: false }) },
      standardAttributes: { email: { required: true, mutable: false } },
    });

    // WHEN
    ruleOn(setup, 'custom:tier');
    ruleOnAnotherClient(setup, 'email');

    // THEN
    const signUp = 'and though it is immutable, self sign-up is on, so anyone can sign up with the value that gives them the role';
    expect(warnings(setup.stack, 'userWritableClaim')).toEqual([
      `${ATTACHMENT}: roleMappings[0].rules[0] gives the role Stack/Pool/AuthenticatedRole on the claim "custom:tier", a user pool attribute that `
      + 'users of the app client Stack/Users/UserPoolAuthenticationProviderClient can write themselves (the client sets no writeAttributes, so it may '
      + `write every attribute), ${signUp}; ${FIX}`,
      `${ATTACHMENT}: roleMappings[1].rules[0] gives the role Stack/Pool/AuthenticatedRole on the claim "email", a user pool attribute that `
      + `users of the app client Stack/Users/Other can write themselves (it is required, and required attributes are always writable), ${signUp}; ${FIX}`,
    ]);
  });

  test('a user pool of raw resources is read as it renders: schema without Mutable, and self sign-up by default', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const userPool = new cognito.CfnUserPool(stack, 'Users', {
      schema: [{ name: 'tier', attributeDataType: 'String', mutable: true }, { name: 'plan', attributeDataType: 'String' }],
    });
    const client = new cognito.CfnUserPoolClient(stack, 'Client', { userPoolId: userPool.ref, writeAttributes: ['custom:tier', 'custom:plan'] });
    const identityPool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: {
        userPools: [new UserPoolAuthenticationProvider({
          userPool: cognito.UserPool.fromUserPoolArn(stack, 'Imported', userPool.attrArn),
          userPoolClient: cognito.UserPoolClient.fromUserPoolClientId(stack, 'ImportedClient', client.ref),
        })],
      },
    });

    // WHEN
    identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.userPoolUrl(`${userPool.attrProviderName}:${client.ref}`),
      rules: [
        { claim: 'custom:tier', claimValue: 'gold', mappedRole: identityPool.authenticatedRole },
        { claim: 'custom:plan', claimValue: 'pro', mappedRole: identityPool.authenticatedRole },
      ],
    });

    // THEN
    const messages = warnings(stack, 'userWritableClaim');
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('rules[0] gives the role Stack/Pool/AuthenticatedRole on the claim "custom:tier", a user pool attribute that users '
      + 'of the app client Stack/Client can write themselves (it is in the client\'s writeAttributes), so any of them can change it');
    expect(messages[1]).toContain('rules[1] gives the role Stack/Pool/AuthenticatedRole on the claim "custom:plan", a user pool attribute that users '
      + 'of the app client Stack/Client can write themselves (it is in the client\'s writeAttributes), and though it is immutable, self sign-up is on');
  });

  test.each([
    ['cognito:groups', 'a group claim'],
    ['sub', 'the user id'],
    ['email_verified', 'a verification flag'],
    ['custom:unknown', 'a custom attribute the user pool does not have'],
    ['custom:secret', 'a developer-only attribute'],
  ])('%p (%s) does not warn', claim => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const userPool = new cognito.UserPool(stack, 'Users');
    (userPool.node.defaultChild as cognito.CfnUserPool).schema = [{ name: 'secret', attributeDataType: 'String', mutable: true, developerOnlyAttribute: true }];
    const identityPool = new IdentityPool(stack, 'Pool');
    const client = identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));

    // WHEN
    identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.userPool(userPool, client),
      rules: [{ claim, claimValue: 'x', mappedRole: identityPool.authenticatedRole }],
    });

    // THEN
    expect(warnings(stack, 'userWritableClaim')).toEqual([]);
  });

  test('a token claim is not judged', () => {
    const setup = setUp({ customAttributes: { tier: new cognito.StringAttribute({ mutable: true }) } });
    ruleOn(setup, Lazy.string({ produce: () => 'custom:tier' }));
    expect(warnings(setup.stack, 'userWritableClaim')).toEqual([]);
  });

  test('a schema given as a token is read as it resolves', () => {
    // GIVEN
    const setup = setUp();
    (setup.userPool.node.defaultChild as cognito.CfnUserPool).schema = Lazy.any({
      produce: () => [{ name: 'tier', attributeDataType: 'String', mutable: true }],
    });

    // WHEN
    ruleOn(setup, 'custom:tier');

    // THEN
    expect(warnings(setup.stack, 'userWritableClaim')).toHaveLength(1);
  });

  test('a client defined outside the app is not judged', () => {
    const stack = new Stack(new App(), 'Stack');
    const userPool = new cognito.UserPool(stack, 'Users');
    const userPoolClient = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', 'clientid123');
    const identityPool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient })] },
    });
    identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.userPool(userPool, userPoolClient),
      rules: [{ claim: 'given_name', claimValue: 'x', mappedRole: identityPool.authenticatedRole }],
    });
    expect(warnings(stack, 'userWritableClaim')).toEqual([]);
  });

  test('a rule on a social provider\'s claim is not judged', () => {
    const stack = new Stack(new App(), 'Stack');
    const identityPool = new IdentityPool(stack, 'Pool', { authenticationProviders: { google: { clientId: 'app.apps.googleusercontent.com' } } });
    identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.GOOGLE,
      rules: [{ claim: 'email', claimValue: 'admin@example.com', mappedRole: identityPool.authenticatedRole }],
    });
    expect(warnings(stack, 'userWritableClaim')).toEqual([]);
  });

  test('can be acknowledged on the pool', () => {
    const setup = setUp({ customAttributes: { tier: new cognito.StringAttribute({ mutable: true }) } });
    ruleOn(setup, 'custom:tier');
    CoreAnnotations.of(setup.identityPool).acknowledgeWarning('cdk-identity-pool:userWritableClaim');
    expect(warnings(setup.stack, 'userWritableClaim')).toEqual([]);
  });
});

describe('claims of every standard attribute', () => {
  const STANDARD = ['address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name', 'nickname',
    'phone_number', 'picture', 'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo'];

  test.each(STANDARD)('a rule on %s, which a client without writeAttributes may write, warns', claim => {
    const setup = setUp();
    setup.identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.userPool(setup.userPool, setup.userPoolClient),
      rules: [{ claim, claimValue: 'x', mappedRole: setup.identityPool.authenticatedRole }],
    });
    expect(warnings(setup.stack, 'userWritableClaim').map(warning => warning.match(/on the claim "([^"]+)"/)?.[1])).toEqual([claim]);
  });

  test.each(['sub', 'cognito:groups', 'email_verified', 'custom:missing'])('a rule on %s, no attribute users write, does not warn', claim => {
    const setup = setUp();
    setup.identityPool.addRoleMappings({
      providerUrl: IdentityPoolProviderUrl.userPool(setup.userPool, setup.userPoolClient),
      rules: [{ claim, claimValue: 'x', mappedRole: setup.identityPool.authenticatedRole }],
    });
    expect(warnings(setup.stack, 'userWritableClaim')).toEqual([]);
  });
});

describe('mayNameUserPool', () => {
  const url = (value: string) => ({ providerUrl: IdentityPoolProviderUrl.custom(value), useToken: true });

  test('true when some mapping names a user pool, or a token that may stand for one', () => {
    expect(mayNameUserPool([])).toBe(false);
    expect(mayNameUserPool([url('graph.facebook.com')])).toBe(false);
    expect(mayNameUserPool([url('login.cognito-idp.')])).toBe(false);
    expect(mayNameUserPool([url('graph.facebook.com'), url('cognito-idp.us-east-1.amazonaws.com/us-east-1_abc:client')])).toBe(true);
    expect(mayNameUserPool([url(Lazy.string({ produce: () => 'graph.facebook.com' }))])).toBe(true);
  });
});
