import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityPool, UserPoolAuthenticationProvider } from '../src';

function newStack(): Stack {
  return new Stack(new App(), 'Stack');
}

function idpArnsStack(): { stack: Stack; openIdConnectProvider: iam.OpenIdConnectProvider; samlProvider: iam.SamlProvider } {
  const stack = newStack();
  const openIdConnectProvider = new iam.OpenIdConnectProvider(stack, 'OpenId', {
    url: 'https://oidc.example.com',
    clientIds: ['client'],
  });
  const samlProvider = new iam.SamlProvider(stack, 'Saml', {
    metadataDocument: iam.SamlMetadataDocument.fromXml('<EntityDescriptor/>'),
  });
  return { stack, openIdConnectProvider, samlProvider };
}

describe('authentication providers', () => {
  test('seed example: social providers render SupportedLoginProviders with each domain and id (all five together pass validation: the map cannot exceed its 10 entries)', () => {
    const stack = newStack();
    new IdentityPool(stack, 'myidentitypool', {
      identityPoolName: 'myidentitypool',
      authenticationProviders: {
        amazon: { appId: 'amzn1.application.12312k3j234j13rjiwuenf' },
        facebook: { appId: '1234567890123' },
        google: { clientId: '12345678012.apps.googleusercontent.com' },
        apple: { servicesId: 'com.myappleapp.auth' },
        twitter: { consumerKey: 'my-twitter-id', consumerSecret: 'my-twitter-secret' },
      },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      IdentityPoolName: 'myidentitypool',
      SupportedLoginProviders: {
        'www.amazon.com': 'amzn1.application.12312k3j234j13rjiwuenf',
        'graph.facebook.com': '1234567890123',
        'accounts.google.com': '12345678012.apps.googleusercontent.com',
        'appleid.apple.com': 'com.myappleapp.auth',
        'api.twitter.com': 'my-twitter-id;my-twitter-secret',
      },
      CognitoIdentityProviders: Match.absent(),
      OpenIdConnectProviderARNs: Match.absent(),
      SamlProviderARNs: Match.absent(),
      DeveloperProviderName: Match.absent(),
    });
  });

  test('only the configured social providers are rendered', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', { authenticationProviders: { google: { clientId: 'g' } } });
    const pool = Object.values(Template.fromStack(stack).findResources('AWS::Cognito::IdentityPool'))[0];
    expect(pool.Properties.SupportedLoginProviders).toEqual({ 'accounts.google.com': 'g' });
  });

  test('an empty providers object renders no provider property', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', { authenticationProviders: {} });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      SupportedLoginProviders: Match.absent(),
      CognitoIdentityProviders: Match.absent(),
      OpenIdConnectProviderARNs: Match.absent(),
      SamlProviderARNs: Match.absent(),
      DeveloperProviderName: Match.absent(),
    });
  });

  test('seed example: OpenID Connect and SAML providers render their IAM ARNs', () => {
    const { stack, openIdConnectProvider, samlProvider } = idpArnsStack();
    new IdentityPool(stack, 'myidentitypool', {
      identityPoolName: 'myidentitypool',
      authenticationProviders: {
        openIdConnectProviders: [openIdConnectProvider],
        samlProviders: [samlProvider],
      },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      OpenIdConnectProviderARNs: [stack.resolve(openIdConnectProvider.openIdConnectProviderArn)],
      SamlProviderARNs: [{ Ref: stack.getLogicalId(samlProvider.node.defaultChild as iam.CfnSAMLProvider) }],
    });
  });

  test('several OpenID Connect providers keep their order, imported ones included', () => {
    const stack = newStack();
    const a = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, 'A', 'arn:aws:iam::123456789012:oidc-provider/a.example.com');
    const b = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, 'B', 'arn:aws:iam::123456789012:oidc-provider/b.example.com');
    new IdentityPool(stack, 'Pool', { authenticationProviders: { openIdConnectProviders: [b, a] } });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      OpenIdConnectProviderARNs: [
        'arn:aws:iam::123456789012:oidc-provider/b.example.com',
        'arn:aws:iam::123456789012:oidc-provider/a.example.com',
      ],
    });
  });

  test('seed example: a custom (developer) provider with Google and OpenID Connect', () => {
    const { stack, openIdConnectProvider } = idpArnsStack();
    new IdentityPool(stack, 'myidentitypool', {
      identityPoolName: 'myidentitypool',
      authenticationProviders: {
        google: { clientId: '12345678012.apps.googleusercontent.com' },
        openIdConnectProviders: [openIdConnectProvider],
        customProvider: 'my-custom-provider.example.com',
      },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      IdentityPoolName: 'myidentitypool',
      SupportedLoginProviders: { 'accounts.google.com': '12345678012.apps.googleusercontent.com' },
      OpenIdConnectProviderARNs: [stack.resolve(openIdConnectProvider.openIdConnectProviderArn)],
      DeveloperProviderName: 'my-custom-provider.example.com',
    });
  });

  test('every kind of provider at once renders every property', () => {
    const { stack, openIdConnectProvider, samlProvider } = idpArnsStack();
    const userPool = new cognito.UserPool(stack, 'UserPool');
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: {
        facebook: { appId: 'fb' },
        userPools: [new UserPoolAuthenticationProvider({ userPool })],
        openIdConnectProviders: [openIdConnectProvider],
        samlProviders: [samlProvider],
        customProvider: 'login.example',
      },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      SupportedLoginProviders: { 'graph.facebook.com': 'fb' },
      CognitoIdentityProviders: [Match.objectLike({ ServerSideTokenCheck: true })],
      OpenIdConnectProviderARNs: [stack.resolve(openIdConnectProvider.openIdConnectProviderArn)],
      SamlProviderARNs: [stack.resolve(samlProvider.samlProviderArn)],
      DeveloperProviderName: 'login.example',
    });
  });
});
