import { TAG_CHARACTERS } from './validate';
import { Token } from '../cdk/bindings';

/** AWS's tag alphabet, 1-128 characters: what a principal tag key, and so `${aws:PrincipalTag/<key>}`, may hold. */
export const TAG_KEY = new RegExp(`^${TAG_CHARACTERS}{1,128}$`, 'u');

/**
 * Checks a concrete principal tag key named in a policy variable; a token passes. Static
 * factories have no construct, so the message names the property, the rule and the value.
 */
export function checkPrincipalTagKey(property: string, tagKey: string): void {
  if (Token.isUnresolved(tagKey)) {
    return;
  }
  if (typeof tagKey !== 'string' || !TAG_KEY.test(tagKey)) {
    throw new Error(`${property} must be a principal tag key of 1-128 letters, digits, spaces or _.:/=+-@ `
      + `(received: ${JSON.stringify(tagKey)})`);
  }
}
