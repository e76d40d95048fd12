import { definedPoolSettings } from '../facts';
import type { Finding } from '../finding';
import type { TreeIndex } from '../tree-index';
import { userWritableClaimFindings } from '../user-pool-checks';

/**
 * `cdk-identity-pool:userWritableClaim`: a rule of a Rules mapping on a user pool defined in the
 * app tests an attribute that the users of the mapped app client can write themselves.
 */
export function checkUserWritableClaims(index: TreeIndex): Finding[] {
  return index.attachments.flatMap(attachment => userWritableClaimFindings(
    attachment, index, attachment._roleMappings, definedPoolSettings(attachment._identityPool)?.userPoolProviders ?? []));
}
