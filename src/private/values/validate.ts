import type { IConstruct } from 'constructs';
import { Token } from '../cdk/bindings';
import { configError } from '../messages/errors';

/**
 * AWS's tag alphabet, as a character class: letters, separators such as spaces, digits and
 * `_.:/=+-@`. Pool tags, principal tag keys and so `${aws:PrincipalTag/<key>}` use it.
 */
export const TAG_CHARACTERS = '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]';

/** A length and character rule for one string property. */
export interface StringRule {
  /** Fewest characters allowed. */
  readonly min: number;
  /** Most characters allowed. */
  readonly max: number;
  /** Whole-value pattern, anchored by the check. */
  readonly pattern?: RegExp;
  /** The pattern as users read it in messages, e.g. `[\w\s+=,.@-]+`. */
  readonly patternText?: string;
}

/**
 * Checks a concrete string against a rule; tokens and absent values pass,
 * since neither can be judged before deploy.
 */
export function checkString(scope: IConstruct, property: string, value: string | undefined, rule: StringRule): void {
  const error = value === undefined ? undefined : stringError(value, rule);
  if (error !== undefined) {
    configError(scope, property, error, value);
  }
}

/** The rule a concrete string breaks, as a message says it; undefined for tokens and good values. */
export function stringError(value: string, rule: StringRule): string | undefined {
  if (Token.isUnresolved(value)) {
    return undefined;
  }
  if (value.length < rule.min || value.length > rule.max) {
    return `must be ${rule.min}-${rule.max} characters long, got ${value.length}`;
  }
  return rule.pattern && !rule.pattern.test(value) ? `must match ${rule.patternText ?? rule.pattern.source}` : undefined;
}
