import * as fs from 'fs';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IdentityPool, IdentityPoolRoleAttachment } from '../../../src';
import type { Finding } from '../../../src/private/synth/finding';
import { errorAt } from '../../../src/private/synth/finding';
import { SynthRegistry } from '../../../src/private/synth/pipeline';
import { RULES } from '../../../src/private/synth/rules';
import type { TreeIndex } from '../../../src/private/synth/tree-index';
import { sourceFiles } from '../../support/source-files';

/** A pool whose guest role is granted what guest credentials cannot use (a guestScopeDown warning). */
function leakyGuestPool(stack: Stack, id: string): IdentityPool {
  const pool = new IdentityPool(stack, id, { allowUnauthenticatedIdentities: true });
  pool.unauthenticatedRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: ['*'] }));
  return pool;
}

describe('the synth pipeline', () => {
  test('keeps one registry per stage, on the stage', () => {
    const app = new App();
    const stage = new Stage(app, 'Prod');
    const inApp = new IdentityPool(new Stack(app, 'Top'), 'Pool');
    const inStage = new IdentityPool(new Stack(stage, 'Stack'), 'Pool');
    expect(SynthRegistry.of(inApp)).toBe(SynthRegistry.of(app));
    expect(SynthRegistry.of(inStage)).toBe(SynthRegistry.of(stage));
    expect(SynthRegistry.of(stage)).not.toBe(SynthRegistry.of(app));
  });

  test('walks each stage once per synthesis, however many pools, stacks and stages', () => {
    const app = new App();
    const stages = [new Stage(app, 'Beta'), new Stage(app, 'Prod')];
    for (const scope of [app, ...stages]) {
      for (const stackId of ['One', 'Two']) {
        const stack = new Stack(scope, stackId);
        for (let index = 0; index < 5; index++) {
          leakyGuestPool(stack, `Pool${index}`);
        }
      }
    }
    app.synth();
    expect([app, ...stages].map(scope => SynthRegistry.of(scope).walks)).toEqual([1, 1, 1]);
    app.synth({ force: true });
    // the app synthesizes again; its nested stages keep the assemblies they wrote (aws-cdk-lib passes no force down)
    expect([app, ...stages].map(scope => SynthRegistry.of(scope).walks)).toEqual([2, 1, 1]);
  });

  test('warnings found in a nested stage reach its cloud assembly, which the app writes first', () => {
    const app = new App();
    const stack = new Stack(new Stage(app, 'Prod'), 'Stack');
    leakyGuestPool(stack, 'Pool');
    const nested = app.synth().nestedAssemblies[0].nestedAssembly;
    const messages = nested.getStackArtifact(stack.artifactId).messages.map(message => `${message.id}: ${message.entry.data}`)
      .filter(message => message.includes('guestScopeDown'));
    expect(messages).toEqual([expect.stringMatching(/^\/Prod\/Stack\/Pool\/DefaultRoleAttachment: The guest role .*\[ack: cdk-identity-pool:guestScopeDown\]$/)]);
  });

  test('an error is printed with the path of the construct it is about, once per synthesis', () => {
    const stack = new Stack(new Stage(new App(), 'Prod'), 'Stack');
    const pool = new IdentityPool(stack, 'Pool');
    new IdentityPoolRoleAttachment(stack, 'Second', { identityPool: pool });
    for (let attempt = 0; attempt < 2; attempt++) {
      let message = '';
      try {
        Template.fromStack(stack);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message.split('\n').filter(line => line.includes('exactly one role attachment'))).toEqual([
        expect.stringMatching(/^ {2}\[Prod\/Stack\/Second\] an identity pool has exactly one role attachment/),
      ]);
    }
  });

  test('an error that goes away between syntheses is not reported again', () => {
    const stack = new Stack(new App(), 'Stack');
    const pool = new IdentityPool(stack, 'Pool');
    const second = new IdentityPoolRoleAttachment(stack, 'Second', { identityPool: pool });
    expect(() => Template.fromStack(stack)).toThrow('[Stack/Second] an identity pool has exactly one role attachment, and '
      + 'Stack/Pool/DefaultRoleAttachment already configures this pool (received a second attachment for the identity pool Stack/Pool); '
      + 'add role mappings to the first with addRoleMappings instead');
    second.node.scope!.node.tryRemoveChild(second.node.id);
    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('a construct with an error in one synthesis and none in the next reports nothing the second time', () => {
    const rules = RULES as Array<(index: TreeIndex) => Finding[]>;
    let report = true;
    const once = (index: TreeIndex): Finding[] => report ? index.pools.map(pool => errorAt(pool, 'only the first time')) : [];
    rules.push(once);
    try {
      const stack = new Stack(new App(), 'Stack');
      new IdentityPool(stack, 'Pool');
      expect(() => Template.fromStack(stack)).toThrow('[Stack/Pool] only the first time');
      report = false;
      expect(() => Template.fromStack(stack)).not.toThrow();
    } finally {
      rules.splice(rules.indexOf(once), 1);
    }
  });

  test('lists each rule of src/private/synth/rules once, and each has a test file in both layouts', () => {
    const rulesDir = path.join(__dirname, '../../../src/private/synth/rules');
    const ruleFiles = fs.readdirSync(rulesDir).filter(file => file.endsWith('.ts')).sort();
    expect(RULES).toHaveLength(ruleFiles.length);
    for (const file of ruleFiles) {
      const test = path.join(__dirname, 'rules', file.replace(/\.ts$/, '.test.ts'));
      expect(fs.existsSync(test) ? fs.readFileSync(test, 'utf-8') : `${file} has no test`).toContain('describe.each(LAYOUTS)');
    }
  });

  test('the library keeps no module-level registry of facts: only pure memo caches', () => {
    const found: string[] = [];
    for (const file of sourceFiles()) {
      for (const match of fs.readFileSync(file, 'utf-8').matchAll(/^(?:export )?(?:const|let) (\w+)[^=\n]*= new (?:Weak)?(?:Map|Set)\b/gm)) {
        found.push(`${path.relative(path.join(__dirname, '../../..'), file)}:${match[1]}`);
      }
    }
    expect(found.sort()).toEqual([
      // constant tables
      'src/private/construct-time/role-mapping-validation.ts:TOKENS_WITHOUT_ROLE_CLAIMS',
      'src/private/messages/warnings.ts:TRUTHY',
      'src/private/synth/rules/network-trust-conditions.ts:NETWORK_KEYS',
      'src/private/synth/rules/network-trust-conditions.ts:networkKeysOf',
      'src/private/synth/tree-index.ts:POLICY_TYPES',
      'src/private/synth/trust/trust-check.ts:globs',
      'src/private/synth/trust/trust-check.ts:parsedConditions',
      'src/private/synth/trust/trust-check.ts:trustCache',
      'src/private/synth/trust/trust-check.ts:trustSummaries',
      'src/private/synth/user-pool-checks.ts:STANDARD_ATTRIBUTES',
      'src/private/values/arn.ts:KNOWN_PARTITIONS',
    ]);
  });
});

describe('the synth pipeline\'s bookkeeping', () => {
  test('the registry and the error reporter are Symbol.for keys, not enumerable, on the stage and on the construct', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    const pool = new IdentityPool(stack, 'Pool');
    new IdentityPoolRoleAttachment(stack, 'Second', { identityPool: pool });
    expect(() => app.synth()).toThrow(/\[Stack\/Second\] an identity pool has exactly one role attachment/);
    expect(Object.getOwnPropertyDescriptor(app, Symbol.for('cdk-identity-pool.SynthRegistry'))).toEqual({
      value: SynthRegistry.of(app), enumerable: false, writable: false, configurable: false,
    });
    expect(Object.getOwnPropertyDescriptor(stack.node.findChild('Second'), Symbol.for('cdk-identity-pool.SynthReporter'))).toEqual({
      value: true, enumerable: false, writable: false, configurable: false,
    });
  });

  test('an error about the stage itself is returned by the stage\'s own validation; several on one construct are listed in order', () => {
    const rules = RULES as Array<(index: TreeIndex) => Finding[]>;
    const extra = (index: TreeIndex): Finding[] => [
      errorAt(index.stage, 'the stage is wrong'),
      ...index.pools.flatMap(pool => [errorAt(pool, 'first'), errorAt(pool, 'second')]),
    ];
    rules.push(extra);
    try {
      const app = new App();
      const stage = new Stage(app, 'Prod');
      new IdentityPool(new Stack(stage, 'Stack'), 'Pool');
      // a validation the app adds to the stage after the library's: the stage's own errors come first
      stage.node.addValidation({ validate: () => ['the app\'s own check'] });
      expect(() => app.synth()).toThrow([
        'Validation failed with the following errors:',
        '  [Prod] the stage is wrong',
        '  [Prod] the app\'s own check',
        '  [Prod/Stack/Pool] first',
        '  [Prod/Stack/Pool] second',
      ].join('\n'));
    } finally {
      rules.splice(rules.indexOf(extra), 1);
    }
  });
});
