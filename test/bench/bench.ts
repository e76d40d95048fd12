/**
 * Synthesis benchmark (issue 7): ours against aws-cdk-lib's identity pool module and the raw L1
 * floor, interleaved in one process. Run with `npx projen bench`; options are `--name=value`
 * arguments or `BENCH_NAME` environment variables (see `OPTIONS`).
 *
 * Not a test: it reports and never fails on timings. It does fail when the implementations stop
 * producing equivalent templates, since the comparison would then be meaningless.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import type { App } from 'aws-cdk-lib';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { awsCdkLib, awsCdkLibAs } from './impl-aws-cdk-lib';
import { l1 } from './impl-l1';
import { ours } from './impl-ours';
import type { Implementation, Workload } from './workload';
import { buildApp } from './workload';

const FLOOR = 'l1';
const CONTROL = 'l1-copy';

const MODULE_CONTROL = 'aws-cdk-lib-copy';

/**
 * Every implementation; the floor runs twice, under two names, as the A/A noise control of the
 * basic workload, and aws-cdk-lib's module twice as that of the features workload (which raw L1
 * resources do not build).
 */
const IMPLEMENTATIONS: readonly Implementation[] = [ours, awsCdkLib, l1(FLOOR), l1(CONTROL), awsCdkLibAs(MODULE_CONTROL)];

/** The implementations a workload runs unless `--impls` says otherwise. */
const DEFAULT_IMPLS: Record<Workload, string> = {
  basic: ['ours', awsCdkLib.name, FLOOR, CONTROL].join(','),
  features: ['ours', awsCdkLib.name, MODULE_CONTROL].join(','),
};

const OPTIONS = {
  /** Pool counts to measure, comma-separated. */
  n: '100,400',
  /**
   * Measured rounds, one number for every pool count or one per pool count (larger apps vary
   * less from run to run and cost more); each round runs every implementation once. Orders follow a
   * balanced Latin square, so a multiple of the number of implementations (4: even; odd: twice
   * that) gives each one every position, and every predecessor, equally often.
   */
  rounds: '12,8',
  /** Unmeasured rounds first, at the smallest pool count, so the JIT has warmed up for all. */
  warmup: '2',
  /** Implementations to run, comma-separated (default: the workload's); without the floor (e.g. to profile one), no ratios. */
  impls: '',
  /** The workload: basic (every implementation) or features (group roles, grants, principal tags, guests with grants). */
  workload: 'basic',
  /** Stack traces of annotations: off (as `cdk synth` runs) or on (aws-cdk-lib's default, as unit tests run). */
  traces: 'off',
  /** Also measure peak RSS in a fresh child process per implementation and pool count (1 or 0). */
  rss: '1',
  /** Write the options and, per implementation and N, every sample and paired ratio as JSON to this file. */
  json: '',
};
type Options = Record<keyof typeof OPTIONS, string>;

/** One timed build and synthesis. */
interface Sample {
  readonly constructMs: number;
  readonly synthMs: number;
  readonly totalMs: number;
  /** CPU time of the process (user + system, all threads) over the run: less hurt by other load. */
  readonly cpuMs: number;
  /** V8 heap still in use after the run, after a full gc, with the app and assembly alive. */
  readonly retainedBytes: number;
}

/** What the synthesized templates add up to; deterministic for an implementation and N. */
interface TemplateStats {
  readonly bytes: number;
  readonly resources: number;
  readonly stacks: number;
}

interface PairedRatios {
  /** Of the total wall-clock time: the headline figure. */
  readonly wall: number[];
  readonly cpu: number[];
  readonly construct: number[];
  readonly synth: number[];
}

interface Row {
  readonly impl: string;
  readonly n: number;
  readonly samples: Sample[];
  /** Per-round ratios of this implementation's total time to the floor's in the same round. */
  readonly toFloor: PairedRatios;
  /** Per-round ratios to aws-cdk-lib's module. */
  readonly toAwsCdkLib: PairedRatios;
  templates?: TemplateStats;
  peakRss?: { baseMb: number; peakMb: number };
}

function main(): void {
  const options = readOptions();
  if (options.child) {
    setting.workload = options.workload as Workload;
    setting.traces = options.traces === 'on';
    child(options.child, Number(options.n));
    return;
  }
  if (process.env.CDK_DEBUG) {
    throw new Error('unset CDK_DEBUG: it turns on stack traces, which `cdk synth` only collects with --debug');
  }
  const gc = requireGc();
  if (options.workload !== 'basic' && options.workload !== 'features') {
    throw new Error(`unknown workload ${options.workload}; known: basic, features`);
  }
  if (options.traces !== 'off' && options.traces !== 'on') {
    throw new Error(`--traces must be off or on, not ${options.traces}`);
  }
  setting.workload = options.workload;
  setting.traces = options.traces === 'on';
  const names = new Set((options.impls || DEFAULT_IMPLS[setting.workload]).split(',').map(name => name.trim()));
  const unknown = [...names].filter(name => !IMPLEMENTATIONS.some(impl => impl.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown implementation(s) ${unknown.join(', ')}; known: ${IMPLEMENTATIONS.map(impl => impl.name).join(', ')}`);
  }
  const impls = IMPLEMENTATIONS.filter(impl => names.has(impl.name));
  const unable = impls.filter(impl => !impl.workloads.includes(setting.workload));
  if (unable.length > 0) {
    throw new Error(`${unable.map(impl => impl.name).join(', ')} cannot build the ${setting.workload} workload`);
  }
  const sizes = options.n.split(',').map(Number);
  const rounds = options.rounds.split(',').map(Number);

  checkEquivalence(impls);
  describeSetup(options, impls);

  for (let round = 0; round < Number(options.warmup); round++) {
    for (const impl of roundOrder(impls, round)) {
      runOnce(impl, Math.min(...sizes), gc);
    }
  }

  const rows: Row[] = [];
  for (const [sizeIndex, n] of sizes.entries()) {
    const nRounds = rounds[Math.min(sizeIndex, rounds.length - 1)];
    const byImpl = new Map(impls.map(impl => [impl.name, newRow(impl.name, n)]));
    for (let round = 0; round < nRounds; round++) {
      const thisRound = new Map<string, Sample>();
      for (const impl of roundOrder(impls, round)) {
        const row = byImpl.get(impl.name)!;
        const { sample, templates } = runOnce(impl, n, gc, row.templates === undefined);
        row.samples.push(sample);
        row.templates ??= templates;
        thisRound.set(impl.name, sample);
      }
      for (const row of byImpl.values()) {
        pair(row.toFloor, thisRound.get(row.impl)!, thisRound.get(FLOOR));
        pair(row.toAwsCdkLib, thisRound.get(row.impl)!, thisRound.get(awsCdkLib.name));
      }
      process.stderr.write(`N=${n} round ${round + 1}/${nRounds}: `
        + `${[...thisRound].map(([name, sample]) => `${name} ${sample.totalMs.toFixed(0)} (cpu ${sample.cpuMs.toFixed(0)})`).join(', ')} ms\n`);
    }
    rows.push(...byImpl.values());
  }

  if (options.rss === '1') {
    for (const row of rows) {
      row.peakRss = measureRssInChild(row.impl, row.n);
    }
  }

  printReport(rows, impls);
  if (options.json) {
    fs.writeFileSync(options.json, JSON.stringify({ options, rows }, null, 2));
  }
}

/** The workload and stack trace setting of this run (one per process, set from the options). */
const setting: { workload: Workload; traces: boolean } = { workload: 'basic', traces: false };

function readOptions(): Options & { child?: string } {
  const options: Options & { child?: string } = { ...OPTIONS };
  for (const key of Object.keys(OPTIONS) as (keyof Options)[]) {
    const fromEnv = process.env[`BENCH_${key.toUpperCase()}`];
    if (fromEnv !== undefined) {
      options[key] = fromEnv;
    }
  }
  for (const arg of process.argv.slice(2)) {
    if (arg === '--') {
      // `npx projen bench -- --n=100` passes the separator on.
      continue;
    }
    const match = /^--([a-z]+)=(.*)$/.exec(arg);
    if (!match || !(match[1] in OPTIONS || match[1] === 'child')) {
      throw new Error(`unknown argument ${arg}; expected --name=value with name one of ${Object.keys(OPTIONS).join(', ')}`);
    }
    (options as Record<string, string>)[match[1]] = match[2];
  }
  return options;
}

function requireGc(): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    throw new Error('run node with --expose-gc (npx projen bench does)');
  }
  return gc;
}

function newRow(impl: string, n: number): Row {
  return { impl, n, samples: [], toFloor: newRatios(), toAwsCdkLib: newRatios() };
}

function newRatios(): PairedRatios {
  return { wall: [], cpu: [], construct: [], synth: [] };
}

function pair(ratios: PairedRatios, sample: Sample, reference: Sample | undefined): void {
  if (reference) {
    ratios.wall.push(sample.totalMs / reference.totalMs);
    ratios.cpu.push(sample.cpuMs / reference.cpuMs);
    ratios.construct.push(sample.constructMs / reference.constructMs);
    ratios.synth.push(sample.synthMs / reference.synthMs);
  }
}

/**
 * The order of the implementations in a round: row `round` of a Williams design (a balanced
 * Latin square), so position effects and carry-over from the previous run (heap state, caches,
 * a neighbour's build starting) hit every implementation alike over a full cycle of rounds.
 */
function roundOrder<T>(items: readonly T[], round: number): T[] {
  const k = items.length;
  // First row 0, 1, k-1, 2, k-2, ...; row r adds r to each entry; for odd k, rows k..2k-1 are
  // the first k rows reversed.
  const first = Array.from({ length: k }, (_, position) =>
    position === 0 ? 0 : position % 2 === 1 ? (position + 1) / 2 : k - position / 2);
  const row = first.map(index => (index + round) % k);
  const reversed = k % 2 === 1 && Math.floor(round / k) % 2 === 1;
  const order = row.map(index => items[index]);
  return reversed ? order.reverse() : order;
}

/** Where synthesized apps go: memory-backed when the machine has it, so disk I/O adds no noise. */
function scratchDir(kind: string): string {
  const base = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
  return fs.mkdtempSync(path.join(base, `identity-pool-bench-${kind}`));
}

/**
 * One run: a fresh app with `n` pools, built and synthesized (to a temporary directory, as
 * `cdk synth` writes cdk.out), timed in two parts. A full gc before the run gives every
 * implementation the same clean heap; the template statistics (the same every time for an
 * implementation and N, so read once) are read after the clock stops.
 */
function runOnce(impl: Implementation, n: number, gc: () => void, withTemplates = false): { sample: Sample; templates?: TemplateStats } {
  const outdir = scratchDir('run-');
  try {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    const app = buildApp(impl, n, outdir, setting.workload, setting.traces);
    const built = performance.now();
    const assembly = app.synth();
    const end = performance.now();
    const cpu = process.cpuUsage(cpuBefore);
    gc();
    const retainedBytes = process.memoryUsage().heapUsed - heapBefore;
    // Both are used after the gc, so they were still alive when the retained heap was measured.
    keepAlive(app, assembly);
    const templates = withTemplates ? templateStats(assembly) : undefined;
    return {
      sample: { constructMs: built - start, synthMs: end - built, totalMs: end - start, cpuMs: (cpu.user + cpu.system) / 1000, retainedBytes },
      templates,
    };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Bytes are those of each template as compact JSON, so formatting does not count. */
function templateStats(assembly: CloudAssembly): TemplateStats {
  let bytes = 0;
  let resources = 0;
  for (const stack of assembly.stacks) {
    bytes += Buffer.byteLength(JSON.stringify(stack.template));
    resources += Object.keys(stack.template.Resources ?? {}).length;
  }
  return { bytes, resources, stacks: assembly.stacks.length };
}

function keepAlive(app: App, assembly: CloudAssembly): void {
  if (app.node.children.length === 0 || assembly.directory === '') {
    throw new Error('empty app');
  }
}

/**
 * Refuses to compare implementations that do not produce the same infrastructure: ours and the
 * floor must render identical templates; aws-cdk-lib's module may differ only in how it renders
 * the same thing (its user pool provider name as `Fn::Join` of region and suffix instead of the
 * user pool's `ProviderName` attribute, and explicit `DependsOn` on the user pool and client).
 */
function checkEquivalence(impls: readonly Implementation[]): void {
  if (setting.workload === 'features') {
    checkSameResources(impls);
    return;
  }
  const floor = canonicalTemplates(l1(FLOOR));
  for (const impl of impls) {
    const templates = canonicalTemplates(impl);
    const expected = impl.name === awsCdkLib.name ? normalizeAwsCdkLib(templates) : templates;
    if (JSON.stringify(expected) !== JSON.stringify(floor)) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'identity-pool-bench-diff-'));
      fs.writeFileSync(path.join(dir, `${FLOOR}.json`), JSON.stringify(floor, null, 1));
      fs.writeFileSync(path.join(dir, `${impl.name}.json`), JSON.stringify(expected, null, 1));
      throw new Error(`${impl.name} no longer renders the same infrastructure as the ${FLOOR} floor; compare the templates in ${dir} and update the implementations`);
    }
  }
}

/**
 * For the features workload, which raw L1 resources do not build: every implementation renders
 * the same number of resources of each type as aws-cdk-lib's module with the plain constructs.
 */
function checkSameResources(impls: readonly Implementation[]): void {
  const counts = (impl: Implementation): string => {
    const outdir = scratchDir('check-');
    try {
      const byType: Record<string, number> = {};
      for (const stack of buildApp(impl, 2, outdir, 'features', setting.traces).synth().stacks) {
        for (const resource of Object.values<any>(stack.template.Resources ?? {})) {
          byType[resource.Type] = (byType[resource.Type] ?? 0) + 1;
        }
      }
      return JSON.stringify(sortKeys(byType));
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  };
  const expected = counts(awsCdkLib);
  for (const impl of impls) {
    const actual = counts(impl);
    if (actual !== expected) {
      throw new Error(`${impl.name} renders other resources than aws-cdk-lib for the features workload: ${actual} vs ${expected}`);
    }
  }
}

/** The templates of a two-pool app, keys sorted, so property order does not count. */
function canonicalTemplates(impl: Implementation): unknown {
  const outdir = scratchDir('check-');
  try {
    const assembly = buildApp(impl, 2, outdir, 'basic', setting.traces).synth();
    return sortKeys(assembly.stacks.map(stack => stack.template));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function normalizeAwsCdkLib(templates: unknown): unknown {
  return JSON.parse(JSON.stringify(templates), (key, value) => {
    if (key === 'DependsOn') {
      return undefined;
    }
    const join = value?.['Fn::Join'];
    if (Array.isArray(join) && join[1]?.[0] === 'cognito-idp.' && join[1].length === 6) {
      return { 'Fn::GetAtt': [join[1][5].Ref, 'ProviderName'] };
    }
    return value;
  });
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map(key => [key, sortKeys((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/**
 * Peak RSS of one run in a fresh process (`--child`), which loads the same modules, builds and
 * synthesizes once, and prints its resident set before the run and its peak. Each
 * implementation gets its own process, since a process's peak never comes down.
 */
function measureRssInChild(impl: string, n: number): { baseMb: number; peakMb: number } {
  const output = execFileSync(process.execPath, [...process.execArgv.filter(arg => !arg.startsWith('--cpu-prof')), process.argv[1], `--child=${impl}`, `--n=${n}`,
    `--workload=${setting.workload}`, `--traces=${setting.traces ? 'on' : 'off'}`], {
    encoding: 'utf8',
    env: process.env,
  });
  return JSON.parse(output.trim().split('\n').pop()!);
}

function child(implName: string, n: number): void {
  const impl = IMPLEMENTATIONS.find(candidate => candidate.name === implName);
  if (!impl) {
    throw new Error(`unknown implementation ${implName}`);
  }
  requireGc()();
  const baseMb = process.memoryUsage().rss / 2 ** 20;
  const outdir = scratchDir('rss-');
  try {
    buildApp(impl, n, outdir, setting.workload, setting.traces).synth();
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ baseMb, peakMb })}\n`);
}

function describeSetup(options: Options, impls: readonly Implementation[]): void {
  const load = os.loadavg().map(value => value.toFixed(2)).join(' ');
  process.stderr.write(
    `node ${process.version}, ${os.cpus().length} cpus, load ${load}; `
    + `N=${options.n}, ${options.rounds} rounds (+${options.warmup} warm-up), `
    + `implementations ${impls.map(impl => impl.name).join(', ')}; templates of ours and ${FLOOR} identical\n`,
  );
}

function printReport(rows: readonly Row[], impls: readonly Implementation[]): void {
  const lines: string[] = [];
  const load = os.loadavg().map(value => value.toFixed(2)).join(' ');
  lines.push(`Synthesis benchmark, workload ${setting.workload}, stack traces ${setting.traces ? 'on' : 'off'}: ${os.cpus().length} cpus (${os.cpus()[0]?.model.trim()}), node ${process.version}, load average after the run ${load}`);
  for (const n of [...new Set(rows.map(row => row.n))]) {
    const nRows = impls.map(impl => rows.find(row => row.n === n && row.impl === impl.name)!);
    lines.push('', `### N = ${n} identity pools (${nRows[0].templates!.stacks} stacks), ${nRows[0].samples.length} rounds`, '');
    lines.push('| implementation | median ms | ms/pool | ratio to floor | spread: IQR; min–max | ratio to aws-cdk-lib | CPU ratio to floor | CPU ratio to aws-cdk-lib | template bytes | bytes/pool | resources | retained heap MB | peak RSS MB (+growth) |');
    lines.push('|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const row of nRows) {
      const total = median(row.samples.map(sample => sample.totalMs));
      lines.push(`| ${row.impl} | ${total.toFixed(0)} | ${(total / n).toFixed(2)} | ${ratioCells(row.toFloor.wall)} | `
        + `${formatRatio(row.toAwsCdkLib.wall)} | ${formatRatio(row.toFloor.cpu)} | ${formatRatio(row.toAwsCdkLib.cpu)} | ${row.templates!.bytes} | ${(row.templates!.bytes / n).toFixed(0)} | `
        + `${row.templates!.resources} | ${(median(row.samples.map(sample => sample.retainedBytes)) / 2 ** 20).toFixed(1)} | `
        + `${row.peakRss ? `${row.peakRss.peakMb.toFixed(0)} (+${(row.peakRss.peakMb - row.peakRss.baseMb).toFixed(0)})` : '–'} |`);
    }
    lines.push('', '| implementation | construct ms | ratio to floor | synth ms | ratio to floor | CPU ms | CPU ratio to floor | spread: IQR; min–max |');
    lines.push('|---|---:|---:|---:|---:|---:|---:|---|');
    for (const row of nRows) {
      lines.push(`| ${row.impl} | ${median(row.samples.map(sample => sample.constructMs)).toFixed(0)} | ${formatRatio(row.toFloor.construct)} | `
        + `${median(row.samples.map(sample => sample.synthMs)).toFixed(0)} | ${formatRatio(row.toFloor.synth)} | `
        + `${median(row.samples.map(sample => sample.cpuMs)).toFixed(0)} | ${ratioCells(row.toFloor.cpu)} |`);
    }
  }
  const sizes = [...new Set(rows.map(row => row.n))];
  if (sizes.length > 1) {
    const first = sizes[0];
    const last = sizes[sizes.length - 1];
    lines.push('', '### Cost per pool as N grows (median ms / N)', '');
    lines.push(`| implementation | ${sizes.map(n => `ms/pool N=${n} | CPU ms/pool N=${n}`).join(' | ')} | CPU ms/pool N=${last} ÷ N=${first} |`);
    lines.push(`|---|${sizes.map(() => '---:|---:').join('|')}|---:|`);
    for (const impl of impls) {
      const perPool = (n: number, pick: (sample: Sample) => number): number =>
        median(rows.find(row => row.n === n && row.impl === impl.name)!.samples.map(pick)) / n;
      lines.push(`| ${impl.name} | ${sizes.map(n => `${perPool(n, sample => sample.totalMs).toFixed(2)} | ${perPool(n, sample => sample.cpuMs).toFixed(2)}`).join(' | ')} | `
        + `${(perPool(last, sample => sample.cpuMs) / perPool(first, sample => sample.cpuMs)).toFixed(3)} |`);
    }
  }
  lines.push('',
    'Times are medians over rounds of building and synthesizing a fresh app. Ratios are paired: each round\'s time divided by',
    `the floor's (${FLOOR}) or aws-cdk-lib's in the same round, then the median (and spread) over rounds. ${CONTROL} runs the`,
    'floor\'s code again under another name: its ratio is the noise level. Template bytes: compact JSON of every stack template.',
    'CPU: user + system time of the whole process (all threads, so GC helpers too) over the run; it is less hurt',
    'than wall time when other processes compete for the cores.',
    'Retained heap: V8 heap in use after a full gc with the app and its assembly alive, less the heap before the run.',
    'Peak RSS: maximum resident set of a fresh process that loads the same modules, then builds and synthesizes once',
    '(in brackets: its growth over the resident set before the run).');
  process.stdout.write(`${lines.join('\n')}\n`);
}

function ratioCells(ratios: readonly number[]): string {
  if (ratios.length === 0) {
    return '– | –';
  }
  const range = (low: number, high: number): string => `${low.toFixed(3)}–${high.toFixed(3)}`;
  return `${median(ratios).toFixed(3)} | ${range(quantile(ratios, 0.25), quantile(ratios, 0.75))}; ${range(Math.min(...ratios), Math.max(...ratios))}`;
}

function formatRatio(ratios: readonly number[]): string {
  return ratios.length ? median(ratios).toFixed(3) : '–';
}

/** Linear-interpolated quantile, as spreadsheets compute it. */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

main();
