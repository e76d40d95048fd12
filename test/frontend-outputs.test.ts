import { App, CfnParameter, Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityPool, IdentityPoolFrontendOutputs, UserPoolAuthenticationProvider } from '../src';

function newStack(region?: string): Stack {
  return new Stack(new App(), 'Stack', region ? { env: { region, account: '123456789012' } } : undefined);
}

function ref(stack: Stack, construct: { node: { defaultChild?: unknown } }): { Ref: string } {
  return { Ref: stack.getLogicalId(construct.node.defaultChild as cognito.CfnUserPool) };
}

function outputs(stack: Stack): Record<string, any> {
  return Template.fromStack(stack).toJSON().Outputs ?? {};
}

/**
 * Parses a JSON output that CloudFormation assembles with `Fn::Join`: each intrinsic becomes
 * the string `<Ref X>`, `<GetAtt X.Y>` or `<intrinsic>`.
 */
function parseJoined(value: any): any {
  if (typeof value === 'string') {
    return JSON.parse(value);
  }
  const [separator, parts] = value['Fn::Join'];
  const text = parts.map((part: any) => {
    if (typeof part === 'string') {
      return part;
    }
    if (part.Ref) {
      return `<Ref ${part.Ref}>`;
    }
    if (part['Fn::GetAtt']) {
      return `<GetAtt ${part['Fn::GetAtt'].join('.')}>`;
    }
    return '<intrinsic>';
  }).join(separator);
  return JSON.parse(text);
}

describe('the front end outputs', () => {
  test('publish the pool\'s id, region and guest access, and each user pool provider\'s ids and logins key', () => {
    // GIVEN
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const identityPool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })] },
    });
    const client = userPool.node.findChild('UserPoolAuthenticationProviderClient') as cognito.UserPoolClient;

    // WHEN
    const frontend = identityPool.addFrontendOutputs();

    // THEN
    expect(frontend).toBeInstanceOf(IdentityPoolFrontendOutputs);
    expect(frontend.node.path).toBe('Stack/Pool/FrontendOutputs');
    expect(frontend.outputPrefix).toBe('');
    const published = outputs(stack);
    expect(Object.keys(published)).toEqual([
      'IdentityPoolId', 'IdentityPoolRegion', 'IdentityPoolAllowGuestAccess',
      'UserPool1Id', 'UserPool1ClientId', 'UserPool1LoginsKey', 'AmplifyConfiguration',
    ]);
    expect(published.IdentityPoolId).toEqual({ Description: 'The identity pool id', Value: ref(stack, identityPool) });
    expect(published.IdentityPoolRegion).toEqual({ Description: 'The identity pool\'s region', Value: { Ref: 'AWS::Region' } });
    expect(published.IdentityPoolAllowGuestAccess).toEqual({ Description: 'Whether guests get credentials (true or false)', Value: 'false' });
    expect(published.UserPool1Id).toEqual({ Description: 'The user pool id of user pool provider 1', Value: ref(stack, userPool) });
    expect(published.UserPool1ClientId).toEqual({ Description: 'The app client id of user pool provider 1', Value: ref(stack, client) });
    expect(published.UserPool1LoginsKey).toEqual({
      Description: 'The logins map key of user pool provider 1\'s ID tokens',
      Value: { 'Fn::GetAtt': [ref(stack, userPool).Ref, 'ProviderName'] },
    });
    expect(published.AmplifyConfiguration.Description).toBe('The configuration of Amplify JS v6 (Amplify.configure)');
  });

  test('the Amplify configuration has the shape Amplify.configure reads', () => {
    // GIVEN
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const identityPool = new IdentityPool(stack, 'Pool', {
      allowUnauthenticatedIdentities: true,
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })] },
    });
    const client = userPool.node.findChild('UserPoolAuthenticationProviderClient') as cognito.UserPoolClient;

    // WHEN
    const frontend = identityPool.addFrontendOutputs();

    // THEN
    const published = outputs(stack);
    const configuration = parseJoined(published.AmplifyConfiguration.Value);
    expect(configuration).toEqual({
      Auth: {
        Cognito: {
          identityPoolId: `<Ref ${ref(stack, identityPool).Ref}>`,
          userPoolId: `<Ref ${ref(stack, userPool).Ref}>`,
          userPoolClientId: `<Ref ${ref(stack, client).Ref}>`,
          allowGuestAccess: true,
        },
      },
    });
    expect(Object.keys(configuration.Auth.Cognito)).toEqual(['identityPoolId', 'userPoolId', 'userPoolClientId', 'allowGuestAccess']);
    expect(published.IdentityPoolAllowGuestAccess.Value).toBe('true');
    expect(stack.resolve(frontend.amplifyConfiguration)).toEqual(published.AmplifyConfiguration.Value);
  });

  test('concrete values stay concrete: a stack with a region, an imported user pool and client', () => {
    // GIVEN
    const stack = newStack('eu-west-1');
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'Users', 'eu-west-1_abcdefghi');
    const userPoolClient = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', 'clientid123');
    const identityPool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient })] },
    });

    // WHEN
    identityPool.addFrontendOutputs();

    // THEN
    const published = outputs(stack);
    expect(published.IdentityPoolRegion.Value).toBe('eu-west-1');
    expect(published.UserPool1Id.Value).toBe('eu-west-1_abcdefghi');
    expect(published.UserPool1ClientId.Value).toBe('clientid123');
    expect(published.UserPool1LoginsKey.Value).toEqual({ 'Fn::Join': ['', ['cognito-idp.eu-west-1.', { Ref: 'AWS::URLSuffix' }, '/eu-west-1_abcdefghi']] });
    expect(parseJoined(published.AmplifyConfiguration.Value).Auth.Cognito).toEqual({
      identityPoolId: `<Ref ${ref(stack, identityPool).Ref}>`,
      userPoolId: 'eu-west-1_abcdefghi',
      userPoolClientId: 'clientid123',
      allowGuestAccess: false,
    });
  });

  test('a user pool id known only at deploy time, of a client outside the app, is cut from the provider name', () => {
    const stack = newStack();
    const userPool = cognito.UserPool.fromUserPoolArn(stack, 'Users', Lazy.string({ produce: () => 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_x' }));
    const userPoolClient = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', 'clientid123');
    const identityPool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient })] },
    });
    identityPool.addFrontendOutputs();
    const loginsKey = outputs(stack).UserPool1LoginsKey.Value;
    expect(outputs(stack).UserPool1Id.Value).toEqual({ 'Fn::Select': [1, { 'Fn::Split': ['/', loginsKey] }] });
  });

  test('a provider name with tokens that ends in / is cut at deploy time too', () => {
    const stack = newStack();
    const userPoolClient = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', 'clientid123');
    const providerName = `${Lazy.string({ produce: () => 'cognito-idp.eu-west-1.amazonaws.com' })}/`;
    const identityPool = new IdentityPool(stack, 'Pool');
    identityPool.addUserPoolAuthentication({ bind: () => ({ providerName, clientId: 'clientid123', serverSideTokenCheck: true, userPoolClient }) });
    identityPool.addFrontendOutputs();
    expect(outputs(stack).UserPool1Id.Value).toEqual({ 'Fn::Select': [1, { 'Fn::Split': ['/', 'cognito-idp.eu-west-1.amazonaws.com/'] }] });
  });

  test('without user pool providers, the Amplify configuration names only the identity pool', () => {
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'Pool');
    identityPool.addFrontendOutputs();
    const published = outputs(stack);
    expect(Object.keys(published)).toEqual(['IdentityPoolId', 'IdentityPoolRegion', 'IdentityPoolAllowGuestAccess', 'AmplifyConfiguration']);
    expect(parseJoined(published.AmplifyConfiguration.Value)).toEqual({
      Auth: { Cognito: { identityPoolId: `<Ref ${ref(stack, identityPool).Ref}>`, allowGuestAccess: false } },
    });
  });

  test('guest access set through the L1 escape hatch is what is published', () => {
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'Pool');
    identityPool.addFrontendOutputs();
    (identityPool.node.defaultChild as cognito.CfnIdentityPool).allowUnauthenticatedIdentities = true;
    expect(outputs(stack).IdentityPoolAllowGuestAccess.Value).toBe('true');
    expect(parseJoined(outputs(stack).AmplifyConfiguration.Value).Auth.Cognito.allowGuestAccess).toBe(true);
  });

  test('guest access set to any resolvable value through the escape hatch is published as what it resolves to', () => {
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'Pool');
    identityPool.addFrontendOutputs();
    (identityPool.node.defaultChild as cognito.CfnIdentityPool).allowUnauthenticatedIdentities = { resolve: () => true, creationStack: [] } as any;
    expect(outputs(stack).IdentityPoolAllowGuestAccess.Value).toBe(true);
  });

  test('guest access known only at deploy time (a parameter set through the escape hatch) is published as that value', () => {
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'Pool');
    identityPool.addFrontendOutputs();
    const guests = new CfnParameter(stack, 'Guests', { type: 'String', allowedValues: ['true', 'false'] });
    (identityPool.node.defaultChild as cognito.CfnIdentityPool).allowUnauthenticatedIdentities = guests.value;
    expect(outputs(stack).IdentityPoolAllowGuestAccess.Value).toEqual({ Ref: 'Guests' });
  });
});

describe('several user pools', () => {
  function twoUserPools() {
    const stack = newStack();
    const staff = new cognito.UserPool(stack, 'Staff');
    const customers = new cognito.UserPool(stack, 'Customers');
    const staffClient = staff.addClient('Web');
    const customersClient = customers.addClient('Web');
    const identityPool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: {
        userPools: [
          new UserPoolAuthenticationProvider({ userPool: staff, userPoolClient: staffClient }),
          new UserPoolAuthenticationProvider({ userPool: customers, userPoolClient: customersClient }),
        ],
      },
    });
    return { stack, staff, customers, staffClient, customersClient, identityPool };
  }

  test('each gets its numbered outputs, and Amplify names the first', () => {
    // GIVEN
    const { stack, staff, customers, staffClient, customersClient, identityPool } = twoUserPools();

    // WHEN
    identityPool.addFrontendOutputs();

    // THEN
    const published = outputs(stack);
    expect(published.UserPool1Id.Value).toEqual(ref(stack, staff));
    expect(published.UserPool1ClientId.Value).toEqual(ref(stack, staffClient));
    expect(published.UserPool2Id.Value).toEqual(ref(stack, customers));
    expect(published.UserPool2ClientId.Value).toEqual(ref(stack, customersClient));
    expect(published.UserPool2LoginsKey.Value).toEqual({ 'Fn::GetAtt': [ref(stack, customers).Ref, 'ProviderName'] });
    expect(parseJoined(published.AmplifyConfiguration.Value).Auth.Cognito.userPoolId).toBe(`<Ref ${ref(stack, staff).Ref}>`);
  });

  test('amplifyUserPoolClient chooses the user pool Amplify signs in to', () => {
    const { stack, customers, customersClient, identityPool } = twoUserPools();
    identityPool.addFrontendOutputs({ amplifyUserPoolClient: customersClient });
    const cognitoConfiguration = parseJoined(outputs(stack).AmplifyConfiguration.Value).Auth.Cognito;
    expect(cognitoConfiguration.userPoolId).toBe(`<Ref ${ref(stack, customers).Ref}>`);
    expect(cognitoConfiguration.userPoolClientId).toBe(`<Ref ${ref(stack, customersClient).Ref}>`);
  });

  test('an amplifyUserPoolClient that no provider of the pool uses fails synthesis', () => {
    const { stack, staff, identityPool } = twoUserPools();
    const other = staff.addClient('Other');
    identityPool.addFrontendOutputs({ amplifyUserPoolClient: other });
    expect(() => Template.fromStack(stack)).toThrow('[Stack/Pool/FrontendOutputs] amplifyUserPoolClient must be the app client of one of the user '
      + 'pool providers of Stack/Pool (received: "Stack/Staff/Other")');
  });

  test('a provider added after the outputs gets its outputs too, and Amplify names it when it is the first', () => {
    // GIVEN
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'Pool');
    identityPool.addFrontendOutputs();
    const userPool = new cognito.UserPool(stack, 'Users');

    // WHEN
    const client = identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));

    // THEN
    const published = outputs(stack);
    expect(published.UserPool1ClientId.Value).toEqual(ref(stack, client));
    expect(parseJoined(published.AmplifyConfiguration.Value).Auth.Cognito.userPoolClientId).toBe(`<Ref ${ref(stack, client).Ref}>`);
  });
});

describe('output ids', () => {
  test('outputPrefix sets a pool\'s outputs apart', () => {
    // GIVEN
    const stack = newStack();
    const staff = new IdentityPool(stack, 'Staff');
    const customers = new IdentityPool(stack, 'Customers');

    // WHEN
    staff.addFrontendOutputs({ outputPrefix: 'Staff' });
    customers.addFrontendOutputs();

    // THEN
    expect(Object.keys(outputs(stack))).toEqual([
      'StaffIdentityPoolId', 'StaffIdentityPoolRegion', 'StaffIdentityPoolAllowGuestAccess', 'StaffAmplifyConfiguration',
      'IdentityPoolId', 'IdentityPoolRegion', 'IdentityPoolAllowGuestAccess', 'AmplifyConfiguration',
    ]);
  });

  test('two pools publishing the same ids in one stack fail, naming the first', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Staff').addFrontendOutputs();
    expect(() => new IdentityPool(stack, 'Customers').addFrontendOutputs()).toThrow('Stack/Customers/FrontendOutputs: outputPrefix must set the '
      + 'outputs of this identity pool apart from those of Stack/Staff/FrontendOutputs, which already publishes the output IdentityPoolId: output ids '
      + 'are unique in a stack (received: "")');
  });

  test('the same ids in two stacks are fine', () => {
    const app = new App();
    const one = new Stack(app, 'One');
    const two = new Stack(app, 'Two');
    new IdentityPool(one, 'Pool').addFrontendOutputs();
    new IdentityPool(two, 'Pool').addFrontendOutputs();
    expect(Object.keys(outputs(two))).toContain('IdentityPoolId');
  });

  test.each(['my-pool', 'a'.repeat(201)])('outputPrefix %p fails', outputPrefix => {
    const identityPool = new IdentityPool(newStack(), 'Pool');
    expect(() => identityPool.addFrontendOutputs({ outputPrefix })).toThrow('Stack/Pool/FrontendOutputs: outputPrefix must be a plain string of at '
      + `most 200 letters and digits, since output ids are (received: "${outputPrefix}")`);
  });

  test('an identity pool is required', () => {
    expect(() => new IdentityPoolFrontendOutputs(newStack(), 'Outputs', {} as any))
      .toThrow(/^Stack\/Outputs: identityPool is required: give an identity pool \(IIdentityPool\) \(received: undefined\)$/);
  });

  test('a token outputPrefix fails', () => {
    const identityPool = new IdentityPool(newStack(), 'Pool');
    expect(() => identityPool.addFrontendOutputs({ outputPrefix: Lazy.string({ produce: () => 'Staff' }) }))
      .toThrow(/^Stack\/Pool\/FrontendOutputs: outputPrefix must be a plain string of at most 200 letters and digits, since output ids are \(received: "\$\{Token\[/);
  });

  test('a pool publishes its outputs once', () => {
    const identityPool = new IdentityPool(newStack(), 'Pool');
    identityPool.addFrontendOutputs();
    expect(() => identityPool.addFrontendOutputs({ outputPrefix: 'Again' })).toThrow('Stack/Pool: addFrontendOutputs can be called once per identity '
      + 'pool: its outputs are published already (received: "Again")');
  });
});

describe('group role outputs', () => {
  test('publish each group role by group name on request, those added later included', () => {
    const stack = new Stack(new App(), 'Stack');
    const userPool = new cognito.UserPool(stack, 'Users');
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })] } });
    const admins = pool.addUserPoolGroupRole('Admins', { userPool, groupName: 'admins', precedence: 1 });
    pool.addFrontendOutputs({ includeGroupRoles: true });
    const editors = pool.addUserPoolGroupRole('Editors', { userPool, groupName: 'editors', precedence: 2 });
    const template = Template.fromStack(stack);
    const groupRoles = template.findOutputs('GroupRoles');
    expect(Object.keys(groupRoles)).toEqual(['GroupRoles']);
    const resolved = stack.resolve(JSON.parse(JSON.stringify(groupRoles.GroupRoles.Value)));
    const roleArn = (role: iam.IRole) => ({ 'Fn::GetAtt': [stack.getLogicalId(role.node.defaultChild as iam.CfnRole), 'Arn'] });
    const groupRef = (group: cognito.IUserPoolGroup) => ({ Ref: stack.getLogicalId(group.node.defaultChild as cognito.CfnUserPoolGroup) });
    expect(resolved).toEqual({
      'Fn::Join': ['', [
        '[{"groupName":"', groupRef(admins.group), '","roleArn":"', roleArn(admins.role),
        '"},{"groupName":"', groupRef(editors.group), '","roleArn":"', roleArn(editors.role), '"}]',
      ]],
    });
    expect(groupRoles.GroupRoles.Description).toBe('The roles of the user pool groups, by group name (for CustomRoleArn)');
  });

  test('are left out by default', () => {
    const stack = new Stack(new App(), 'Stack');
    new IdentityPool(stack, 'Pool').addFrontendOutputs();
    expect(Template.fromStack(stack).findOutputs('GroupRoles')).toEqual({});
  });
});
