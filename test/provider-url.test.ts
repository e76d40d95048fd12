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
});
