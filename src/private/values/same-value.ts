import type { IConstruct } from 'constructs';
import { Stack, Token } from '../cdk/bindings';

/**
 * Whether two strings are the same value: equal, or tokens that resolve alike (a user pool's
 * provider name read twice is one token string, but one built by hand is another).
 */
export function sameValue(scope: IConstruct, a: string, b: string): boolean {
  if (a === b) {
    return true;
  }
  // Stryker disable next-line ConditionalExpression,BlockStatement: a shortcut; two concrete strings resolve to themselves
  if (!Token.isUnresolved(a) && !Token.isUnresolved(b)) {
    return false;
  }
  const stack = Stack.of(scope);
  return JSON.stringify(stack.resolve(a)) === JSON.stringify(stack.resolve(b));
}
