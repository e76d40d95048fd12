import { Lazy, Token } from 'aws-cdk-lib';
import type { IdentityPoolAuthenticationProviders } from '../../../src/authentication-providers';
import type { DefinedPoolSettings } from '../../../src/private/synth/facts';
import {
  configuredProviderNames, describeUrl, providerMatcher, unconfiguredProviderRule, USER_POOL_PROVIDER_PREFIX, USER_POOL_TYPE,
  userPoolProviderNames,
} from '../../../src/private/values/provider-names';

function settings(providers: IdentityPoolAuthenticationProviders, userPools: Array<[string, string]> = []): DefinedPoolSettings {
  return {
    allowClassicFlow: false,
    providers,
    userPoolProviders: userPools.map(([providerName, clientId]) => ({ providerName, clientId })),
    userPoolProviderEntries: [],
  };
}

const USER_POOL = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_abc';

describe('userPoolProviderNames', () => {
  test('each user pool provider is <providerName>:<clientId>, in order', () => {
    expect(userPoolProviderNames(settings({}, [[USER_POOL, 'client1'], [USER_POOL, 'client2']])))
      .toEqual([`${USER_POOL}:client1`, `${USER_POOL}:client2`]);
  });

  test('none without user pools', () => {
    expect(userPoolProviderNames(settings({ facebook: { appId: 'fb' } }))).toEqual([]);
  });
});

describe('configuredProviderNames', () => {
  test('social, user pools, OpenID Connect issuers, SAML ARNs and the developer provider, in that order', () => {
    const names = configuredProviderNames(settings({
      google: { clientId: 'g' },
      openIdConnectProviders: [
        { openIdConnectProviderArn: 'arn:aws:iam::123456789012:oidc-provider/issuer.example.com/path' } as any,
      ],
      samlProviders: [{ samlProviderArn: 'arn:aws:iam::123456789012:saml-provider/Corp' } as any],
      customProvider: 'login.example.app',
    }), [`${USER_POOL}:client1`]);
    expect(names).toEqual([
      'accounts.google.com',
      `${USER_POOL}:client1`,
      'issuer.example.com/path',
      'arn:aws:iam::123456789012:saml-provider/Corp',
      'login.example.app',
    ]);
  });

  test('an OpenID Connect ARN without "oidc-provider/" (a token) is its own name', () => {
    const token = Token.asString({ Ref: 'Issuer' });
    expect(configuredProviderNames(settings({ openIdConnectProviders: [{ openIdConnectProviderArn: token } as any] }), []))
      .toEqual([token]);
  });

  test('the marker at the very start of the ARN is still cut', () => {
    expect(configuredProviderNames(settings({ openIdConnectProviders: [{ openIdConnectProviderArn: 'oidc-provider/x.example' } as any] }), []))
      .toEqual(['x.example']);
  });

  test('an empty developer provider name is still a name; none when unset', () => {
    expect(configuredProviderNames(settings({ customProvider: '' }), [])).toEqual(['']);
    expect(configuredProviderNames(settings({}), [])).toEqual([]);
  });
});

describe('unconfiguredProviderRule', () => {
  test('lists the configured names, quoted, with tokens as *', () => {
    const clientId = Lazy.string({ produce: () => 'client' });
    expect(unconfiguredProviderRule(settings({ facebook: { appId: 'fb' } }, [[USER_POOL, clientId]]))).toBe(
      'must name an identity provider the pool is configured with (configured: "graph.facebook.com", '
      + `"${USER_POOL}:*"), or Cognito rejects it as "not a configured provider"; add the provider to authenticationProviders`);
  });

  test('says none when nothing is configured', () => {
    expect(unconfiguredProviderRule(settings({}))).toBe(
      'must name an identity provider the pool is configured with (configured: none), '
      + 'or Cognito rejects it as "not a configured provider"; add the provider to authenticationProviders');
  });

  test('describe names a provider its own way; the others stay quoted', () => {
    const rule = unconfiguredProviderRule(settings({ amazon: { appId: 'amzn' } }, [[USER_POOL, 'c1']]),
      name => name.startsWith(USER_POOL_PROVIDER_PREFIX) ? 'the user pool client Web' : undefined);
    expect(rule).toContain('(configured: "www.amazon.com", the user pool client Web)');
  });
});

describe('providerMatcher', () => {
  test('a concrete name matches only itself', () => {
    const match = providerMatcher('graph.facebook.com');
    expect(match('graph.facebook.com')).toBe(true);
    expect(match('graph.facebook.co')).toBe(false);
    expect(match('xgraph.facebook.com')).toBe(false);
  });

  test('a concrete user pool name matches only itself, too', () => {
    const match = providerMatcher(`${USER_POOL}:c1`, true);
    expect(match(`${USER_POOL}:c1`)).toBe(true);
    expect(match(`${USER_POOL}:c2`)).toBe(false);
  });

  test('a name with tokens matches any text in their place, and nothing around them', () => {
    const clientId = Lazy.string({ produce: () => 'client' });
    const match = providerMatcher(`${USER_POOL}:${clientId}`);
    expect(match(`${USER_POOL}:anything`)).toBe(true);
    expect(match(`${USER_POOL}:`)).toBe(true);
    expect(match(`${USER_POOL}:two\nlines`)).toBe(true);
    expect(match(`x${USER_POOL}:anything`)).toBe(false);
    expect(match('cognito-idp.us-east-1.amazonaws.com/us-east-1_abd:anything')).toBe(false);
  });

  test('the literal parts are matched literally, not as a regular expression', () => {
    const suffix = Lazy.string({ produce: () => 'x' });
    const match = providerMatcher(`a.b(c)*+?^$[d]{e}|f\\g/${suffix}`);
    expect(match('a.b(c)*+?^$[d]{e}|f\\g/tail')).toBe(true);
    expect(match('aXb(c)*+?^$[d]{e}|f\\g/tail')).toBe(false);
  });

  test('a user pool name with tokens matches only URLs that start cognito-idp.', () => {
    const whole = Lazy.string({ produce: () => 'x' });
    expect(providerMatcher(whole, true)(`${USER_POOL}:c`)).toBe(true);
    expect(providerMatcher(whole, true)('graph.facebook.com')).toBe(false);
    expect(providerMatcher(whole, true)('x.cognito-idp.')).toBe(false);
    expect(providerMatcher(whole)('graph.facebook.com')).toBe(true);
  });

  test('token names of every form are recognised, numbered or not', () => {
    const token = Token.asString({ Ref: 'X' });
    expect(token).toMatch(/^\$\{Token\[[A-Za-z0-9:._-]+\]\}$/);
    const match = providerMatcher(`pre-${token}-post`);
    expect(match('pre-value-post')).toBe(true);
    expect(match(`pre-${token}-post`)).toBe(true);
    expect(match('pre-value-pos')).toBe(false);
  });
});

describe('describeUrl', () => {
  test('a concrete URL is itself; a token is a provider known at deploy time', () => {
    expect(describeUrl('graph.facebook.com')).toBe('graph.facebook.com');
    expect(describeUrl(Token.asString({ Ref: 'X' }))).toBe('a provider known at deploy time');
  });
});

describe('constants', () => {
  test('the user pool prefix and type', () => {
    expect(USER_POOL_PROVIDER_PREFIX).toBe('cognito-idp.');
    expect(USER_POOL_TYPE).toBe('UserPool');
  });
});
