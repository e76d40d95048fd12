import { App, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IdentityPoolProviderType, IdentityPoolProviderUrl } from '../src';

describe('IdentityPoolProviderUrl', () => {
  test.each([
    ['AMAZON', IdentityPoolProviderUrl.AMAZON, IdentityPoolProviderType.AMAZON, 'www.amazon.com'],
    ['FACEBOOK', IdentityPoolProviderUrl.FACEBOOK, IdentityPoolProviderType.FACEBOOK, 'graph.facebook.com'],
    ['GOOGLE', IdentityPoolProviderUrl.GOOGLE, IdentityPoolProviderType.GOOGLE, 'accounts.google.com'],
    ['APPLE', IdentityPoolProviderUrl.APPLE, IdentityPoolProviderType.APPLE, 'appleid.apple.com'],
    ['TWITTER', IdentityPoolProviderUrl.TWITTER, IdentityPoolProviderType.TWITTER, 'api.twitter.com'],
  ])('%s is %s', (_name, url, type, value) => {
    expect(url.type).toBe(type);
    expect(url.value).toBe(value);
  });

  test('openId, saml and custom keep the value given', () => {
    expect(IdentityPoolProviderUrl.openId('oidc.example.com')).toMatchObject({ type: IdentityPoolProviderType.OPEN_ID, value: 'oidc.example.com' });
    expect(IdentityPoolProviderUrl.saml('arn:aws:iam::123456789012:saml-provider/corp'))
      .toMatchObject({ type: IdentityPoolProviderType.SAML, value: 'arn:aws:iam::123456789012:saml-provider/corp' });
    expect(IdentityPoolProviderUrl.custom('my-custom-provider.com')).toMatchObject({ type: IdentityPoolProviderType.CUSTOM, value: 'my-custom-provider.com' });
  });

  test('userPoolUrl is the string form of a user pool URL', () => {
    const url = IdentityPoolProviderUrl.userPoolUrl('cognito-idp.my-idp-region.amazonaws.com/my-idp-region_abcdefghi:app_client_id');
    expect(url.type).toBe(IdentityPoolProviderType.USER_POOL);
    expect(url.value).toBe('cognito-idp.my-idp-region.amazonaws.com/my-idp-region_abcdefghi:app_client_id');
  });

  test('userPool joins the user pool provider name and the client id', () => {
    const stack = new Stack(new App(), 'Stack');
    const userPool = new cognito.UserPool(stack, 'Pool');
    const client = userPool.addClient('Client');
    const url = IdentityPoolProviderUrl.userPool(userPool, client);
    expect(url.type).toBe(IdentityPoolProviderType.USER_POOL);
    expect(stack.resolve(url.value)).toEqual({
      'Fn::Join': ['', [
        { 'Fn::GetAtt': [stack.getLogicalId(userPool.node.defaultChild as cognito.CfnUserPool), 'ProviderName'] },
        ':',
        { Ref: stack.getLogicalId(client.node.defaultChild as cognito.CfnUserPoolClient) },
      ]],
    });
  });

  test('userPool takes the region of an imported user pool from its ARN', () => {
    const stack = new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'eu-west-1' } });
    const userPool = cognito.UserPool.fromUserPoolArn(stack, 'Pool', 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc');
    const client = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', 'client1');
    expect(stack.resolve(IdentityPoolProviderUrl.userPool(userPool, client).value)).toEqual({
      'Fn::Join': ['', ['cognito-idp.us-east-1.', { Ref: 'AWS::URLSuffix' }, '/us-east-1_abc:client1']],
    });
  });

  test.each([
    ['openId', (url: any) => IdentityPoolProviderUrl.openId(url)],
    ['saml', (url: any) => IdentityPoolProviderUrl.saml(url)],
    ['userPoolUrl', (url: any) => IdentityPoolProviderUrl.userPoolUrl(url)],
    ['custom', (url: any) => IdentityPoolProviderUrl.custom(url)],
  ])('%s requires a string url, naming the factory', (factory, create) => {
    expect(() => create(undefined)).toThrow(`IdentityPoolProviderUrl.${factory}: url is required: give a string (received: undefined)`);
    expect(() => create(5)).toThrow(`IdentityPoolProviderUrl.${factory}: url must be a string (received: 5)`);
  });

  test('userPool requires a user pool and an app client, naming the factory', () => {
    const stack = new Stack(new App(), 'Stack');
    const userPool = new cognito.UserPool(stack, 'Pool');
    const client = userPool.addClient('Client');
    expect(() => IdentityPoolProviderUrl.userPool(undefined as any, client))
      .toThrow('IdentityPoolProviderUrl.userPool: userPool is required: give a user pool (cognito.IUserPool) (received: undefined)');
    expect(() => IdentityPoolProviderUrl.userPool(userPool, undefined as any))
      .toThrow('IdentityPoolProviderUrl.userPool: userPoolClient is required: give a user pool app client (cognito.IUserPoolClient) (received: undefined)');
  });

  test('userPool refuses an app client of another user pool, naming the factory', () => {
    const stack = new Stack(new App(), 'Stack');
    const userPool = new cognito.UserPool(stack, 'Pool');
    const other = new cognito.UserPool(stack, 'Other');
    expect(() => IdentityPoolProviderUrl.userPool(userPool, other.addClient('Client')))
      .toThrow('IdentityPoolProviderUrl.userPool: userPoolClient must be an app client of the user pool it is paired with (Stack/Pool), '
        + 'not of another user pool (received: "Stack/Other/Client")');
  });
});
