import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const SCRIPT = path.join(__dirname, '../../scripts/import-cycles.js');

/** Writes the files (name to source) into a fresh directory and runs the check over it. */
function check(files: Record<string, string>): { readonly code: number; readonly output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cycles-'));
  for (const [name, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), source);
  }
  try {
    return { code: 0, output: execFileSync('node', [SCRIPT, dir], { encoding: 'utf-8', stdio: 'pipe' }) };
  } catch (error: any) {
    return { code: error.status, output: `${error.stdout}${error.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('scripts/import-cycles.js, which the build runs over lib/', () => {
  test('fails on a runtime cycle through a folder, and prints it from its first file', () => {
    const result = check({
      'a.js': 'require("./private/b");',
      'private/b.js': 'const c = require("./c.js");',
      'private/c.js': 'require("../a")',
      'd.js': 'require("./a")',
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('1 runtime import cycle(s)');
    expect(result.output).toContain('a.js -> private/b.js -> private/c.js -> a.js');
  });

  test('passes a graph without cycles, and ignores packages and type-only imports (erased by the compiler)', () => {
    const result = check({
      'index.js': 'require("./a"); require("./b");',
      'a.js': 'require("aws-cdk-lib"); require("./b");',
      'b.js': '// import type { A } from "./a" leaves nothing here',
    });
    expect(result).toEqual({ code: 0, output: expect.stringContaining('no runtime import cycle in 3 files') });
  });

  test('finds the library\'s lib/ free of cycles', () => {
    const lib = path.join(__dirname, '../../lib');
    const output = execFileSync('node', [SCRIPT, lib], { encoding: 'utf-8' });
    expect(output).toMatch(/^no runtime import cycle in \d+ files of /);
  });
});
