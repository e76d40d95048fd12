import type { CfnIdentityPoolPrincipalTag } from 'aws-cdk-lib/aws-cognito';
import { Token } from '../../cdk/bindings';
import { configErrorMessage } from '../../messages/errors';
import type { Finding } from '../finding';
import { errorAt } from '../finding';
import type { TreeIndex } from '../tree-index';

/**
 * A grant keyed by a principal tag (`OwnerKey.principalTag`) needs a principal tag mapping of
 * its pool that passes the tag: the library's `IdentityPoolPrincipalTags` or a raw
 * `CfnIdentityPoolPrincipalTag`, read from the tree, since mappings can be added after the
 * grant. Judged for pools defined in the app, and for imported pools with a mapping in the app.
 * A mapping that uses its provider's defaults, or whose tags are tokens, passes every key:
 * which keys those are, the library does not know.
 */
export function checkOwnerKeyTags(index: TreeIndex): Finding[] {
  const findings: Finding[] = [];
  for (const pool of index.pools) {
    // Stryker disable next-line ConditionalExpression,BlockStatement: an early exit; without it the loop over no uses finds nothing
    if (pool._ownerKeyUses.length === 0) {
      continue;
    }
    const mappings = index.principalTagsByPoolId.get(pool.identityPoolId);
    if (mappings === undefined && pool._settings === undefined) {
      continue;
    }
    const passed = passedTags(mappings ?? []);
    for (const use of pool._ownerKeyUses) {
      if (passed === 'any' || passed.has(use.tagKey)) {
        continue;
      }
      const known = passed.size === 0 ? 'it passes none' : `it passes ${[...passed].join(', ')}`;
      findings.push(errorAt(pool, configErrorMessage(`${use.method} ownerKey`,
        `must name a principal tag that a principal tag mapping of this identity pool passes (addPrincipalTags), but ${known}`, use.tagKey)));
    }
  }
  return findings;
}

/** The tag keys the mappings pass, or `any` when one passes keys the library cannot know. */
function passedTags(mappings: readonly CfnIdentityPoolPrincipalTag[]): Set<string> | 'any' {
  const keys = new Set<string>();
  for (const mapping of mappings) {
    const tags = mapping.principalTags;
    const useDefaults = mapping.useDefaults;
    const hasTags = tags !== undefined && tags !== null && (Token.isUnresolved(tags) || Object.keys(tags).length > 0);
    if (Token.isUnresolved(useDefaults) || useDefaults === true || (useDefaults === undefined && !hasTags) || Token.isUnresolved(tags)) {
      return 'any';
    }
    Object.keys(tags ?? {}).forEach(key => keys.add(key));
  }
  return keys;
}
