import type { IConstruct } from 'constructs';
import { CfnIdentityPool } from '../../cdk/bindings';
import { MAX_TAGS, RESERVED_TAG_PREFIX, RESERVED_TAG_RULE, TAG_KEY, TAG_PATTERN_TEXT, TAG_VALUE } from '../../construct-time/pool-validation';
import { configErrorMessage } from '../../messages/errors';
import { stringError } from '../../values/validate';
import type { Finding } from '../finding';
import { errorAt } from '../finding';
import type { TreeIndex } from '../tree-index';

/**
 * Tags reach the pool through `Tags.of(...)`, an aspect, so they are checked at validation time:
 * the pool's L1 renders them as `IdentityPoolTags`. An imported pool has no L1 of its own.
 */
export function checkPoolTags(index: TreeIndex): Finding[] {
  return index.pools.flatMap(pool => tagErrors(pool).map(message => errorAt(pool, message)));
}

function tagErrors(pool: IConstruct): string[] {
  const resource = pool.node.tryFindChild('Resource');
  if (!(resource instanceof CfnIdentityPool)) {
    return [];
  }
  const tags = Object.entries(resource.cdkTagManager.tagValues());
  const errors: string[] = [];
  if (tags.length > MAX_TAGS) {
    errors.push(configErrorMessage('tags', `must number at most ${MAX_TAGS} on an identity pool`, tags.length));
  }
  for (const [key, value] of tags) {
    if (stringError(key, TAG_KEY)) {
      errors.push(configErrorMessage('tags', `must have keys of ${TAG_KEY.min}-${TAG_KEY.max} characters matching ${TAG_PATTERN_TEXT}`, key));
    } else if (RESERVED_TAG_PREFIX.test(key)) {
      errors.push(configErrorMessage('tags', RESERVED_TAG_RULE, key));
    }
    const valueError = stringError(value, TAG_VALUE);
    if (valueError) {
      errors.push(configErrorMessage(`tags[${JSON.stringify(key)}]`, valueError, value));
    }
  }
  return errors;
}
