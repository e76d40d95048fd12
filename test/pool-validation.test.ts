import { App, Annotations as CoreAnnotations, CfnParameter, Lazy, Stack, Tags, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { IUserPoolAuthenticationProvider } from '../src';
import { IdentityPool, UserPoolAuthenticationProvider } from '../src';

function newStack(): Stack {
  return new Stack(new App(), 'Stack');
}

/** A string token whose value is known only at deploy time. */
function deployTimeString(stack: Stack, id: string): string {
  return new CfnParameter(stack, id).valueAsString;
}

/** A user pool provider that hands the pool exactly the names given. */
function rawUserPoolProvider(stack: Stack, providerName: string, clientId: string): IUserPoolAuthenticationProvider {
  const userPoolClient = cognito.UserPoolClient.fromUserPoolClientId(stack, `Client${clientId}`, 'client');
  return { bind: () => ({ providerName, clientId, serverSideTokenCheck: true, userPoolClient }) };
}

describe('identityPoolName', () => {
  test('more than 128 characters fails, naming the path, property, rule and value', () => {
    // GIVEN
    const stack = newStack();
    const name = 'a'.repeat(129);

    // WHEN / THEN
    expect(() => new IdentityPool(stack, 'Pool', { identityPoolName: name }))
      .toThrow(`Stack/Pool: identityPoolName must be 1-128 characters long, got 129 (received: "${name}")`);
  });

  test('an empty name fails', () => {
    const stack = newStack();
    expect(() => new IdentityPool(stack, 'Pool', { identityPoolName: '' }))
      .toThrow('Stack/Pool: identityPoolName must be 1-128 characters long, got 0 (received: "")');
  });

  test('a character outside [\\w\\s+=,.@-] fails', () => {
    const stack = newStack();
    expect(() => new IdentityPool(stack, 'Pool', { identityPoolName: 'a/b' }))
      .toThrow('Stack/Pool: identityPoolName must match [\\w\\s+=,.@-]+ (received: "a/b")');
  });

  test('a non-ASCII letter fails, as Cognito reads \\w as [A-Za-z0-9_]', () => {
    const stack = newStack();
    expect(() => new IdentityPool(stack, 'Pool', { identityPoolName: 'café' }))
      .toThrow('Stack/Pool: identityPoolName must match [\\w\\s+=,.@-]+ (received: "café")');
  });

  test('every whitespace character Cognito\'s \\s reads passes: space, tab, newline, vertical tab, form feed, return', () => {
    const stack = newStack();
    const name = 'a b\tc\nd\ve\ff\rg';
    new IdentityPool(stack, 'Pool', { identityPoolName: name });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', { IdentityPoolName: name });
  });

  test('128 characters of every allowed kind pass', () => {
    // GIVEN
    const stack = newStack();
    const name = 'My pool_1+=,.@-'.padEnd(128, 'x');

    // WHEN
    new IdentityPool(stack, 'Pool', { identityPoolName: name });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', { IdentityPoolName: name });
  });

  test('a token name is not judged', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new IdentityPool(stack, 'Pool', { identityPoolName: Lazy.string({ produce: () => 'a/b' }) });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', { IdentityPoolName: 'a/b' });
  });
});

describe('authenticationProviders.customProvider (developer provider name)', () => {
  test('a character outside [\\w._-] fails', () => {
    const stack = newStack();
    expect(() => new IdentityPool(stack, 'Pool', { authenticationProviders: { customProvider: 'my provider' } }))
      .toThrow('Stack/Pool: authenticationProviders.customProvider must match [\\w._-]+ (received: "my provider")');
  });

  test('more than 128 characters fails', () => {
    const stack = newStack();
    const name = 'p'.repeat(129);
    expect(() => new IdentityPool(stack, 'Pool', { authenticationProviders: { customProvider: name } }))
      .toThrow(`Stack/Pool: authenticationProviders.customProvider must be 1-128 characters long, got 129 (received: "${name}")`);
  });

  test('128 characters pass (the API and schema limit, not the 100 of one doc page)', () => {
    // GIVEN
    const stack = newStack();
    const name = 'my-custom-provider.example.com_'.padEnd(128, 'x');

    // WHEN
    new IdentityPool(stack, 'Pool', { authenticationProviders: { customProvider: name } });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', { DeveloperProviderName: name });
  });

  test('a token name is not judged', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', { authenticationProviders: { customProvider: deployTimeString(stack, 'Name') } });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', { DeveloperProviderName: { Ref: 'Name' } });
  });
});

describe('login provider values', () => {
  test.each([
    ['amazon.appId', { amazon: { appId: 'amzn1 app' } }, 'amzn1 app'],
    ['facebook.appId', { facebook: { appId: '12#34' } }, '12#34'],
    ['google.clientId', { google: { clientId: 'id:1' } }, 'id:1'],
    ['apple.servicesId', { apple: { servicesId: 'com.example+auth' } }, 'com.example+auth'],
  ])('%s outside [\\w.;_/-] fails', (property, providers, value) => {
    const stack = newStack();
    expect(() => new IdentityPool(stack, 'Pool', { authenticationProviders: providers }))
      .toThrow(`Stack/Pool: authenticationProviders.${property} must match [\\w.;_/-]+ (received: "${value}")`);
  });

  test('an empty app id fails', () => {
    const stack = newStack();
    expect(() => new IdentityPool(stack, 'Pool', { authenticationProviders: { facebook: { appId: '' } } }))
      .toThrow('Stack/Pool: authenticationProviders.facebook.appId must be 1-128 characters long, got 0 (received: "")');
  });

  test('a value of more than 128 characters fails', () => {
    const stack = newStack();
    const clientId = 'g'.repeat(129);
    expect(() => new IdentityPool(stack, 'Pool', { authenticationProviders: { google: { clientId } } }))
      .toThrow(`Stack/Pool: authenticationProviders.google.clientId must be 1-128 characters long, got 129 (received: "${clientId}")`);
  });

  test('token values are not judged', () => {
    // GIVEN
    const stack = newStack();

    // WHEN
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: {
        amazon: { appId: Token.asString({ resolve: () => 'a b' }) },
        facebook: { appId: deployTimeString(stack, 'FacebookAppId') },
        google: { clientId: Lazy.string({ produce: () => 'x:y' }) },
        apple: { servicesId: deployTimeString(stack, 'AppleId') },
        twitter: { consumerKey: deployTimeString(stack, 'Key'), consumerSecret: deployTimeString(stack, 'Secret') },
      },
    });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      SupportedLoginProviders: Match.objectLike({ 'www.amazon.com': 'a b', 'accounts.google.com': 'x:y' }),
    });
  });
});

describe('authenticationProviders.twitter', () => {
  test('a ";" in the consumer key fails: it would move the split of "<key>;<secret>"', () => {
    const stack = newStack();
    expect(() => new IdentityPool(stack, 'Pool', { authenticationProviders: { twitter: { consumerKey: 'key;1', consumerSecret: 'secret' } } }))
      .toThrow('Stack/Pool: authenticationProviders.twitter.consumerKey must not contain ";", which separates it from the secret in the value '
        + 'Cognito stores ("<consumerKey>;<consumerSecret>") (received: "key;1")');
  });

  test('a bad consumer secret fails without showing the secret', () => {
    const stack = newStack();
    expect(() => new IdentityPool(stack, 'Pool', { authenticationProviders: { twitter: { consumerKey: 'key', consumerSecret: 'top secret' } } }))
      .toThrow('Stack/Pool: authenticationProviders.twitter.consumerSecret must be 1-128 characters matching [\\w.;_/-]+ '
        + '(received: "<secret, 10 characters>")');
  });

  test('a key and secret longer than 128 characters together fail', () => {
    const stack = newStack();
    const consumerKey = 'k'.repeat(64);
    expect(() => new IdentityPool(stack, 'Pool', { authenticationProviders: { twitter: { consumerKey, consumerSecret: 's'.repeat(64) } } }))
      .toThrow('Stack/Pool: authenticationProviders.twitter must have a consumerKey and consumerSecret of at most 128 characters together '
        + `with the ";" between them, got 129 (received: "${consumerKey};<secret, 64 characters>")`);
  });

  test('128 characters together pass', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', { authenticationProviders: { twitter: { consumerKey: 'k'.repeat(64), consumerSecret: 's'.repeat(63) } } });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      SupportedLoginProviders: { 'api.twitter.com': `${'k'.repeat(64)};${'s'.repeat(63)}` },
    });
  });

  test('a consumer key outside [\\w.;_/-] fails, naming the key', () => {
    const stack = newStack();
    expect(() => new IdentityPool(stack, 'Pool', { authenticationProviders: { twitter: { consumerKey: 'my key', consumerSecret: 'secret' } } }))
      .toThrow('Stack/Pool: authenticationProviders.twitter.consumerKey must match [\\w.;_/-]+ (received: "my key")');
  });

  test('a token key or secret is not judged', () => {
    const stack = newStack();
    new IdentityPool(stack, 'Pool', {
      authenticationProviders: { twitter: { consumerKey: Lazy.string({ produce: () => 'a;b' }), consumerSecret: 's'.repeat(200) } },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      SupportedLoginProviders: { 'api.twitter.com': `a;b;${'s'.repeat(200)}` },
    });
  });
});

describe('user pool providers', () => {
  test('a client id outside [\\w_] fails', () => {
    // GIVEN
    const stack = newStack();
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'UserPool', 'us-east-1_abcdefghi');
    const userPoolClient = cognito.UserPoolClient.fromUserPoolClientId(stack, 'Client', 'client-1');

    // WHEN / THEN
    expect(() => new IdentityPool(stack, 'Pool', {
      authenticationProviders: { userPools: [new UserPoolAuthenticationProvider({ userPool, userPoolClient })] },
    })).toThrow('Stack/Pool: authenticationProviders.userPools.clientId must match [\\w_]+ (received: "client-1")');
  });

  test('a provider name outside [\\w._:/-] fails, also when added later', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');

    // WHEN / THEN
    expect(() => pool.addUserPoolAuthentication(rawUserPoolProvider(stack, 'cognito-idp.us-east-1.amazonaws.com/us east', 'abc')))
      .toThrow('Stack/Pool: authenticationProviders.userPools.providerName must match [\\w._:/-]+ (received: "cognito-idp.us-east-1.amazonaws.com/us east")');
  });

  test('a provider name of the right characters but not a user pool\'s form fails, also when added later', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    expect(() => pool.addUserPoolAuthentication(rawUserPoolProvider(stack, 'graph.facebook.com', 'abc')))
      .toThrow(/^Stack\/Pool: authenticationProviders\.userPools\.providerName must have the form .*, as a user pool's userPoolProviderName does \(received: "graph\.facebook\.com"\)$/);
  });

  test('a client id of more than 128 characters fails', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const clientId = 'c'.repeat(129);
    expect(() => pool.addUserPoolAuthentication(rawUserPoolProvider(stack, 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abc', clientId)))
      .toThrow(`Stack/Pool: authenticationProviders.userPools.clientId must be 1-128 characters long, got 129 (received: "${clientId}")`);
  });

  test('token names, as of a user pool defined in the app, are not judged', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');

    // WHEN
    pool.addUserPoolAuthentication(rawUserPoolProvider(stack, Lazy.string({ produce: () => 'bad name' }), deployTimeString(stack, 'ClientId')));

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      CognitoIdentityProviders: [{ ProviderName: 'bad name', ClientId: { Ref: 'ClientId' }, ServerSideTokenCheck: true }],
    });
  });

  test('more than 50 user pool providers warn, since the quota can be raised', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'UserPool', 'us-east-1_abcdefghi');

    // WHEN
    for (let index = 0; index < 51; index++) {
      const userPoolClient = cognito.UserPoolClient.fromUserPoolClientId(stack, `Client${index}`, `client${index}`);
      pool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool, userPoolClient }));
    }

    // THEN
    Annotations.fromStack(stack).hasWarning('/Stack/Pool',
      'This identity pool has more than 50 user pool providers, Cognito\'s default quota per identity pool: the deployment fails unless '
      + 'AWS support has raised the quota for your account [ack: cdk-identity-pool:userPoolProviderQuota]');
  });

  test('50 user pool providers do not warn', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'UserPool', 'us-east-1_abcdefghi');
    for (let index = 0; index < 50; index++) {
      const userPoolClient = cognito.UserPoolClient.fromUserPoolClientId(stack, `Client${index}`, `client${index}`);
      pool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool, userPoolClient }));
    }
    Annotations.fromStack(stack).hasNoWarning('/Stack/Pool', Match.stringLikeRegexp('userPoolProviderQuota'));
  });

  test('the quota warning can be acknowledged on the pool', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const userPool = cognito.UserPool.fromUserPoolId(stack, 'UserPool', 'us-east-1_abcdefghi');
    for (let index = 0; index < 51; index++) {
      const userPoolClient = cognito.UserPoolClient.fromUserPoolClientId(stack, `Client${index}`, `client${index}`);
      pool.addUserPoolAuthentication(new UserPoolAuthenticationProvider({ userPool, userPoolClient }));
    }

    // WHEN
    CoreAnnotations.of(pool).acknowledgeWarning('cdk-identity-pool:userPoolProviderQuota', 'raised to 100 for this account');

    // THEN
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('userPoolProviderQuota'));
  });
});

describe('OpenID Connect and SAML provider ARNs', () => {
  test('an OpenID Connect provider ARN of another service fails', () => {
    // GIVEN
    const stack = newStack();
    const arn = 'arn:aws:sts::123456789012:oidc-provider/oidc.example.com';
    const provider = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, 'Oidc', arn);

    // WHEN / THEN
    expect(() => new IdentityPool(stack, 'Pool', { authenticationProviders: { openIdConnectProviders: [provider] } }))
      .toThrow('Stack/Pool: authenticationProviders.openIdConnectProviders[0] must be an IAM oidc-provider ARN, '
        + `arn:<partition>:iam::<account>:oidc-provider/<issuer> (20-2048 characters) (received: "${arn}")`);
  });

  test('a SAML provider ARN of another service fails', () => {
    const stack = newStack();
    const arn = 'arn:aws:cognito-idp:us-east-1:123456789012:saml-provider/corp';
    const provider = iam.SamlProvider.fromSamlProviderArn(stack, 'Saml', arn);
    expect(() => new IdentityPool(stack, 'Pool', { authenticationProviders: { samlProviders: [provider] } }))
      .toThrow('Stack/Pool: authenticationProviders.samlProviders[0] must be an IAM saml-provider ARN, '
        + `arn:<partition>:iam::<account>:saml-provider/<name> (20-2048 characters) (received: "${arn}")`);
  });

  test('an ARN of more than 2048 characters fails', () => {
    const stack = newStack();
    const arn = `arn:aws:iam::123456789012:oidc-provider/${'o'.repeat(2048)}`;
    const provider = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, 'Oidc', arn);
    expect(() => new IdentityPool(stack, 'Pool', { authenticationProviders: { openIdConnectProviders: [provider] } }))
      .toThrow(/^Stack\/Pool: authenticationProviders\.openIdConnectProviders\[0\] must be an IAM oidc-provider ARN/);
  });

  test('an ARN of 2048 characters passes', () => {
    const stack = newStack();
    const prefix = 'arn:aws:iam::123456789012:oidc-provider/';
    const arn = `${prefix}${'o'.repeat(2048 - prefix.length)}`;
    const provider = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, 'Oidc', arn);
    new IdentityPool(stack, 'Pool', { authenticationProviders: { openIdConnectProviders: [provider] } });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', { OpenIdConnectProviderARNs: [arn] });
  });

  test('a token SAML provider ARN is not judged', () => {
    const stack = newStack();
    const saml = new iam.SamlProvider(stack, 'Saml', { metadataDocument: iam.SamlMetadataDocument.fromXml('<xml/>') });
    new IdentityPool(stack, 'Pool', { authenticationProviders: { samlProviders: [saml] } });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', { SamlProviderARNs: [{ Ref: Match.stringLikeRegexp('^Saml') }] });
  });

  test('valid ARNs, and the token ARNs of providers defined in the app, pass', () => {
    // GIVEN
    const stack = newStack();
    const imported = iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(stack, 'Oidc', 'arn:aws:iam::123456789012:oidc-provider/oidc.example.com');
    const defined = new iam.OpenIdConnectProvider(stack, 'Defined', { url: 'https://issuer.example.com', clientIds: ['app'] });
    const saml = iam.SamlProvider.fromSamlProviderArn(stack, 'Saml', 'arn:aws-us-gov:iam::123456789012:saml-provider/corp');

    // WHEN
    new IdentityPool(stack, 'Pool', { authenticationProviders: { openIdConnectProviders: [imported, defined], samlProviders: [saml] } });

    // THEN
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      OpenIdConnectProviderARNs: ['arn:aws:iam::123456789012:oidc-provider/oidc.example.com', Match.anyValue()],
      SamlProviderARNs: ['arn:aws-us-gov:iam::123456789012:saml-provider/corp'],
    });
  });
});

describe('tags', () => {
  test('more than 50 tags fail at synth', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');

    // WHEN
    for (let index = 0; index < 51; index++) {
      Tags.of(pool).add(`tag${index}`, 'v');
    }

    // THEN
    expect(() => Template.fromStack(stack)).toThrow('Validation failed with the following errors:\n'
      + '  [Stack/Pool] tags must number at most 50 on an identity pool (received: 51)');
  });

  test('a tag key of more than 128 characters fails at synth', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const key = 'k'.repeat(129);
    Tags.of(pool).add(key, 'v');
    expect(() => Template.fromStack(stack)).toThrow(`[Stack/Pool] tags must have keys of 1-128 characters matching [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]* (received: "${key}")`);
  });

  test('a tag key with the reserved aws: prefix, in any case, fails at synth', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');

    // WHEN
    Tags.of(pool).add('AWS:team', 'v');

    // THEN
    expect(() => Template.fromStack(stack)).toThrow('Validation failed with the following errors:\n'
      + '  [Stack/Pool] tags must not have keys that start with aws: (in any case), a prefix AWS reserves for its own tags (received: "AWS:team")');
  });

  test('tag keys that merely contain aws, or a colon, are kept', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    Tags.of(pool).add('team:aws', 'v');
    Tags.of(pool).add('awsome', 'w');
    Tags.of(pool).add('team-aws:x', 'u');
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::IdentityPool', {
      IdentityPoolTags: Match.arrayWith([{ Key: 'awsome', Value: 'w' }, { Key: 'team-aws:x', Value: 'u' }, { Key: 'team:aws', Value: 'v' }]),
    });
  });

  test('a tag value of more than 256 characters fails at synth', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    const value = 'v'.repeat(257);
    Tags.of(pool).add('team', value);
    expect(() => Template.fromStack(stack)).toThrow(`[Stack/Pool] tags["team"] must be 0-256 characters long, got 257 (received: "${value}")`);
  });

  test('a tag value outside AWS\'s tag alphabet fails at synth', () => {
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');
    Tags.of(pool).add('team', 'a,b');
    expect(() => Template.fromStack(stack)).toThrow('[Stack/Pool] tags["team"] must match [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]* (received: "a,b")');
  });

  test('50 tags, empty values, non-ASCII letters and token values pass', () => {
    // GIVEN
    const stack = newStack();
    const pool = new IdentityPool(stack, 'Pool');

    // WHEN
    for (let index = 0; index < 48; index++) {
      Tags.of(pool).add(`tag${index}`, '');
    }
    Tags.of(pool).add('équipe', 'Données: a/b=c+d@e.f_g-h');
    Tags.of(pool).add('owner', Lazy.string({ produce: () => 'v'.repeat(300) }));

    // THEN
    const tags = Object.values(Template.fromStack(stack).findResources('AWS::Cognito::IdentityPool'))[0].Properties.IdentityPoolTags;
    expect(tags).toHaveLength(50);
  });
});
