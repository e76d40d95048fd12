import type { IConstruct } from 'constructs';

/**
 * Throws the library's one kind of configuration error.
 *
 * Every message names the construct path, the property, the rule and the value
 * received, so a mistake reads as one sentence, thrown where the user's code passed the value,
 * e.g. `App/Stack/Pool: identityPoolName must match [\w\s+=,.@-]+ (received: "a/b")`.
 * The property is named as the caller's language spells it (see `apiName`).
 */
export function configError(scope: IConstruct, property: string, rule: string, received: unknown): never {
  throw new Error(`${describePath(scope)}: ${configErrorMessage(property, rule, received)}`);
}

/**
 * The message of a failed validation, for a construct's `node.addValidation`: like
 * `configError`'s, without the path, since aws-cdk-lib prints the validated construct's path
 * before each message (`[App/Stack/Pool/DefaultRoleAttachment] roleMappings[0]...`).
 */
export function configErrorMessage(property: string, rule: string, received: unknown): string {
  return `${apiName(property)} ${rule} (received: ${formatReceived(received)})`;
}

/** A construct's path for messages; the root of a bare stack has an empty path. */
export function describePath(scope: IConstruct): string {
  return scope.node.path || scope.node.id || '<root>';
}

/** The languages jsii generates this library for, and JavaScript (TypeScript) itself. */
export type CallerLanguage = 'javascript' | 'python' | 'java' | 'dotnet' | 'go';

/**
 * The language of the program that uses this library. The jsii runtime of each language starts
 * the node process this code runs in with `JSII_AGENT` set: `Python/3.12.1`, `Java/17.0.9`,
 * `DotNet/8.0.1/...`, `go1.22.0/linux/amd64`; plain node (JavaScript, TypeScript) has none.
 */
// Stryker disable next-line StringLiteral: any other text without a language name, as the empty agent, means JavaScript
export function callerLanguage(agent: string = process.env.JSII_AGENT ?? ''): CallerLanguage {
  if (/^python\//i.test(agent)) {
    return 'python';
  }
  if (/^java\//i.test(agent)) {
    return 'java';
  }
  if (/^dotnet\//i.test(agent)) {
    return 'dotnet';
  }
  if (/^go\d/i.test(agent)) {
    return 'go';
  }
  return 'javascript';
}

/**
 * A property path or member name, as the caller's language spells it: `roleMappings[0].providerUrl`
 * and `addRoleMappings` stay as they are in JavaScript and Java, become
 * `role_mappings[0].provider_url` and `add_role_mappings` in Python (jsii's snake case), and
 * `RoleMappings[0].ProviderUrl`, `AddRoleMappings` in C# and Go. Only names change: what stands
 * in brackets (an index, a quoted tag key) and any other text are kept as they are.
 */
export function apiName(name: string, language: CallerLanguage = callerLanguage()): string {
  const convert = NAME_CONVERSIONS[language];
  if (convert === undefined) {
    return name;
  }
  let result = '';
  let index = 0;
  while (index < name.length) {
    const character = name[index];
    if (character === '[') {
      const end = closingBracket(name, index);
      result += name.slice(index, end);
      index = end;
      continue;
    }
    const identifier = IDENTIFIER.exec(name.slice(index));
    if (identifier !== null) {
      result += convert(identifier[0]);
      index += identifier[0].length;
      continue;
    }
    result += character;
    index += 1;
  }
  return result;
}

/**
 * A constructor call in the caller's language, for messages that tell users what to write:
 * `new IdentityPoolPrincipal(pool)` in JavaScript, Java and C#, `IdentityPoolPrincipal(pool)` in
 * Python.
 */
export function constructorCall(className: string, args: string, language: CallerLanguage = callerLanguage()): string {
  return language === 'python' ? `${className}(${args})` : `new ${className}(${args})`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*/;

const NAME_CONVERSIONS: Partial<Record<CallerLanguage, (identifier: string) => string>> = {
  python: snakeCase,
  dotnet: pascalCase,
  go: pascalCase,
};

/** jsii's Python spelling of a camelCase name: `openIdConnectProviders` -> `open_id_connect_providers`. */
function snakeCase(identifier: string): string {
  return identifier
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    // An acronym ends before its last capital when a lowercase letter or digit follows: IDConnect -> ID_Connect.
    .replace(/([A-Z])([A-Z][a-z\d])/g, '$1_$2')
    .toLowerCase();
}

function pascalCase(identifier: string): string {
  return identifier.charAt(0).toUpperCase() + identifier.slice(1);
}

/** The index just past the `]` that closes the `[` at `start`; a quoted key may hold brackets. */
function closingBracket(text: string, start: number): number {
  let index = start + 1;
  // Stryker disable next-line EqualityOperator: one step past the end reads no ], and the result is clamped to the length
  while (index < text.length && text[index] !== ']') {
    if (text[index] === '"') {
      index += 1;
      // Stryker disable next-line EqualityOperator: one step past the end reads no quote, and the result is clamped to the length
      while (index < text.length && text[index] !== '"') {
        index += text[index] === '\\' ? 2 : 1;
      }
    }
    index += 1;
  }
  return Math.min(index + 1, text.length);
}

/** A value as JSON; `undefined` (which JSON cannot hold) and values JSON cannot encode as text. */
function formatReceived(value: unknown): string {
  try {
    return String(JSON.stringify(value));
  } catch {
    return String(value);
  }
}
