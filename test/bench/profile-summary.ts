/**
 * Summarizes a V8 `.cpuprofile` (from `node --cpu-prof`): where the self time went, by module
 * area and by function, and how much time was spent inside this library's own code (`src/`,
 * inclusive of what it calls).
 *
 * Usage: ts-node test/bench/profile-summary.ts <file.cpuprofile | directory> [top=25]
 * (a directory: its newest .cpuprofile).
 */
import * as fs from 'fs';
import * as path from 'path';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}

interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: number[];
}

interface CpuProfile {
  readonly nodes: ProfileNode[];
  readonly samples: number[];
  readonly timeDeltas: number[];
}

const OURS = /\/src\/.+\.ts$/;

/** The part of the code a frame belongs to, for the first table. */
function area(url: string, functionName: string): string {
  if (url === '') {
    return functionName.startsWith('(') ? functionName : '(native)';
  }
  if (OURS.test(url)) {
    return 'ours (src/)';
  }
  if (url.includes('/test/bench/')) {
    return 'bench workload';
  }
  const lib = /node_modules\/aws-cdk-lib\/([^/]+)/.exec(url);
  if (lib) {
    return `aws-cdk-lib/${lib[1]}`;
  }
  const other = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (other) {
    return other[1];
  }
  return url.startsWith('node:') ? 'node internals' : url;
}

function shortUrl(url: string): string {
  return url.replace(/^.*node_modules\//, '').replace(/^.*\/(src|test)\//, '$1/');
}

function main(): void {
  const [fileOrDir, topArg] = process.argv.slice(2);
  if (!fileOrDir) {
    throw new Error('usage: profile-summary.ts <file.cpuprofile | directory> [top]');
  }
  const file = fs.statSync(fileOrDir).isDirectory() ? newestProfile(fileOrDir) : fileOrDir;
  const top = Number(topArg ?? 25);
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map(node => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const childId of node.children ?? []) {
      parent.set(childId, node.id);
    }
  }

  const selfByNode = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    selfByNode.set(id, (selfByNode.get(id) ?? 0) + ms);
    total += ms;
  });

  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const requireByCaller = new Map<string, number>();
  let insideOurs = 0;
  for (const [id, ms] of selfByNode) {
    const frame = byId.get(id)!.callFrame;
    add(byArea, area(frame.url, frame.functionName), ms);
    const name = `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    add(byFunction, name, ms);
    if (hasOursOnStack(id, byId, parent)) {
      insideOurs += ms;
    }
    if (frame.functionName === 'Module._load') {
      add(requireByCaller, requireCaller(id, byId, parent), ms);
    }
  }

  const lines = [`${file}: ${total.toFixed(0)} ms sampled`, '', '| area (self time) | ms | % |', '|---|---:|---:|'];
  for (const [name, ms] of sorted(byArea)) {
    lines.push(`| ${name} | ${ms.toFixed(0)} | ${(100 * ms / total).toFixed(1)} |`);
  }
  lines.push('', `Inside ours (a src/ frame anywhere on the stack): ${insideOurs.toFixed(0)} ms, ${(100 * insideOurs / total).toFixed(1)}%`);
  lines.push('', `| top ${top} functions (self time) | ms | % |`, '|---|---:|---:|');
  for (const [name, ms] of sorted(byFunction).slice(0, top)) {
    lines.push(`| ${name} | ${ms.toFixed(1)} | ${(100 * ms / total).toFixed(1)} |`);
  }
  lines.push('', '| require() (Module._load self time) by the calling function | ms |', '|---|---:|');
  for (const [name, ms] of sorted(requireByCaller).slice(0, 8)) {
    lines.push(`| ${name} | ${ms.toFixed(1)} |`);
  }
  lines.push('', '| our functions (self time) | ms |', '|---|---:|');
  for (const [name, ms] of sorted(byFunction).filter(([functionName]) => / src\//.test(functionName)).slice(0, top)) {
    lines.push(`| ${name} | ${ms.toFixed(1)} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function newestProfile(dir: string): string {
  const profiles = fs.readdirSync(dir).filter(name => name.endsWith('.cpuprofile'))
    .map(name => path.join(dir, name))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (profiles.length === 0) {
    throw new Error(`no .cpuprofile in ${dir}`);
  }
  return profiles[0];
}

/**
 * The function that called require(), skipping node's loader and the export getters of
 * aws-cdk-lib's index files (which call require() on every access to an exported name).
 */
function requireCaller(id: number, byId: Map<number, ProfileNode>, parent: Map<number, number>): string {
  const passThrough = (url: string): boolean => url === '' || url.startsWith('node:') || /\/index\.js$/.test(url);
  let current = parent.get(id);
  while (current !== undefined && passThrough(byId.get(current)!.callFrame.url)) {
    current = parent.get(current);
  }
  if (current === undefined) {
    return '(top level)';
  }
  const frame = byId.get(current)!.callFrame;
  return `${frame.functionName || '(anonymous)'} ${shortUrl(frame.url)}`;
}

function hasOursOnStack(id: number, byId: Map<number, ProfileNode>, parent: Map<number, number>): boolean {
  for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
    if (OURS.test(byId.get(current)!.callFrame.url)) {
      return true;
    }
  }
  return false;
}

function add(map: Map<string, number>, key: string, ms: number): void {
  map.set(key, (map.get(key) ?? 0) + ms);
}

function sorted(map: Map<string, number>): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1]);
}

main();
