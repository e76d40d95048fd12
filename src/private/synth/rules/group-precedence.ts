import { definedPoolSettings } from '../facts';
import type { Finding } from '../finding';
import type { TreeIndex } from '../tree-index';
import { equalPrecedenceFindings } from '../user-pool-checks';

/**
 * `cdk-identity-pool:groupPrecedence`: two groups of a user pool whose roles a Token mapping
 * hands out share a precedence but not a role, so their common members get no preferred role.
 */
export function checkGroupPrecedence(index: TreeIndex): Finding[] {
  return index.attachments.flatMap(attachment => equalPrecedenceFindings(
    attachment, index, attachment._roleMappings, definedPoolSettings(attachment._identityPool)?.userPoolProviders ?? []));
}
