import type { IdentityPoolAuthenticationProviders } from '../../authentication-providers';

/**
 * The names Cognito gives the social login providers: the keys of `SupportedLoginProviders`, and
 * the provider URLs of their role mappings (`IdentityPoolProviderUrl.FACEBOOK`, ...).
 */
export const SOCIAL_PROVIDER_NAMES = {
  facebook: 'graph.facebook.com',
  google: 'accounts.google.com',
  amazon: 'www.amazon.com',
  apple: 'appleid.apple.com',
  twitter: 'api.twitter.com',
} as const;

/**
 * The `SupportedLoginProviders` map: each social provider's domain to its app id.
 * Undefined when none is configured, so the property is omitted.
 */
export function renderSupportedLoginProviders(providers: IdentityPoolAuthenticationProviders): Record<string, string> | undefined {
  const logins: Record<string, string> = {};
  if (providers.amazon) {
    logins[SOCIAL_PROVIDER_NAMES.amazon] = providers.amazon.appId;
  }
  if (providers.facebook) {
    logins[SOCIAL_PROVIDER_NAMES.facebook] = providers.facebook.appId;
  }
  if (providers.google) {
    logins[SOCIAL_PROVIDER_NAMES.google] = providers.google.clientId;
  }
  if (providers.apple) {
    logins[SOCIAL_PROVIDER_NAMES.apple] = providers.apple.servicesId;
  }
  if (providers.twitter) {
    logins[SOCIAL_PROVIDER_NAMES.twitter] = `${providers.twitter.consumerKey};${providers.twitter.consumerSecret}`;
  }
  return Object.keys(logins).length > 0 ? logins : undefined;
}
