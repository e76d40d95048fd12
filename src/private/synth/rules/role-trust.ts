import type { IdentityPoolRoleMapping } from '../../../role-mapping';
import type { AttachmentFacts, RoleUse } from '../facts';
import { definedPoolSettings } from '../facts';
import type { Finding } from '../finding';
import type { TreeIndex } from '../tree-index';
import { checkRoleTrust } from '../trust/trust-check';
import { groupRoleUses } from '../user-pool-checks';

/**
 * `cdk-identity-pool:roleTrust` on the roles a pool hands out: every role defined in the app that
 * a role attachment names (default roles, mapped roles of Rules mappings, and the roles of the
 * user pool groups a Token mapping takes roles from) and every role a pool imported with its
 * roles names must trust the pool (`trust/trust-check.ts` says how), and allow
 * `sts:TagSession` when the pool passes principal tags (a principal tag L1 for it, the
 * library's or raw, is in the tree). Warnings go on the attachment, or on an imported pool's
 * `RoleTrust` child.
 */
export function checkRolesTrustPools(index: TreeIndex): Finding[] {
  const findings: Finding[] = [];
  for (const attachment of index.attachments) {
    const pool = attachment._identityPool;
    const classicFlow = definedPoolSettings(pool)?.allowClassicFlow === true;
    const sessionTags = index.principalTagsByPoolId.has(pool.identityPoolId);
    findings.push(...checkRoleTrust(attachment, pool, rolesHandedOut(index, attachment), classicFlow, sessionTags));
  }
  for (const pool of index.pools) {
    const imported = pool._importedRoles;
    if (imported !== undefined) {
      findings.push(...checkRoleTrust(imported.target, pool, imported.uses, false, index.principalTagsByPoolId.has(pool.identityPoolId)));
    }
  }
  return findings;
}

function attachmentRoleUses(attachment: AttachmentFacts, mappings: readonly IdentityPoolRoleMapping[]): RoleUse[] {
  const uses: RoleUse[] = [];
  if (attachment._authenticatedRole) {
    uses.push({ role: attachment._authenticatedRole, description: 'authenticated default role', identityType: 'authenticated' });
  }
  if (attachment._unauthenticatedRole) {
    uses.push({ role: attachment._unauthenticatedRole, description: 'unauthenticated default role', identityType: 'unauthenticated' });
  }
  mappings.forEach((mapping, index) => (mapping.useToken ? [] : mapping.rules ?? []).forEach((rule, ruleIndex) =>
    uses.push({ role: rule.mappedRole, description: `mapped role of roleMappings[${index}].rules[${ruleIndex}]`, identityType: 'authenticated' })));
  return uses;
}

/** The roles an attachment hands out that are named in the app. */
export function rolesHandedOut(index: TreeIndex, attachment: AttachmentFacts): RoleUse[] {
  const facts = definedPoolSettings(attachment._identityPool);
  const mappings = attachment._roleMappings;
  return [...attachmentRoleUses(attachment, mappings), ...groupRoleUses(index, mappings, facts?.userPoolProviders ?? [])];
}
