import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import * as library from '../src';
import { apiName } from '../src/private/messages/errors';
import { STRUCT_KEYS } from '../src/private/shapes/struct-keys';

// The public surface, as the jsii assembly (`.jsii`, written by `npx jsii`) describes it to every
// language: what the package exports, how its methods name their parameters, and their docs.
// `projen build` compiles (jsii) before it tests; run alone, these tests need `npx projen compile`.

const ROOT = path.join(__dirname, '..');

interface Parameter {
  readonly name: string;
  readonly optional?: boolean;
  readonly variadic?: boolean;
  readonly docs?: { readonly summary?: string; readonly remarks?: string };
}

interface Callable {
  readonly name?: string;
  readonly parameters?: Parameter[];
  readonly protected?: boolean;
  readonly docs?: { readonly summary?: string };
}

interface JsiiType {
  readonly kind: 'class' | 'enum' | 'interface';
  readonly fqn: string;
  readonly name: string;
  readonly namespace?: string;
  readonly base?: string;
  readonly interfaces?: string[];
  readonly initializer?: Callable;
  readonly methods?: Callable[];
  readonly properties?: Array<{ readonly name: string }>;
  readonly datatype?: boolean;
}

interface Assembly {
  readonly name: string;
  readonly types: Record<string, JsiiType>;
}

/** Our assembly; a missing or stale one fails, naming the command that writes it. */
function ownAssembly(): Assembly {
  const file = path.join(ROOT, '.jsii');
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: run \`npx projen compile\` (jsii writes it) before this test`);
  }
  const built = fs.statSync(file).mtimeMs;
  const newer = sourceFiles(path.join(ROOT, 'src')).find(source => fs.statSync(source).mtimeMs > built);
  if (newer !== undefined) {
    throw new Error(`${file} is older than ${path.relative(ROOT, newer)}: run \`npx projen compile\` again before this test`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf-8'));
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => entry.isDirectory()
    ? sourceFiles(path.join(dir, entry.name))
    : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []);
}

const dependencies = new Map<string, Assembly>();

/** A dependency's assembly (aws-cdk-lib's is gzipped behind a redirect file). */
function dependencyAssembly(name: string): Assembly {
  let assembly = dependencies.get(name);
  if (assembly === undefined) {
    const dir = path.dirname(require.resolve(`${name}/package.json`, { paths: [ROOT] }));
    let manifest = JSON.parse(fs.readFileSync(path.join(dir, '.jsii'), 'utf-8'));
    if (manifest.schema === 'jsii/file-redirect') {
      const redirected = fs.readFileSync(path.join(dir, manifest.filename));
      manifest = JSON.parse((manifest.compression === 'gzip' ? zlib.gunzipSync(redirected) : redirected).toString('utf-8'));
    }
    assembly = manifest as Assembly;
    dependencies.set(name, assembly);
  }
  return assembly;
}

const own = ownAssembly();

function typeOf(fqn: string): JsiiType {
  const assemblyName = fqn.split('.')[0];
  const type = (assemblyName === own.name ? own : dependencyAssembly(assemblyName)).types[fqn];
  if (type === undefined) {
    throw new Error(`no type ${fqn} in the assembly of ${assemblyName}`);
  }
  return type;
}

/** Every interface a type implements, directly or through its bases and their interfaces. */
function interfacesOf(fqn: string): string[] {
  const type = typeOf(fqn);
  const direct = type.interfaces ?? [];
  return [...new Set([
    ...direct,
    ...direct.flatMap(interfacesOf),
    ...(type.base ? interfacesOf(type.base) : []),
  ])];
}

/** A class's methods by name, its own over inherited ones, with the type that declares each. */
function methodsOf(fqn: string): Map<string, { method: Callable; declaredBy: string }> {
  const type = typeOf(fqn);
  const methods = new Map<string, { method: Callable; declaredBy: string }>();
  const inherited = [...(type.base ? [type.base] : []), ...(type.interfaces ?? [])];
  for (const parent of inherited) {
    for (const [name, entry] of methodsOf(parent)) {
      if (!methods.has(name)) {
        methods.set(name, entry);
      }
    }
  }
  for (const method of type.methods ?? []) {
    methods.set(method.name!, { method, declaredBy: fqn });
  }
  return methods;
}

const parameterNames = (callable: Callable): string => (callable.parameters ?? []).map(parameter => parameter.name).join(', ');

describe('the package exports', () => {
  test('exactly the classes and enums of the jsii assembly: no helper leaks from src/index.ts', () => {
    // GIVEN
    const apiTypes = Object.values(own.types)
      .filter(type => type.kind !== 'interface' && type.namespace === undefined)
      .map(type => type.name)
      .sort();

    // WHEN
    const exported = Object.keys(library).sort();

    // THEN
    expect(apiTypes.length).toBeGreaterThan(0);
    expect(exported).toEqual(apiTypes);
  });

  test('the assembly is the package\'s own, and the test reads the current one', () => {
    expect(own.name).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')).name);
    expect(Object.keys(own.types)).toContain('cdk-identity-pool.IdentityPool');
  });
});

describe('struct keys', () => {
  /** A struct's properties with those of the structs it extends. */
  function structProperties(fqn: string): string[] {
    const type = typeOf(fqn);
    return [...(type.properties ?? []).map(property => property.name), ...(type.interfaces ?? []).flatMap(structProperties)];
  }

  test('the table every entry point checks unknown keys against lists each struct of the assembly with exactly its properties', () => {
    const fromAssembly = Object.fromEntries(Object.values(own.types)
      .filter(type => type.datatype === true)
      .map(type => [type.name, [...new Set(structProperties(type.fqn))].sort()]));
    const fromTable = Object.fromEntries(Object.entries(STRUCT_KEYS).map(([name, keys]) => [name, [...keys].sort()]));
    expect(fromTable).toEqual(fromAssembly);
  });
});

describe('method parameters', () => {
  test('carry the names of the interface a class implements (Python keyword names, which pyright compares)', () => {
    // GIVEN
    const classes = Object.values(own.types).filter(type => type.kind === 'class');

    // WHEN
    const mismatches: string[] = [];
    for (const type of classes) {
      const methods = methodsOf(type.fqn);
      for (const iface of interfacesOf(type.fqn)) {
        for (const declared of typeOf(iface).methods ?? []) {
          const implemented = methods.get(declared.name!);
          if (implemented !== undefined && parameterNames(implemented.method) !== parameterNames(declared)) {
            mismatches.push(`${type.name}.${declared.name}(${parameterNames(implemented.method)}) from ${implemented.declaredBy} `
              + `vs ${iface}.${declared.name}(${parameterNames(declared)})`);
          }
        }
      }
    }

    // THEN
    expect(classes.length).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });

  test('the check finds a mismatch: aws-cdk-lib\'s own FederatedPrincipal, whose parameter is _statement', () => {
    // The same search over a class of aws-cdk-lib, so the test above cannot pass by finding nothing.
    const methods = methodsOf('aws-cdk-lib.aws_iam.FederatedPrincipal');
    const declared = typeOf('aws-cdk-lib.aws_iam.IPrincipal').methods!.find(method => method.name === 'addToPrincipalPolicy')!;
    expect(interfacesOf('aws-cdk-lib.aws_iam.FederatedPrincipal')).toContain('aws-cdk-lib.aws_iam.IPrincipal');
    expect(parameterNames(methods.get('addToPrincipalPolicy')!.method)).toBe('_statement');
    expect(parameterNames(declared)).toBe('statement');
  });
});

describe('API docs', () => {
  /** Every public initializer and method of our classes and interfaces, with where it is. */
  function callables(): Array<{ where: string; callable: Callable }> {
    return Object.values(own.types).flatMap(type => [
      ...(type.kind === 'class' && type.initializer && !type.initializer.protected ? [{ where: `new ${type.name}`, callable: type.initializer }] : []),
      ...(type.methods ?? []).filter(method => !method.protected).map(method => ({ where: `${type.name}.${method.name}`, callable: method })),
    ]);
  }

  test('every constructor and public method has a summary', () => {
    const missing = callables().filter(({ callable }) => !callable.docs?.summary).map(({ where }) => where);
    expect(callables().length).toBeGreaterThan(10);
    expect(missing).toEqual([]);
  });

  test('every parameter has @param text', () => {
    const missing = callables().flatMap(({ where, callable }) => (callable.parameters ?? [])
      .filter(parameter => !parameter.docs?.summary)
      .map(parameter => `${where}(${parameter.name})`));
    expect(missing).toEqual([]);
  });

  test('every optional parameter says what its default is', () => {
    // jsii splits @param text at the first sentence into summary and remarks; Python's docstrings show both.
    const optional = callables().flatMap(({ where, callable }) => (callable.parameters ?? [])
      .filter(parameter => parameter.optional === true)
      .map(parameter => ({ where: `${where}(${parameter.name})`, text: `${parameter.docs?.summary ?? ''} ${parameter.docs?.remarks ?? ''}` })));
    const silent = optional.filter(({ text }) => !/\bdefault\b/i.test(text)).map(({ where }) => where);
    expect(optional.length).toBeGreaterThan(0);
    expect(silent).toEqual([]);
  });
});

describe('names in messages', () => {
  test('are the names jsii-pacmak gives Python, for every property, method and parameter of the API', () => {
    // GIVEN: jsii-pacmak's own case conversion (codemaker), the oracle for what Python users read;
    // resolved through jsii-pacmak, whose dependency it is (ours it is not)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const codemaker = require(require.resolve('codemaker', { paths: [path.dirname(require.resolve('jsii-pacmak/package.json'))] }));
    const names = new Set(Object.values(own.types).flatMap(type => [
      ...(type.properties ?? []).map(property => property.name),
      ...(type.methods ?? []).map(method => method.name!),
      ...[type.initializer, ...(type.methods ?? [])].flatMap(callable => (callable?.parameters ?? []).map(parameter => parameter.name)),
    ]));

    // WHEN
    const different = [...names].filter(name => apiName(name, 'python') !== codemaker.toSnakeCase(name));

    // THEN
    expect(names.size).toBeGreaterThan(50);
    expect(different).toEqual([]);
  });
});
