import type { IConstruct } from 'constructs';
import { Stack } from '../../cdk/bindings';
import { apiName } from '../../messages/errors';
import type { Finding } from '../finding';
import { errorAt } from '../finding';
import type { TreeIndex } from '../tree-index';
import { ownerPath } from '../tree-index';

/**
 * Cognito keeps one roles configuration per identity pool: a second role attachment (the
 * library's or a raw `CfnIdentityPoolRoleAttachment`) for the same pool fails, on the second,
 * naming the first. Pools are compared by the string of their id (a token id is the same token
 * string wherever it is used); messages name the pool by its construct when it is defined in
 * the app, else show its resolved id.
 */
export function checkOneAttachmentPerPool(index: TreeIndex): Finding[] {
  const findings: Finding[] = [];
  const byPool = new Map<string, IConstruct>();
  for (const attachment of index.cfnAttachments) {
    const poolId = attachment.identityPoolId;
    const first = byPool.get(poolId);
    if (first === undefined) {
      byPool.set(poolId, attachment);
      continue;
    }
    const pool = index.cfnPoolsByRef.get(poolId);
    const received = pool !== undefined
      ? `the identity pool ${ownerPath(pool)}`
      : `${apiName('identityPoolId')} ${JSON.stringify(Stack.of(attachment).resolve(poolId))}`;
    findings.push(errorAt(owner(attachment),
      `an identity pool has exactly one role attachment, and ${ownerPath(first)} already configures this pool `
      + `(received a second attachment for ${received}); `
      + `add role mappings to the first with ${apiName('addRoleMappings')} instead`));
  }
  return findings;
}

/** The library's attachment that renders the L1, else the L1 itself. */
function owner(resource: IConstruct): IConstruct {
  const scope = resource.node.scope;
  // Stryker disable next-line ConditionalExpression: a resource always has a scope; the guard is for the type checker
  return resource.node.id === 'Resource' && scope !== undefined && scope.node.defaultChild === resource ? scope : resource;
}
