import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { configError } from './errors';

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
  if (value === undefined || Token.isUnresolved(value)) {
    return;
  }
  if (value.length < rule.min || value.length > rule.max) {
    configError(scope, property, `must be ${rule.min}-${rule.max} characters long, got ${value.length}`, value);
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    configError(scope, property, `must match ${rule.patternText ?? rule.pattern.source}`, value);
  }
}

/** Builds an anchored RegExp for `StringRule.pattern` from the pattern users read. */
export function whole(patternText: string): RegExp {
  return new RegExp(`^(?:${patternText})$`, 'u');
}
