import type { IPostProcessor, IResolvable, IResolveContext } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { DefaultTokenResolver, Reference, Stack, StringConcat, Tokenization } from '../cdk/bindings';
import { produceOnce } from '../values/produce-once';

type Json = any;

/**
 * Resolves tokens the way `stack.resolve` does, except that a reference to an attribute of a
 * construct (what L2 attributes such as `role.roleName`, `role.roleArn` or `policy.ref` render to:
 * a `Ref` or `Fn::GetAtt` of a resource of the app) stays a string naming its target,
 * `\0<attribute> of <construct path>`, instead of becoming `{ "Ref": <logical id> }`.
 *
 * Rules that only ask "does this list name that role?" need no logical ids, and computing one is
 * what a reference costs: aws-cdk-lib does not cache logical ids, so every `Ref` resolved hashes
 * its construct path again. Both sides of such a comparison must be read through here.
 */
class ReferenceTargetResolver extends DefaultTokenResolver {
  public constructor() {
    super(new StringConcat());
  }

  public resolveToken(token: IResolvable, context: IResolveContext, postProcessor: IPostProcessor): Json {
    if (Reference.isReference(token)) {
      return referenceKey(token.target, token.displayName);
    }
    return super.resolveToken(token, context, postProcessor);
  }
}

const RESOLVER = new ReferenceTargetResolver();

/** The key a reference to `attribute` of `target` resolves to (see `resolveReferenceTargets`). */
export function referenceKey(target: IConstruct, attribute: string): string {
  return `\0${attribute} of ${target.node.path}`;
}

/**
 * `value` resolved in the stack of `scope`, with references left as their targets (see
 * `ReferenceTargetResolver`); `undefined` when it cannot be resolved.
 */
export function resolveReferenceTargets(scope: IConstruct, value: Json): Json {
  try {
    // Stryker disable next-line BooleanLiteral: `preparing` only matters to a reference resolved across stacks, and RESOLVER resolves no reference
    return referenceList(scope, value) ?? Tokenization.resolve(value, { scope: Stack.of(scope), resolver: RESOLVER, preparing: false });
    // Stryker disable next-line BlockStatement: an empty catch returns undefined too
  } catch {
    return undefined;
  }
}

/**
 * The common shapes, read without aws-cdk-lib's resolver: a string that is one reference
 * (`role.roleName`), or a list of such strings, concrete or a list token whose producer returns
 * them (the `roles` an `iam.Policy` renders). Undefined for anything else, which is resolved.
 */
function referenceList(scope: IConstruct, value: Json): Json {
  const single = referenceKeyOf(value);
  // The fast path answers as the resolver would (both give RESOLVER's keys), so its shortcuts are equivalent mutants:
  // Stryker disable next-line ConditionalExpression,LogicalOperator,BlockStatement: the value then goes on to the resolver, which gives the same
  if (single !== undefined || !Array.isArray(value)) {
    return single;
  }
  const list = Tokenization.reverseList(value);
  const items = list === undefined ? value : produceOnce(list, scope);
  if (items === undefined) {
    return [];
  }
  if (!Array.isArray(items)) {
    return undefined;
  }
  const keys = items.map(referenceKeyOf);
  // Stryker disable next-line ConditionalExpression,ArrowFunction: undefined sends the list to the resolver, which gives the same keys
  return keys.every(key => key !== undefined) ? keys : undefined;
}

/** The key of a string that is exactly one reference token; undefined for anything else. */
function referenceKeyOf(value: Json): string | undefined {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: a shortcut; reverse finds no reference in what is not a string here
  if (typeof value !== 'string') {
    return undefined;
  }
  // Stryker disable next-line MethodExpression: without the reverse, nothing is a reference and the resolver gives the same keys
  const token = Tokenization.reverse(value, { failConcat: false });
  // Stryker disable next-line ConditionalExpression: isReference(undefined) is false
  return token !== undefined && Reference.isReference(token) ? referenceKey(token.target, token.displayName) : undefined;
}
