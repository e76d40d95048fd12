import type { IResolvable } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * What a token's producer gives, one level down (a `Lazy.list` of pool ids built before the
 * pools, the `roles` an `iam.Policy` renders): the context resolves nothing further, so the items
 * stay the token strings they are, and callers can compare them without resolving anything, and
 * without computing a logical id.
 */
export function produceOnce(resolvable: IResolvable, scope: IConstruct): unknown {
  return resolvable.resolve({
    scope,
    preparing: false,
    documentPath: [],
    resolve: (inner: unknown) => inner,
    registerPostProcessor: () => undefined,
  });
}
