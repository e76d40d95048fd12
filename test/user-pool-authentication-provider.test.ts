import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type {
  IIdentityPool,
  IUserPoolAuthenticationProvider,
  UserPoolAuthenticationProviderBindConfig,
} from '../src';
import {
  IdentityPool,
  UserPoolAuthenticationProvider,
} from '../src';

function newStack(env?: { account?: string; region?: string }): Stack {
  return new Stack(new App(), 'Stack', { env });
}

/** A user pool provider name as imported user pools render it: the URL suffix stays a pseudo parameter. */
function providerNameIn(region: string, userPoolId: string): object {
  return { 'Fn::Join': ['', [`cognito-idp.${region}.`, { Ref: 'AWS::URLSuffix' }, `/${userPoolId}`]] };
}

function logicalId(stack: Stack, construct: Construct): string {
  return stack.getLogicalId(construct.node.defaultChild as cognito.CfnUserPool);
}

describe('UserPoolAuthenticationProvider', () => {
  test('seed example: a user pool in props renders one CognitoIdentityProviders entry', () => {
    // GIVEN
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Pool');

    // WHEN
    new IdentityPool(stack, 'myidentitypool', {
      identityPoolName: 'myidentitypool',
      authenticationProviders: {
        userPools: [new UserPoolAuthenticationProvider({ userPool })],
      },
    });

    // THEN
    const template = Template.fromStack(stack);
    const client = userPool.node.findChild('UserPoolAuthenticationProviderClient');
    template.hasResourceProperties('AWS::Cognito::IdentityPool', {
      IdentityPoolName: 'myidentitypool',
      CognitoIdentityProviders: [{
        ProviderName: { 'Fn::GetAtt': [logicalId(stack, userPool), 'ProviderName'] },
        ClientId: { Ref: stack.getLogicalId(client.node.defaultChild as cognito.CfnUserPoolClient) },
        ServerSideTokenCheck: true,
      }],
    });
  });

  test('the default client is safe: no OAuth flows, no callback URL, no secret, no user existence errors', () => {
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Pool');
    new IdentityPool(stack, 'IdentityPool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })] },
    });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 1);
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      UserPoolId: { Ref: logicalId(stack, userPool) },
      AllowedOAuthFlowsUserPoolClient: false,
      AllowedOAuthFlows: Match.absent(),
      AllowedOAuthScopes: Match.absent(),
      CallbackURLs: Match.absent(),
      GenerateSecret: Match.absent(),
      PreventUserExistenceErrors: 'ENABLED',
    });
  });

  test('the default client keeps its construct id on the user pool (logical ids are API)', () => {
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Pool');
    const identityPool = new IdentityPool(stack, 'IdentityPool');
    const client = identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));
    expect(client.node.path).toBe('Stack/Pool/UserPoolAuthenticationProviderClient');
  });

  test('seed example: addUserPoolAuthentication returns the client it created', () => {
    // GIVEN
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'IdentityPool');
    const userPool = new cognito.UserPool(stack, 'Pool');

    // WHEN
    const userPoolClient = identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));

    // THEN
    expect(userPoolClient).toBe(userPool.node.findChild('UserPoolAuthenticationProviderClient'));
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      CognitoIdentityProviders: [{
        ProviderName: { 'Fn::GetAtt': [logicalId(stack, userPool), 'ProviderName'] },
        ClientId: { Ref: stack.getLogicalId(userPoolClient.node.defaultChild as cognito.CfnUserPoolClient) },
        ServerSideTokenCheck: true,
      }],
    });
  });

  test('addUserPoolAuthentication returns the client that was given', () => {
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'IdentityPool');
    const userPool = new cognito.UserPool(stack, 'Pool');
    const given = userPool.addClient('WebClient');
    const returned = identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool, userPoolClient: given }));
    expect(returned).toBe(given);
    expect(userPool.node.tryFindChild('UserPoolAuthenticationProviderClient')).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::UserPoolClient', 1);
  });

  test('seed example: disableServerSideTokenCheck turns the check off', () => {
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'IdentityPool');
    const userPool = new cognito.UserPool(stack, 'Pool');
    identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({
      userPool,
      disableServerSideTokenCheck: true,
    }));
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      CognitoIdentityProviders: [Match.objectLike({ ServerSideTokenCheck: false })],
    });
  });

  test('providers from props come first, then each addUserPoolAuthentication, in order', () => {
    const stack = newStack();
    const pools = ['A', 'B', 'C', 'D'].map(id => new cognito.UserPool(stack, id));
    const identityPool = new IdentityPool(stack, 'IdentityPool', {
      authenticationProviders: {
        userPools: [
          new UserPoolAuthenticationProvider({ userPool: pools[0] }),
          new UserPoolAuthenticationProvider({ userPool: pools[1] }),
        ],
      },
    });
    identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool: pools[2] }));
    identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool: pools[3], disableServerSideTokenCheck: true }));

    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Cognito::IdentityPool', {
      CognitoIdentityProviders: pools.map((pool, i) => ({
        ProviderName: { 'Fn::GetAtt': [logicalId(stack, pool), 'ProviderName'] },
        ClientId: { Ref: stack.getLogicalId(pool.node.findChild('UserPoolAuthenticationProviderClient').node.defaultChild as cognito.CfnUserPoolClient) },
        ServerSideTokenCheck: i !== 3,
      })),
    });
  });

  test('two providers on one user pool without clients share the one default client', () => {
    // GIVEN
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Pool');
    const first = new IdentityPool(stack, 'First');
    const second = new IdentityPool(stack, 'Second');

    // WHEN
    const firstClient = first.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));
    const secondClient = second.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));

    // THEN
    expect(secondClient).toBe(firstClient);
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::UserPoolClient', 1);
  });

  test('one provider bound to two identity pools creates one client', () => {
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Pool');
    const provider = new UserPoolAuthenticationProvider({ userPool });
    const a = new IdentityPool(stack, 'A').addUserPoolAuthentication(provider);
    const b = new IdentityPool(stack, 'B').addUserPoolAuthentication(provider);
    expect(a).toBe(b);
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::UserPoolClient', 1);
  });

  test('the same user pool and client twice on one identity pool is an error', () => {
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Pool');
    const identityPool = new IdentityPool(stack, 'IdentityPool');
    identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));
    expect(() => identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool })))
      .toThrow(/^Stack\/IdentityPool: authenticationProviders\.userPools must name each user pool and client once \(received: ".+"\)$/);
  });

  test('one client id on two user pools is two providers, not a duplicate', () => {
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'IdentityPool');
    for (const [id, userPoolId] of [['First', 'us-east-1_abcdefghi'], ['Second', 'us-east-1_jklmnopqr']]) {
      identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({
        userPool: cognito.UserPool.fromUserPoolId(stack, id, userPoolId),
        userPoolClient: cognito.UserPoolClient.fromUserPoolClientId(stack, `${id}Client`, 'sameclientid'),
      }));
    }
    const providers = Template.fromStack(stack).findResources('AWS::Cognito::IdentityPool');
    expect(Object.values<any>(providers)[0].Properties.CognitoIdentityProviders).toHaveLength(2);
  });

  test('bind options that are not an object fail, named', () => {
    const stack = newStack();
    const identityPool = new IdentityPool(stack, 'IdentityPool');
    const provider = new UserPoolAuthenticationProvider({ userPool: new cognito.UserPool(stack, 'Pool') });
    expect(() => provider.bind(stack, identityPool, 'options' as any)).toThrow(/^Stack: bind options must be /);
  });

  test('addUserPoolAuthentication throws from the call, so the stack trace shows the line that added the provider', () => {
    // GIVEN
    const stack = newStack();
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'Pool', 'us-east-1_abcdefghi');
    const identityPool = new IdentityPool(stack, 'IdentityPool');

    // WHEN
    let thrown: Error | undefined;
    try {
      identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({
        userPool,
        userPoolClient: cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', 'not-a-client-id!'),
      }));
    } catch (error) {
      thrown = error as Error;
    }

    // THEN
    expect(thrown?.message).toBe('Stack/IdentityPool: authenticationProviders.userPools.clientId must match [\\w_]+ (received: "not-a-client-id!")');
    expect(thrown?.stack).toContain(__filename);
  });

  test('the same user pool with two clients is two providers', () => {
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Pool');
    const identityPool = new IdentityPool(stack, 'IdentityPool');
    identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool, userPoolClient: userPool.addClient('Web') }));
    identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool, userPoolClient: userPool.addClient('Mobile') }));
    const providers = Template.fromStack(stack).findResources('AWS::Cognito::IdentityPool');
    expect(Object.values(providers)[0].Properties.CognitoIdentityProviders).toHaveLength(2);
  });

  test('a non-client child named UserPoolAuthenticationProviderClient asks for an explicit client', () => {
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Pool');
    new Construct(userPool, 'UserPoolAuthenticationProviderClient');
    const identityPool = new IdentityPool(stack, 'IdentityPool');
    expect(() => identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool })))
      .toThrow('Stack/Pool: userPoolClient is required when the user pool already has a child named UserPoolAuthenticationProviderClient that is not a UserPoolClient (received: "Stack/Pool/UserPoolAuthenticationProviderClient")');
  });

  test('an imported user pool and client in the same region', () => {
    const stack = newStack({ account: '123456789012', region: 'us-east-1' });
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'Pool', 'us-east-1_abcdefghi');
    const userPoolClient = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', 'clientid123');
    const identityPool = new IdentityPool(stack, 'IdentityPool');
    const returned = identityPool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool, userPoolClient }));
    expect(returned).toBe(userPoolClient);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 0);
    template.hasResourceProperties('AWS::Cognito::IdentityPool', {
      CognitoIdentityProviders: [{
        ProviderName: providerNameIn('us-east-1', 'us-east-1_abcdefghi'),
        ClientId: 'clientid123',
        ServerSideTokenCheck: true,
      }],
    });
  });

  test('an imported user pool from another region is named by its own region', () => {
    // GIVEN an identity pool in eu-west-1 and a user pool in us-east-1
    const stack = newStack({ account: '123456789012', region: 'eu-west-1' });
    const userPool = cognito.UserPool.fromUserPoolArn(stack, 'Pool', 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abcdefghi');
    const userPoolClient = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', 'clientid123');

    // WHEN
    new IdentityPool(stack, 'IdentityPool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient })] },
    });

    // THEN the provider name carries us-east-1, not the stack's region
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      CognitoIdentityProviders: [Match.objectLike({
        ProviderName: providerNameIn('us-east-1', 'us-east-1_abcdefghi'),
      })],
    });
  });

  test('an imported user pool without a client gets the default client created on it', () => {
    const stack = newStack({ account: '123456789012', region: 'us-east-1' });
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'Pool', 'us-east-1_abcdefghi');
    const client = new IdentityPool(stack, 'IdentityPool').addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool }));
    expect(client.node.path).toBe('Stack/Pool/UserPoolAuthenticationProviderClient');
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPoolClient', {
      UserPoolId: 'us-east-1_abcdefghi',
      AllowedOAuthFlowsUserPoolClient: false,
    });
  });

  test('a custom IUserPoolAuthenticationProvider is bound with the identity pool', () => {
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Pool');
    const client = userPool.addClient('Client');
    const seen: IIdentityPool[] = [];
    const custom: IUserPoolAuthenticationProvider = {
      bind(_scope, identityPool): UserPoolAuthenticationProviderBindConfig {
        seen.push(identityPool);
        return { providerName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_custom', clientId: 'custom', serverSideTokenCheck: false, userPoolClient: client };
      },
    };
    const identityPool = new IdentityPool(stack, 'IdentityPool');
    expect(identityPool.addUserPoolAuthentication(custom)).toBe(client);
    expect(seen).toEqual([identityPool]);
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      CognitoIdentityProviders: [{
        ProviderName: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_custom',
        ClientId: 'custom',
        ServerSideTokenCheck: false,
      }],
    });
  });
});
