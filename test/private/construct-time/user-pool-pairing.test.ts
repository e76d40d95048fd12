import { App, CfnParameter, Lazy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { IUserPoolAuthenticationProvider } from '../../../src';
import { IdentityPool, IdentityPoolProviderUrl, IdentityPoolRoleAttachment, UserPoolAuthenticationProvider } from '../../../src';
import { checkClientOfUserPool } from '../../../src/private/construct-time/user-pool-pairing';

function newStack(): Stack {
  return new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
}

/** A user pool provider written by hand, returning the given names. */
function provider(stack: Stack, providerName: string): IUserPoolAuthenticationProvider {
  const client = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', 'client1');
  return { bind: () => ({ providerName, clientId: 'client1', serverSideTokenCheck: true, userPoolClient: client }) };
}

describe('an app client paired with another user pool than its own', () => {
  const RULE = 'must be an app client of the user pool it is paired with (Stack/Users), not of another user pool';

  test('fails in UserPoolAuthenticationProvider', () => {
    // GIVEN
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const other = new cognito.UserPool(stack, 'Other');
    const userPoolClient = other.addClient('Client');

    // WHEN / THEN
    expect(() => new UserPoolAuthenticationProvider({ userPool, userPoolClient }))
      .toThrow(`UserPoolAuthenticationProvider: userPoolClient ${RULE} (received: "Stack/Other/Client")`);
  });

  test('fails in IdentityPoolProviderUrl.userPool', () => {
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const userPoolClient = new cognito.UserPool(stack, 'Other').addClient('Client');
    expect(() => IdentityPoolProviderUrl.userPool(userPool, userPoolClient))
      .toThrow(`IdentityPoolProviderUrl.userPool: userPoolClient ${RULE} (received: "Stack/Other/Client")`);
  });

  test('fails for a client of an imported user pool paired with another imported one', () => {
    const stack = newStack();
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'Users', 'us-east-1_aaaaaaaaa');
    const userPoolClient = cognito.UserPool.fromUserPoolId(stack, 'Other', 'us-east-1_bbbbbbbbb').addClient('Client');
    expect(() => new UserPoolAuthenticationProvider({ userPool, userPoolClient }))
      .toThrow(`UserPoolAuthenticationProvider: userPoolClient ${RULE} (received: "Stack/Other/Client")`);
  });

  test('a client of its own pool, a client reached through another construct of the same pool, an imported client, '
    + 'and a client on a token user pool id are paired', () => {
    // GIVEN
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const sameById = cognito.UserPool.fromUserPoolId(stack, 'SameById', userPool.userPoolId);
    const importedPool = cognito.UserPool.fromUserPoolId(stack, 'Imported', 'us-east-1_aaaaaaaaa');
    const tokenPoolId = new CfnParameter(stack, 'UserPoolId').valueAsString;
    const tokenClient = new cognito.CfnUserPoolClient(stack, 'TokenClient', { userPoolId: tokenPoolId });
    void tokenClient;

    // WHEN
    const pool = new IdentityPool(stack, 'Pool', {
      authenticationProviders: {
        userPools: [
          new UserPoolAuthenticationProvider({ userPool, userPoolClient: userPool.addClient('Web') }),
          new UserPoolAuthenticationProvider({ userPool, userPoolClient: sameById.addClient('Mobile') }),
          new UserPoolAuthenticationProvider({ userPool, userPoolClient: cognito.UserPoolClient.fromUserPoolClientId(stack, 'Elsewhere', 'abc') }),
          new UserPoolAuthenticationProvider({
            userPool: importedPool, userPoolClient: cognito.UserPool.fromUserPoolId(stack, 'Again', 'us-east-1_aaaaaaaaa').addClient('Client'),
          }),
          new UserPoolAuthenticationProvider({ userPool: importedPool, userPoolClient: cognito.UserPool.fromUserPoolId(stack, 'ByToken', tokenPoolId).addClient('Client') }),
        ],
      },
    });

    // THEN
    const providers = Template.fromStack(stack).findResources('AWS::Cognito::IdentityPool')[stack.getLogicalId(pool.node.defaultChild as cognito.CfnIdentityPool)]
      .Properties.CognitoIdentityProviders;
    expect(providers).toHaveLength(5);
  });

  test('a client on another token that resolves to the same user pool id is paired', () => {
    // GIVEN: the client's user pool id is a Lazy of the pool's id, another token for the same Ref
    const stack = newStack();
    const userPool = new cognito.UserPool(stack, 'Users');
    const viaLazy = cognito.UserPool.fromUserPoolId(stack, 'ViaLazy', Lazy.string({ produce: () => userPool.userPoolId }));

    // WHEN
    const paired = new UserPoolAuthenticationProvider({ userPool, userPoolClient: viaLazy.addClient('Web') });
    new IdentityPool(stack, 'Pool', { authenticationProviders: { userPools: [paired] } });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      CognitoIdentityProviders: [{ ProviderName: { 'Fn::GetAtt': [stack.getLogicalId(userPool.node.defaultChild as cognito.CfnUserPool), 'ProviderName'] } }],
    });
  });

  test('a client on another token is not judged when the user pool is imported', () => {
    const stack = newStack();
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'Users', new CfnParameter(stack, 'PoolId').valueAsString);
    const userPoolClient = cognito.UserPool.fromUserPoolId(stack, 'Other', new CfnParameter(stack, 'OtherId').valueAsString).addClient('Client');
    expect(() => new UserPoolAuthenticationProvider({ userPool, userPoolClient })).not.toThrow();
  });

  test('objects that are not constructs (from JavaScript) are not judged', () => {
    // A user pool and a client written by hand: no tree to read the client's pool from.
    const userPool = { userPoolId: 'us-east-1_aaaaaaaaa' } as unknown as cognito.IUserPool;
    const client = { userPoolClientId: 'abc' } as unknown as cognito.IUserPoolClient;
    expect(() => checkClientOfUserPool('Entry', 'userPoolClient', userPool, client)).not.toThrow();
    const stack = newStack();
    const defined = new cognito.UserPool(stack, 'Other').addClient('Client');
    expect(() => checkClientOfUserPool('Entry', 'userPoolClient', userPool, defined)).not.toThrow();
  });
});

describe('user pool provider names (cognito-idp.<region>.<domain>/<userPoolId>)', () => {
  test('a name that is not of that form fails', () => {
    const stack = newStack();
    expect(() => new IdentityPool(stack, 'Pool', { authenticationProviders: { userPools: [provider(stack, 'us-east-1_abcdefghi')] } }))
      .toThrow('Stack/Pool: authenticationProviders.userPools.providerName must have the form cognito-idp.<region>.amazonaws.com/<region>_<id>, '
        + 'as a user pool\'s userPoolProviderName does (received: "us-east-1_abcdefghi")');
  });

  test('a name with anything before cognito-idp. or after the user pool id fails', () => {
    for (const name of ['x.cognito-idp.us-east-1.amazonaws.com/us-east-1_abc', 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abc/x']) {
      const stack = newStack();
      expect(() => new IdentityPool(stack, 'Pool', { authenticationProviders: { userPools: [provider(stack, name)] } }))
        .toThrow('Stack/Pool: authenticationProviders.userPools.providerName must have the form cognito-idp.<region>.amazonaws.com/<region>_<id>, '
          + `as a user pool's userPoolProviderName does (received: "${name}")`);
    }
  });

  test('a user pool id of another region than the host\'s fails', () => {
    const stack = newStack();
    expect(() => new IdentityPool(stack, 'Pool', { authenticationProviders: { userPools: [provider(stack, 'cognito-idp.us-east-1.amazonaws.com/eu-west-1_abc')] } }))
      .toThrow('Stack/Pool: authenticationProviders.userPools.providerName must name a user pool of the region in its host: the user pool id '
        + 'eu-west-1_abc is of eu-west-1, not us-east-1 (received: "cognito-idp.us-east-1.amazonaws.com/eu-west-1_abc")');
  });

  test('names in China and GovCloud, and token names, are configured', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');

    // WHEN
    pool.addUserPoolAuthentication(provider(stack, 'cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_AbC123'));
    const gov = new Stack(stack.node.root as App, 'Gov');
    const govPool = new IdentityPool(gov, 'Pool');
    govPool.addUserPoolAuthentication(provider(gov, 'cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_xyz'));
    new IdentityPool(stack, 'Token', { authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool: new cognito.UserPool(stack, 'Users') })] } });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      CognitoIdentityProviders: [{ ProviderName: 'cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_AbC123', ClientId: 'client1', ServerSideTokenCheck: true }],
    });
    Template.fromStack(gov).hasResourceProperties('AWS::Cognito::IdentityPool', {
      CognitoIdentityProviders: [{ ProviderName: 'cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_xyz', ClientId: 'client1', ServerSideTokenCheck: true }],
    });
  });
});

describe('user pool provider URLs of role mappings (<providerName>:<clientId>)', () => {
  const ATTACHMENT = 'Stack/Pool/DefaultRoleAttachment';

  test('a URL without a client id fails', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const url = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi';
    expect(() => pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPoolUrl(url), useToken: true }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].providerUrl must have the form cognito-idp.<region>.amazonaws.com/<region>_<id>:<clientId>, `
        + `naming the user pool and one of its app clients (received: "${url}")`);
  });

  test('a URL of letters alone, with no colon at all, fails as a URL without a client id', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    expect(() => pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPoolUrl('client1'), useToken: true }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].providerUrl must have the form cognito-idp.<region>.amazonaws.com/<region>_<id>:<clientId>, `
        + 'naming the user pool and one of its app clients (received: "client1")');
  });

  test('a client id with other characters than letters, digits and _ fails', () => {
    for (const clientId of ['-abc', 'abc-', 'a.b']) {
      const stack = newStack();
      const pool = new IdentityPool(stack, 'Pool');
      const url = `cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:${clientId}`;
      expect(() => pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPoolUrl(url), useToken: true }))
        .toThrow(`${ATTACHMENT}: roleMappings[0].providerUrl must have the form cognito-idp.<region>.amazonaws.com/<region>_<id>:<clientId>, `
          + `naming the user pool and one of its app clients (received: "${url}")`);
    }
  });

  test('a URL that is only a client id names no user pool', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    expect(() => pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPoolUrl(':abc'), useToken: true }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].providerUrl must start with the form cognito-idp.<region>.amazonaws.com/<region>_<id>, `
        + 'as a user pool\'s userPoolProviderName does (received: ":abc")');
  });

  test('a URL whose user pool part is not a user pool\'s provider name fails', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const url = 'cognito-idp.amazonaws.com/us-east-1_abcdefghi:client';
    expect(() => pool.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPoolUrl(url), useToken: true }))
      .toThrow(`${ATTACHMENT}: roleMappings[0].providerUrl must start with the form cognito-idp.<region>.amazonaws.com/<region>_<id>, `
        + `as a user pool's userPoolProviderName does (received: "${url}")`);
  });

  test('an imported pool\'s mapping is judged too, and a well-formed or token URL passes', () => {
    // GIVEN
    const stack = newStack();
    const imported = IdentityPool.fromIdentityPoolId(stack, 'Pool', 'us-east-1:0a1b2c3d');
    const attachment = new IdentityPoolRoleAttachment(stack, 'Attachment', { identityPool: imported });
    const userPool = new cognito.UserPool(stack, 'Users');

    // WHEN
    attachment.addRoleMappings(
      { providerUrl: IdentityPoolProviderUrl.userPoolUrl('cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:app_client_id'), useToken: true },
      { providerUrl: IdentityPoolProviderUrl.userPool(userPool, userPool.addClient('Web')), useToken: true },
      // The seed's placeholder region: any dashed lowercase name is taken for a region.
      { providerUrl: IdentityPoolProviderUrl.userPoolUrl('cognito-idp.my-idp-region.amazonaws.com/my-idp-region_abcdefghi:app_client_id'), useToken: true },
    );

    // THEN
    expect(() => attachment.addRoleMappings({ providerUrl: IdentityPoolProviderUrl.userPoolUrl('cognito-idp.us-east-1.amazonaws.com/x'), useToken: true }))
      .toThrow('Stack/Attachment: roleMappings[3].providerUrl must have the form');
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPoolRoleAttachment', {
      RoleMappings: { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:app_client_id': { IdentityProvider: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abcdefghi:app_client_id' } },
    });
  });
});
