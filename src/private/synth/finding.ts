import type { IConstruct } from 'constructs';

/**
 * What a synth rule found: an error (synthesis fails, printed with the path of `scope`) or an
 * acknowledgeable warning with its id, on `scope`.
 */
export interface Finding {
  readonly scope: IConstruct;
  readonly level: 'error' | 'warning';
  /** The warning's id, `cdk-identity-pool:<name>`; errors have none. */
  readonly warningId?: string;
  /** The message, without the construct path (aws-cdk-lib prints it). */
  readonly message: string;
}

/** An error on the construct. */
export function errorAt(scope: IConstruct, message: string): Finding {
  return { scope, level: 'error', message };
}

/** An acknowledgeable warning on the construct. */
export function warningAt(scope: IConstruct, warningId: string, message: string): Finding {
  return { scope, level: 'warning', warningId, message };
}
