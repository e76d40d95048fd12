import { Token } from '../../cdk/bindings';
import { configErrorMessage } from '../../messages/errors';
import {
  configuredProviderNames, providerMatcher, unconfiguredProviderRule, USER_POOL_TYPE, userPoolProviderNames,
} from '../../values/provider-names';
import { definedPoolSettings } from '../facts';
import type { Finding } from '../finding';
import { errorAt } from '../finding';
import type { TreeIndex } from '../tree-index';
import { mappedUserPool, ownerPath } from '../tree-index';

/**
 * Each mapping of a pool defined in the app names a provider the pool is configured with, once
 * every provider has been added: its concrete URL matches one of the configured names (the
 * social providers' domains, `<providerName>:<clientId>` of each user pool provider, each
 * OpenID Connect issuer, each SAML provider's ARN, the developer provider name; a configured
 * name with tokens matches any URL its literal parts allow). A token URL is judged only when it
 * names an app client defined in the app (`IdentityPoolProviderUrl.userPool(userPool, client)`)
 * and every user pool provider of the pool names one too: one of them must be that client.
 * Other token URLs cannot be judged and pass.
 */
export function checkProvidersConfigured(index: TreeIndex): Finding[] {
  const findings: Finding[] = [];
  for (const attachment of index.attachments) {
    const facts = definedPoolSettings(attachment._identityPool);
    if (facts === undefined) {
      continue;
    }
    const userPoolNames = userPoolProviderNames(facts);
    const names = configuredProviderNames(facts, userPoolNames);
    const matchers = names.map(name => providerMatcher(name, userPoolNames.includes(name)));
    const describe = (name: string): string | undefined => {
      const client = userPoolNames.includes(name) ? mappedUserPool(name, index)?.client : undefined;
      return client === undefined ? undefined : `the user pool and app client ${ownerPath(client)}`;
    };
    attachment._roleMappings.forEach((mapping, position) => {
      const url = mapping.providerUrl.value;
      if (!Token.isUnresolved(url)) {
        if (!matchers.some(matches => matches(url))) {
          findings.push(errorAt(attachment, configErrorMessage(`roleMappings[${position}].providerUrl`, unconfiguredProviderRule(facts, describe), url)));
        }
        return;
      }
      const client = (mapping.providerUrl.type as string) === USER_POOL_TYPE && !userPoolNames.includes(url)
        ? mappedUserPool(url, index)?.client
        : undefined;
      if (client === undefined) {
        return;
      }
      const configured = facts.userPoolProviderEntries.map(provider => index.clients.get(provider.clientId));
      if (!configured.includes(client) && !configured.includes(undefined)) {
        findings.push(errorAt(attachment, configErrorMessage(`roleMappings[${position}].providerUrl`, unconfiguredProviderRule(facts, describe),
          `the user pool and app client ${ownerPath(client)}`)));
      }
    });
  }
  return findings;
}
