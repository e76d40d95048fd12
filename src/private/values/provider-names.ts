import { Token } from '../cdk/bindings';
import { apiName } from '../messages/errors';
import { renderSupportedLoginProviders } from '../render/login-providers';
import type { DefinedPoolSettings } from '../synth/facts';

/**
 * The names by which role mappings name the providers a pool is configured with, and how a
 * mapping's provider URL is matched against them: at construction time for URLs that cannot
 * name a user pool, at synthesis for the others (user pools can be added after mappings).
 */

/** The user pool providers' names, `<providerName>:<clientId>`. */
export function userPoolProviderNames(facts: DefinedPoolSettings): string[] {
  return facts.userPoolProviders.map(provider => `${provider.providerName}:${provider.clientId}`);
}

/**
 * The rule a mapping for an unconfigured provider breaks, listing the configured names, with `*`
 * for the parts known only at deploy time, or as `describe` names them (a user pool provider
 * by its app client, at synthesis).
 */
export function unconfiguredProviderRule(facts: DefinedPoolSettings, describe?: (name: string) => string | undefined): string {
  const names = configuredProviderNames(facts, userPoolProviderNames(facts));
  const configured = names.length > 0
    ? names.map(name => describe?.(name) ?? JSON.stringify(name.replace(STRING_TOKENS, '*'))).join(', ')
    : 'none';
  return `must name an identity provider the pool is configured with (configured: ${configured}), `
    + `or Cognito rejects it as "not a configured provider"; add the provider to ${apiName('authenticationProviders')}`;
}

/** The names of the pool's providers: social, user pools (`userPoolNames`), OpenID Connect, SAML, developer. */
export function configuredProviderNames(facts: DefinedPoolSettings, userPoolNames: readonly string[]): string[] {
  const providers = facts.providers;
  const names = [...Object.keys(renderSupportedLoginProviders(providers) ?? {}), ...userPoolNames];
  for (const provider of providers.openIdConnectProviders ?? []) {
    const arn = provider.openIdConnectProviderArn;
    const marker = arn.indexOf('oidc-provider/');
    names.push(marker >= 0 ? arn.slice(marker + 'oidc-provider/'.length) : arn);
  }
  names.push(...(providers.samlProviders ?? []).map(provider => provider.samlProviderArn));
  if (providers.customProvider !== undefined) {
    names.push(providers.customProvider);
  }
  return names;
}

export const USER_POOL_PROVIDER_PREFIX = 'cognito-idp.';
/** `IdentityPoolProviderType.USER_POOL`, the type of `userPool(...)` and `userPoolUrl(...)` URLs. */
export const USER_POOL_TYPE = 'UserPool';

/** String tokens as aws-cdk-lib encodes them inside strings. */
const STRING_TOKENS = /\$\{Token\[[a-zA-Z0-9:._-]+\]\}/g;

/**
 * Whether a concrete URL could equal the name, whose tokens may stand for anything; a user pool
 * provider's name always starts `cognito-idp.`, whatever its tokens.
 */
export function providerMatcher(name: string, userPool = false): (url: string) => boolean {
  // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut; the pattern of a name without tokens matches only that name (a user pool's concrete name starts cognito-idp., checked when added)
  if (!Token.isUnresolved(name)) {
    return url => url === name;
  }
  const literals = name.split(STRING_TOKENS);
  const pattern = new RegExp(`^${literals.map(literal => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[\\s\\S]*')}$`);
  return url => pattern.test(url) && (!userPool || url.startsWith(USER_POOL_PROVIDER_PREFIX));
}

export function describeUrl(url: string): string {
  return Token.isUnresolved(url) ? 'a provider known at deploy time' : url;
}
