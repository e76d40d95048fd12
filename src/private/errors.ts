import { IConstruct } from 'constructs';

/**
 * Throws the library's one kind of configuration error.
 *
 * Every message names the construct path, the property, the rule and the value
 * received, so a mistake reads as one sentence at synth time, e.g.
 * `App/Stack/Pool: identityPoolName must match [\w\s+=,.@-]+ (received: "a/b")`.
 */
export function configError(scope: IConstruct, property: string, rule: string, received: unknown): never {
  throw new Error(configErrorMessage(scope, property, rule, received));
}

/** The message `configError` throws, for validations that report instead of throwing. */
export function configErrorMessage(scope: IConstruct, property: string, rule: string, received: unknown): string {
  return `${describePath(scope)}: ${property} ${rule} (received: ${formatReceived(received)})`;
}

/** A construct's path for messages; the root of a bare stack has an empty path. */
export function describePath(scope: IConstruct): string {
  return scope.node.path || scope.node.id || '<root>';
}

function formatReceived(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (value === undefined) {
    return 'undefined';
  }
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
