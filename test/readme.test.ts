import * as fs from 'fs';
import * as path from 'path';
import type { Stack } from 'aws-cdk-lib';
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as ts from 'typescript';
import * as library from '../src';

// Every TypeScript snippet of the README runs: jsii-rosetta (strict) proves each one compiles with
// rosetta/default.ts-fixture around it; this test runs each one, the same way, inside a stack,
// and synthesizes it. An example that maps a provider its pool never configures, or uses one
// construct id twice, fails here as it would in a user's app.
//
// How a snippet runs, as rosetta compiles it: its imports are hoisted above the fixture, the rest
// replaces the fixture's `/// here`; `cdk-identity-pool` is this repository's src/. The fixture's
// global names (`cdk`, `iam`, ...) are declarations, with no value at run time, so they are given
// the values of the modules the fixture imports. A `declare const name: Type;` of the snippet
// becomes a real value made by DECLARED_VALUES below: a snippet that declares a type not there
// fails, naming it, until a maker is added.

const ROOT = path.join(__dirname, '..');
const README = path.join(ROOT, 'README.md');
const FIXTURE = path.join(ROOT, 'rosetta', 'default.ts-fixture');
const LIBRARY = 'cdk-identity-pool';

/** One ```ts block of the README. */
interface Snippet {
  /** The line of its opening fence, as jsii-rosetta reports it. */
  readonly line: number;
  readonly source: string;
}

function readmeSnippets(markdown: string): Snippet[] {
  const snippets: Snippet[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    if (lines[index].trim() !== '```ts') {
      continue;
    }
    const end = lines.findIndex((line, at) => at > index && line.trim() === '```');
    if (end < 0) {
      throw new Error(`README.md line ${index + 1}: a \`\`\`ts block that never closes`);
    }
    snippets.push({ line: index + 1, source: lines.slice(index + 1, end).join('\n') });
    index = end;
  }
  return snippets;
}

/**
 * The values a snippet may declare (`declare const table: dynamodb.Table;`), by the type it gives:
 * made in the snippet's stack, with the declared name as construct id. Importers stand in where a
 * snippet only passes the value on (an interface is all it needs at run time).
 */
type Maker = (scope: Stack, id: string) => unknown;

/** A module the snippet or the fixture imports, by name; `cdk-identity-pool` is src/. */
function loadModule(name: string): any {
  // The names come from the snippets and the fixture, so they are only known at run time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return name === LIBRARY ? library : require(name);
}

const role: Maker = (scope, id) => new iam.Role(scope, id, { assumedBy: new iam.AccountRootPrincipal() });
const userPool: Maker = (scope, id) => new cognito.UserPool(scope, id);
const identityPool: Maker = (scope, id) => new library.IdentityPool(scope, id);

const DECLARED_VALUES: Record<string, Maker> = {
  'dynamodb.Table': (scope, id) => new dynamodb.Table(scope, id, { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } }),
  'dynamodb.ITable': (scope, id) => dynamodb.Table.fromTableName(scope, id, 'declared-table'),
  's3.Bucket': (scope, id) => new s3.Bucket(scope, id),
  's3.IBucket': (scope, id) => s3.Bucket.fromBucketName(scope, id, 'declared-bucket'),
  'iam.Role': role,
  'iam.IRole': role,
  'iam.IGrantable': role,
  'iam.IPrincipal': role,
  'iam.IManagedPolicy': (scope, id) => iam.ManagedPolicy.fromManagedPolicyName(scope, id, 'declared-boundary'),
  'iam.OpenIdConnectProvider': (scope, id) =>
    iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(scope, id, 'arn:aws:iam::123456789012:oidc-provider/oidc.example.com'),
  'iam.IOpenIdConnectProvider': (scope, id) =>
    iam.OpenIdConnectProvider.fromOpenIdConnectProviderArn(scope, id, 'arn:aws:iam::123456789012:oidc-provider/oidc.example.com'),
  'iam.SamlProvider': (scope, id) => iam.SamlProvider.fromSamlProviderArn(scope, id, 'arn:aws:iam::123456789012:saml-provider/corp'),
  'iam.ISamlProvider': (scope, id) => iam.SamlProvider.fromSamlProviderArn(scope, id, 'arn:aws:iam::123456789012:saml-provider/corp'),
  'cognito.UserPool': userPool,
  'cognito.IUserPool': userPool,
  'cognito.UserPoolClient': (scope, id) => new cognito.UserPool(scope, `${id}UserPool`).addClient(id),
  'cognito.IUserPoolClient': (scope, id) => new cognito.UserPool(scope, `${id}UserPool`).addClient(id),
  'lambda.Function': (scope, id) => lambda.Function.fromFunctionArn(scope, id, 'arn:aws:lambda:us-east-1:123456789012:function:declared'),
  'lambda.IFunction': (scope, id) => lambda.Function.fromFunctionArn(scope, id, 'arn:aws:lambda:us-east-1:123456789012:function:declared'),
  'sns.ITopic': (scope, id) => sns.Topic.fromTopicArn(scope, id, 'arn:aws:sns:us-east-1:123456789012:declared'),
  'IdentityPool': identityPool,
  'IIdentityPool': identityPool,
};

/** The fixture's global names, each with its value: `cdk` -> aws-cdk-lib, `Stack` -> aws-cdk-lib's Stack. */
function fixtureGlobals(fixture: string): Map<string, unknown> {
  const modules = new Map<string, string>();
  for (const [, alias, module] of fixture.matchAll(/^import \* as (\w+) from '([^']+)';/gm)) {
    modules.set(alias, module);
  }
  const globals = new Map<string, unknown>();
  for (const [, name, alias, member] of fixture.matchAll(/^\s*export import (\w+) = (\w+)(?:\.(\w+))?;/gm)) {
    const module = modules.get(alias);
    if (module === undefined) {
      throw new Error(`${FIXTURE}: ${name} names ${alias}, which the fixture does not import`);
    }
    const value = loadModule(module);
    globals.set(name, member === undefined ? value : value[member]);
  }
  return globals;
}

const IMPORT = /^import\s[\s\S]*?\sfrom\s+'[^']+';[ \t]*$/gm;
const DECLARE = /^declare const (\w+): ([^;]+);[ \t]*$/gm;

/**
 * The snippet as one TypeScript module: its imports hoisted above the fixture, the rest in place
 * of `/// here`, each `declare const` given a value, and the fixture's class exported.
 */
function snippetModule(fixture: string, snippet: Snippet): { source: string; declared: Array<{ name: string; type: string }> } {
  if (!fixture.includes('/// here')) {
    throw new Error(`${FIXTURE} has no \`/// here\` line`);
  }
  const imports = snippet.source.match(IMPORT) ?? [];
  const declared = [...snippet.source.matchAll(DECLARE)].map(([, name, type]) => ({ name, type: type.trim() }));
  const body = snippet.source
    .replace(IMPORT, '')
    .replace(DECLARE, (_declaration, name: string, type: string) => `const ${name} = __declared(this, ${JSON.stringify(name)}, ${JSON.stringify(type.trim())});`);
  const source = [...imports, fixture.replace('/// here', body), 'module.exports = Fixture;'].join('\n');
  return { source, declared };
}

/** The names a snippet's imports declare: `import * as x`, `import x from`, `import { a, b as c }`. */
function importedNames(source: string): Set<string> {
  const names = new Set<string>();
  for (const statement of source.match(IMPORT) ?? []) {
    const clause = /^import\s+([\s\S]*?)\s+from\s/.exec(statement)?.[1] ?? '';
    for (const [, name] of clause.matchAll(/\*\s+as\s+(\w+)/g)) {
      names.add(name);
    }
    for (const [, list] of clause.matchAll(/\{([^}]*)\}/g)) {
      list.split(',').map(part => part.trim().split(/\s+as\s+/).pop()!).filter(Boolean).forEach(name => names.add(name));
    }
    const defaultName = /^(\w+)\s*(,|$)/.exec(clause)?.[1];
    if (defaultName !== undefined) {
      names.add(defaultName);
    }
  }
  return names;
}

/** Transpiles and runs the module, whose `cdk-identity-pool` is src/, and returns the fixture's class. */
function loadFixtureClass(source: string, snippet: Snippet, globals: Map<string, unknown>): new (scope: App, id: string) => Stack {
  const output = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: `README.md line ${snippet.line}.ts`,
    reportDiagnostics: true,
  });
  const syntaxErrors = (output.diagnostics ?? []).map(diagnostic => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  if (syntaxErrors.length > 0) {
    throw new Error(`README.md line ${snippet.line} does not parse: ${syntaxErrors.join('; ')}`);
  }
  const requireInSnippet = (name: string): unknown => loadModule(name);
  const declaredValue = (scope: Stack, name: string, type: string): unknown => {
    const make = DECLARED_VALUES[type];
    if (make === undefined) {
      throw new Error(`README.md line ${snippet.line} declares ${name}: ${type}, which test/readme.test.ts cannot make yet: `
        + 'add a maker for it to DECLARED_VALUES');
    }
    return make(scope, name);
  };
  const module: { exports: any } = { exports: {} };
  // A snippet's own import shadows the fixture's global of the same name (as in rosetta's compile).
  const imported = importedNames(snippet.source);
  const visible = [...globals].filter(([name]) => !imported.has(name));
  // `Function` is jest's own (the test's realm), so the snippet's objects and aws-cdk-lib's agree.
  const run = new Function('require', 'module', 'exports', '__declared', ...visible.map(([name]) => name), output.outputText);
  run(requireInSnippet, module, module.exports, declaredValue, ...visible.map(([, value]) => value));
  return module.exports;
}

const fixture = fs.readFileSync(FIXTURE, 'utf-8');
const snippets = readmeSnippets(fs.readFileSync(README, 'utf-8'));

describe('README snippets', () => {
  test('are found: the README has TypeScript examples', () => {
    expect(snippets.length).toBeGreaterThan(10);
  });

  test.each(snippets.map(snippet => [snippet.line, snippet] as const))('README.md line %i synthesizes inside a stack', (_line, snippet) => {
    // GIVEN
    const { source } = snippetModule(fixture, snippet);
    const Fixture = loadFixtureClass(source, snippet, fixtureGlobals(fixture));
    const app = new App();

    // WHEN
    const stack = new Fixture(app, 'ReadmeSnippet');
    const template = Template.fromStack(stack);

    // THEN
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
    expect(template.toJSON()).toBeDefined();
  });
});

describe('how a snippet is run', () => {
  const snippet = (source: string): Snippet => ({ line: 1, source });

  test('imports are hoisted above the fixture, the body replaces `/// here`, declarations get values', () => {
    const { source, declared } = snippetModule('class Fixture {\n  constructor() {\n    /// here\n  }\n}', snippet([
      'import { IdentityPool } from \'cdk-identity-pool\';',
      'declare const table: dynamodb.Table;',
      'new IdentityPool(this, \'Pool\');',
    ].join('\n')));
    expect(source).toBe([
      'import { IdentityPool } from \'cdk-identity-pool\';',
      'class Fixture {\n  constructor() {\n    ',
      'const table = __declared(this, "table", "dynamodb.Table");',
      'new IdentityPool(this, \'Pool\');\n  }\n}',
      'module.exports = Fixture;',
    ].join('\n'));
    expect(declared).toEqual([{ name: 'table', type: 'dynamodb.Table' }]);
  });

  test('a snippet that fails in an app fails here: one construct id twice', () => {
    const source = snippetModule(fixture, snippet([
      'import { IdentityPool } from \'cdk-identity-pool\';',
      'IdentityPool.fromIdentityPoolId(this, \'Same\', \'us-east-1:abc\');',
      'IdentityPool.fromIdentityPoolId(this, \'Same\', \'us-east-1:abc\');',
    ].join('\n'))).source;
    const Fixture = loadFixtureClass(source, snippet(''), fixtureGlobals(fixture));
    expect(() => new Fixture(new App(), 'ReadmeSnippet'))
      .toThrow('There is already a Construct with name \'Same\' in Fixture [ReadmeSnippet]');
  });

  test('a mapping for a provider the pool does not configure fails here', () => {
    const source = snippetModule(fixture, snippet([
      'import { IdentityPool, IdentityPoolProviderUrl } from \'cdk-identity-pool\';',
      'new IdentityPool(this, \'Pool\', { roleMappings: [{ providerUrl: IdentityPoolProviderUrl.AMAZON, useToken: true }] });',
    ].join('\n'))).source;
    const Fixture = loadFixtureClass(source, snippet(''), fixtureGlobals(fixture));
    expect(() => new Fixture(new App(), 'ReadmeSnippet')).toThrow('ReadmeSnippet/Pool/DefaultRoleAttachment: roleMappings[0].providerUrl must name');
  });

  test('a declared type with no maker fails, naming it', () => {
    const source = snippetModule(fixture, snippet('declare const queue: sqs.Queue;\nqueue.node;')).source;
    const Fixture = loadFixtureClass(source, snippet(''), fixtureGlobals(fixture));
    expect(() => new Fixture(new App(), 'ReadmeSnippet')).toThrow('README.md line 1 declares queue: sqs.Queue, which test/readme.test.ts cannot make yet');
  });
});
