import { App, Stack, Stage } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityPool, IdentityPoolProviderUrl, UserPoolAuthenticationProvider } from '../../../src';
import { SynthRegistry } from '../../../src/private/synth/pipeline';
import { indexTree, mappedUserPool } from '../../../src/private/synth/tree-index';

/** A pool in `stack` whose Token mapping names a user pool that has a group with an untrusting role. */
function poolWithGroup(stack: Stack, id: string): { userPool: cognito.UserPool } {
  const userPool = new cognito.UserPool(stack, `${id}Users`);
  userPool.addGroup('Admins', { role: new iam.Role(stack, `${id}AdminRole`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }) });
  const pool = new IdentityPool(stack, id);
  const client = pool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));
  pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPool(userPool, client), useToken: true });
  return { userPool };
}

function roleTrustWarnings(stack: Stack): number {
  return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-identity-pool:roleTrust')).length;
}

/** How many times synthesizing an app of `pools` pools walks the whole tree, by the library's count and by `findAll`. */
function treeWalks(pools: number): { readonly walks: number; readonly findAll: number } {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  for (let index = 0; index < pools; index++) {
    poolWithGroup(stack, `Pool${index}`);
  }
  const findAll = jest.spyOn(app.node, 'findAll');
  app.synth();
  const walks = SynthRegistry.of(app).walks;
  const findAllCalls = findAll.mock.calls.length;
  expect(roleTrustWarnings(stack)).toBe(pools);
  return { walks, findAll: findAllCalls };
}

describe('the user pool index', () => {
  test('walks the tree once per synthesis, however many pools check Token mappings', () => {
    const one = treeWalks(1);
    const six = treeWalks(6);
    expect(one.walks).toBe(1);
    expect(six.walks).toBe(1);
    // and no rule walks it again with findAll
    expect(six.findAll).toBe(one.findAll);
  });

  test('is built afresh for each synthesis, so a group added in between is seen', () => {
    // GIVEN
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const { userPool } = poolWithGroup(stack, 'Pool');
    expect(roleTrustWarnings(stack)).toBe(1);

    // WHEN
    userPool.addGroup('Editors', { role: new iam.Role(stack, 'EditorRole', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }) });
    const assembly = app.synth({ force: true });

    // THEN
    const messages = assembly.getStackByName('Stack').messages.filter(message => String(message.entry.data).includes('roleTrust'));
    expect(messages).toHaveLength(2);
  });

  test('works for a pool in a nested stage', () => {
    const stage = new Stage(new App(), 'Stage');
    const stack = new Stack(stage, 'Stack');
    poolWithGroup(stack, 'Pool');
    Template.fromStack(stack);
    expect(roleTrustWarnings(stack)).toBe(1);
  });

  test('indexes user pools, clients, groups and roles by the strings that name them', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Stack');
    const userPool = new cognito.UserPool(stack, 'Users');
    const client = userPool.addClient('Client');
    const group = userPool.addGroup('Admins', {});
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });

    // WHEN
    const index = indexTree(stack.node.root);

    // THEN
    expect(index.userPools.get(userPool.userPoolId)).toBe(userPool.node.defaultChild);
    expect(index.userPoolsByProviderName.get(userPool.userPoolProviderName)).toBe(userPool.node.defaultChild);
    expect(index.clients.get(client.userPoolClientId)).toBe(client.node.defaultChild);
    expect(index.groupsByUserPoolId.get(userPool.userPoolId)).toEqual([group.node.defaultChild]);
    expect(index.rolesByArn.get(role.roleArn)).toBe(role);
  });
});

describe('the user pool a provider URL names', () => {
  const stack = new Stack(new App(), 'Stack');
  const index = indexTree(stack.node.root);

  test('a concrete user pool URL names its user pool id', () => {
    expect(mappedUserPool('cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:clientid123', index))
      .toEqual({ userPoolId: 'us-east-1_abcdefghi', client: undefined, userPool: undefined });
  });

  test.each([
    'graph.facebook.com',
    'arn:aws:iam::123456789012:saml-provider/corp',
    'my-custom-provider.example.com',
  ])('%p names no user pool', url => {
    expect(mappedUserPool(url, index)).toBeUndefined();
  });
});

describe('indexTree', () => {
  test('lists the permission policy L1s only, and leaves out what is in a nested stage', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
    new iam.ManagedPolicy(stack, 'Managed', { statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] });
    new IdentityPool(stack, 'Pool');
    const nested = new Stack(new Stage(app, 'Prod'), 'Stack');
    new IdentityPool(nested, 'Pool');
    new iam.ManagedPolicy(nested, 'Managed', { statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] })] });
    const index = indexTree(app);
    expect(index.policies.map(policy => policy.node.path)).toEqual(['Stack/Role/DefaultPolicy/Resource', 'Stack/Managed/Resource']);
    expect(index.pools.map(pool => pool.node.path)).toEqual(['Stack/Pool']);
    expect(index.attachments.map(attachment => attachment.node.path)).toEqual(['Stack/Pool/DefaultRoleAttachment']);
  });
});

describe('mappedUserPool, by the URL alone', () => {
  const EMPTY = {
    userPools: new Map(), userPoolsByProviderName: new Map(), clients: new Map(), groupsByUserPoolId: new Map(), rolesByArn: new Map(),
  };
  const NAME = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abc';

  test('a URL is split at its last colon into provider name and client id, the user pool id from the name\'s tail', () => {
    expect(mappedUserPool(`${NAME}:client`, EMPTY)).toEqual({ userPoolId: 'us-east-1_abc', client: undefined, userPool: undefined });
  });

  test('a configured provider whose parts hold a colon is matched whole, before any split', () => {
    const providers = [{ providerName: NAME, clientId: 'a:b' }];
    expect(mappedUserPool(`${NAME}:a:b`, EMPTY, providers)?.userPoolId).toEqual('us-east-1_abc');
    expect(mappedUserPool(`${NAME}:a:b`, EMPTY)?.userPoolId).toEqual('us-east-1_abc:a');
  });

  test('no user pool: no colon, a name that is not a user pool\'s, no user pool id after the slash, or a token one', () => {
    expect(mappedUserPool(NAME, EMPTY)).toBeUndefined();
    expect(mappedUserPool('graph.facebook.com:client', EMPTY)).toBeUndefined();
    expect(mappedUserPool('cognito-idp.example:client', EMPTY)).toEqual({ userPoolId: undefined, client: undefined, userPool: undefined });
    expect(mappedUserPool('cognito-idp.us-east-1.amazonaws.com/:client', EMPTY)?.userPoolId).toBeUndefined();
    const token = new cognito.UserPool(new Stack(new App(), 'S'), 'U').userPoolId;
    expect(mappedUserPool(`cognito-idp.us-east-1.amazonaws.com/${token}:client`, EMPTY)?.userPoolId).toBeUndefined();
  });
});
