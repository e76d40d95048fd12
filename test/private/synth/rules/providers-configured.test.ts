import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IdentityPool, IdentityPoolProviderUrl, UserPoolAuthenticationProvider } from '../../../../src';
import { LAYOUTS, pathIn, synthApp } from '../layouts';

const RULE = 'must name an identity provider the pool is configured with';

describe.each(LAYOUTS)('mappings name configured providers, $name', layout => {
  test('a concrete user pool URL the pool lacks fails at synthesis, on the attachment', () => {
    const stack = layout.stack();
    new IdentityPool(stack, 'Pool', {
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.userPoolUrl('cognito-idp.us-east-1.amazonaws.com/us-east-1_abc:client'), useToken: true }],
    });
    const message = `[${pathIn(stack, 'Pool/DefaultRoleAttachment')}] roleMappings[0].providerUrl ${RULE} (configured: none), or Cognito rejects it `
      + 'as "not a configured provider"; add the provider to authenticationProviders (received: "cognito-idp.us-east-1.amazonaws.com/us-east-1_abc:client")';
    expect(() => Template.fromStack(stack)).toThrow(message);
    expect(() => synthApp(stack)).toThrow(message);
  });

  test('a user pool and client of the app that are no provider fail, with props and with addRoleMappings', () => {
    const stack = layout.stack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const pool = new IdentityPool(stack, 'Pool', { authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })] } });
    pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPool(userPool, userPool.addClient('Other')), useToken: true });
    expect(() => Template.fromStack(stack)).toThrow(`[${pathIn(stack, 'Pool/DefaultRoleAttachment')}] roleMappings[0].providerUrl ${RULE} `
      + `(configured: the user pool and app client ${pathIn(stack, 'Users/UserPoolAuthenticationProviderClient')}), or Cognito rejects it as `
      + '"not a configured provider"; add the provider to authenticationProviders '
      + `(received: "the user pool and app client ${pathIn(stack, 'Users/Other')}")`);
  });

  test('a mapping that names a configured client through another construct of its user pool passes', () => {
    const stack = layout.stack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const client = userPool.addClient('Client');
    const sameById = cognito.UserPool.fromUserPoolId(stack, 'SameById', userPool.userPoolId);
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient: client })] },
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.userPool(sameById, client), useToken: true }],
    });
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 1);
  });

  test('a client of the app is not judged when a provider\'s client is not defined in the app', () => {
    const stack = layout.stack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const imported = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Imported', 'client1');
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient: imported })] },
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.userPool(userPool, userPool.addClient('Web')), useToken: true }],
    });
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 1);
  });

  test('a user pool provider added after the mapping passes', () => {
    const stack = layout.stack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const client = userPool.addClient('Client');
    const pool = new IdentityPool(stack, 'Pool', { roleMappings: [{ providerUrl: IdentityPoolProviderUrl.userPool(userPool, client), useToken: true }] });
    pool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool, userPoolClient: client }));
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 1);
  });
});

describe.each(LAYOUTS)('token provider URLs that cannot be judged, $name', layout => {
  test('a custom URL made of a user pool\'s and a client\'s tokens is not read as a user pool mapping', () => {
    const stack = layout.stack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const client = userPool.addClient('Other');
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool })], customProvider: 'login.example.com' },
      roleMappings: [{ providerUrl: IdentityPoolProviderUrl.custom(`${userPool.userPoolProviderName}:${client.userPoolClientId}`), useToken: true }],
    });
    Template.fromStack(stack).resourceCountIs('AWS::Cognito::IdentityPoolRoleAttachment', 1);
  });
});
