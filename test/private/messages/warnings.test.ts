import * as fs from 'fs';
import * as path from 'path';
import { App, Annotations as CoreAnnotations, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { MetadataEntry } from 'constructs';
import { Construct } from 'constructs';
import { IdentityPool } from '../../../src';
import { WARNING_CATALOGUE, WarningId, debugMode, warn } from '../../../src/private/messages/warnings';

const ROOT = path.join(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => entry.isDirectory()
    ? sourceFiles(path.join(dir, entry.name))
    : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []);
}

describe('the warning catalogue', () => {
  test('lists every warning id once', () => {
    expect(WARNING_CATALOGUE.map(entry => entry.id).sort()).toEqual(Object.values(WarningId).sort());
  });

  test('is the README\'s table of warnings, row for row', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
    const start = readme.indexOf('| Warning id | Raised | On | When |');
    expect(start).toBeGreaterThan(0);
    const rows = readme.slice(start).split('\n\n')[0].split('\n').slice(2);
    expect(rows).toEqual(WARNING_CATALOGUE.map(entry => `| \`${entry.id}\` | ${entry.phase} | ${entry.on} | ${entry.when} |`));
  });

  test('says where each warning is raised: synthesis warnings only in synth rules, construction ones only outside them', () => {
    const files = sourceFiles(path.join(ROOT, 'src')).filter(file => !file.endsWith(path.join('messages', 'warnings.ts')));
    const keyOf = Object.fromEntries(Object.entries(WarningId).map(([key, id]) => [id, key]));
    for (const entry of WARNING_CATALOGUE) {
      const users = files.filter(file => fs.readFileSync(file, 'utf-8').includes(`WarningId.${keyOf[entry.id]}`))
        .map(file => path.relative(ROOT, file));
      expect({ id: entry.id, users: users.length > 0 }).toEqual({ id: entry.id, users: true });
      const inSynth = users.every(file => file.startsWith(path.join('src', 'private', 'synth')));
      expect({ id: entry.id, synthesis: inSynth }).toEqual({ id: entry.id, synthesis: entry.phase === 'synthesis' });
    }
  });
});

describe('warn: stack traces only in debug mode', () => {
  const WARN = 'aws:cdk:warning';
  const saved = { debug: process.env.CDK_DEBUG, disable: process.env.CDK_DISABLE_STACK_TRACE };

  afterEach(() => {
    for (const [name, value] of [['CDK_DEBUG', saved.debug], ['CDK_DISABLE_STACK_TRACE', saved.disable]] as const) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
  });

  function entriesOf(scope: Construct): MetadataEntry[] {
    return scope.node.metadata.filter(entry => entry.type === WARN);
  }

  test('outside debug mode the warning has no trace, though aws-cdk-lib would capture one (no context turns them off)', () => {
    delete process.env.CDK_DEBUG;
    delete process.env.CDK_DISABLE_STACK_TRACE;
    const scope = new Construct(new Stack(new App(), 'Stack'), 'Scope');
    warn(scope, WarningId.GUEST_ACCESS, 'guests');
    expect(entriesOf(scope)).toEqual([{ type: WARN, data: 'guests [ack: cdk-identity-pool:guestAccess]', trace: undefined }]);
    // aws-cdk-lib's own annotations on the same scope still have theirs: only ours change.
    CoreAnnotations.of(scope).addWarningV2('other:id', 'theirs');
    expect(entriesOf(scope)[1].trace?.length).toBeGreaterThan(0);
  });

  test.each(['true', '1', 'on', 'TRUE'])('in debug mode (CDK_DEBUG=%s) the trace leads to the code that raised it', value => {
    process.env.CDK_DEBUG = value;
    const scope = new Construct(new Stack(new App(), 'Stack'), 'Scope');
    warn(scope, WarningId.GUEST_ACCESS, 'guests');
    const [entry] = entriesOf(scope);
    expect(entry.data).toEqual('guests [ack: cdk-identity-pool:guestAccess]');
    expect(entry.trace?.some(frame => frame.includes('warnings.test.ts'))).toBe(true);
  });

  test.each(['false', '0', '', 'yes'])('CDK_DEBUG=%j is not debug mode', value => {
    process.env.CDK_DEBUG = value;
    expect(debugMode()).toBe(false);
    const scope = new Construct(new Stack(new App(), 'Stack'), 'Scope');
    warn(scope, WarningId.GUEST_ACCESS, 'guests');
    expect(entriesOf(scope).map(entry => entry.trace)).toEqual([undefined]);
  });

  test('debug mode keeps aws-cdk-lib\'s own switch: the disable-stack-trace context still turns the trace off', () => {
    process.env.CDK_DEBUG = 'true';
    const app = new App({ context: { 'aws:cdk:disable-stack-trace': true } });
    const scope = new Construct(new Stack(app, 'Stack'), 'Scope');
    warn(scope, WarningId.GUEST_ACCESS, 'guests');
    expect(entriesOf(scope).map(entry => entry.trace)).toEqual([undefined]);
  });

  test.each([[undefined], ['1'], ['']])('puts CDK_DISABLE_STACK_TRACE back as it was (%j)', previous => {
    delete process.env.CDK_DEBUG;
    if (previous === undefined) {
      delete process.env.CDK_DISABLE_STACK_TRACE;
    } else {
      process.env.CDK_DISABLE_STACK_TRACE = previous;
    }
    warn(new Construct(new Stack(new App(), 'Stack'), 'Scope'), WarningId.GUEST_ACCESS, 'guests');
    expect(Object.prototype.hasOwnProperty.call(process.env, 'CDK_DISABLE_STACK_TRACE')).toBe(previous !== undefined);
    expect(process.env.CDK_DISABLE_STACK_TRACE).toEqual(previous);
  });

  test('still once per message, and an acknowledgement made before still holds', () => {
    delete process.env.CDK_DEBUG;
    const stack = new Stack(new App(), 'Stack');
    const scope = new Construct(stack, 'Scope');
    warn(scope, WarningId.GUEST_ACCESS, 'guests');
    warn(scope, WarningId.GUEST_ACCESS, 'guests');
    CoreAnnotations.of(stack).acknowledgeWarning(WarningId.CLASSIC_FLOW);
    warn(scope, WarningId.CLASSIC_FLOW, 'classic');
    expect(entriesOf(scope).map(entry => entry.data)).toEqual(['guests [ack: cdk-identity-pool:guestAccess]']);
  });

  test('a pool\'s construction warning and a synth rule\'s warning: no trace, or in debug mode the line that built the pool', () => {
    const build = (): [Stack, IdentityPool] => {
      const stack = new Stack(new App(), 'Stack');
      const pool = new IdentityPool(stack, 'Pool', { allowUnauthenticatedIdentities: true });
      pool.unauthenticatedRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['ssm:GetParameter'], resources: ['*'] }));
      return [stack, pool];
    };
    const traces = (stack: Stack) => Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-identity-pool:'))
      .map(warning => [String(warning.entry.data).match(/ack: cdk-identity-pool:(\w+)/)![1], warning.entry.trace]);

    delete process.env.CDK_DEBUG;
    expect(traces(build()[0])).toEqual([['guestAccess', undefined], ['guestScopeDown', undefined]]);

    process.env.CDK_DEBUG = 'true';
    const [stack, pool] = build();
    const guest = pool.node.metadata.find(entry => entry.type === WARN)!;
    expect(guest.trace?.find(frame => frame.includes('warnings.test.ts'))).toMatch(/build/);
    expect(traces(stack).map(([id, trace]) => [id, Array.isArray(trace) && trace.length > 0])).toEqual([
      ['guestAccess', true], ['guestScopeDown', true],
    ]);
  });
});
