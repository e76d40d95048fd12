import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const scores = require('../../scripts/mutation-scores.js');

const ROOT = path.join(__dirname, '../..');

function mutant(status: string): { status: string } {
  return { status };
}

describe('scripts/mutation-scores.js, the README\'s table of mutation scores', () => {
  test('the score is detected (killed or timed out) over every mutant that compiles and is not marked equivalent', () => {
    const counts = scores.count(['Killed', 'Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'CompileError', 'CompileError', 'Ignored']
      .map(mutant));
    expect(counts).toMatchObject({ Killed: 3, Timeout: 1, Survived: 1, NoCoverage: 1, CompileError: 2, Ignored: 1 });
    expect(scores.score(counts)).toBeCloseTo(100 * 4 / 6, 10);
    expect(scores.score(scores.count([mutant('CompileError')]))).toBeUndefined();
  });

  test('a row per mutated file (every .ts file of src/ but index.ts), unmeasured and stale ones said, and the total', () => {
    const files: string[] = scores.mutatedFiles();
    expect(files).toContain('src/identity-pool.ts');
    expect(files).toContain('src/private/synth/trust/trust-check.ts');
    expect(files).not.toContain('src/index.ts');
    const sources: Record<string, string> = { 'src/identity-pool.ts': 'now', 'src/owner-key.ts': 'now', 'src/principal-tags.ts': 'now' };
    const table: string[] = scores.table({
      files: {
        'src/identity-pool.ts': { source: 'now', mutants: ['Killed', 'Survived', 'CompileError', 'Ignored'].map(mutant) },
        'src/owner-key.ts': { mutants: ['Killed', 'Timeout'].map(mutant) },
        'src/principal-tags.ts': { source: 'before', mutants: ['Survived'].map(mutant) },
      },
    }, (file: string) => sources[file]);
    expect(table.slice(0, 2)).toEqual([
      '| File | Mutants | Killed | Timed out | Survived | No coverage | Equivalent | Compile errors | Score |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ]);
    expect(table).toContain('| `src/identity-pool.ts` | 4 | 1 | 0 | 1 | 0 | 1 | 1 | 50.00% |');
    expect(table).toContain('| `src/owner-key.ts` | 2 | 1 | 1 | 0 | 0 | 0 | 0 | 100.00% |');
    expect(table).toContain('| `src/principal-tags.ts` (stale: changed since this run) | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0.00% |');
    expect(table).toContain('| `src/role-mapping.ts` | not measured | | | | | | | |');
    expect(table).toHaveLength(files.length + 3);
    expect(table[table.length - 1]).toEqual(
      `| **all of src/** (${files.length - 3} files not measured, 1 stale left out) | 6 | 2 | 1 | 1 | 0 | 1 | 1 | **75.00%** |`);
  });

  test('the mutants marked equivalent are listed with their place and reason, current results only', () => {
    const ignored = (line: number, column: number, mutatorName: string, replacement: string, statusReason?: string) =>
      ({ status: 'Ignored', mutatorName, replacement, statusReason, location: { start: { line, column } } });
    const list: string[] = scores.equivalents({
      files: {
        'src/owner-key.ts': {
          source: 'now',
          mutants: [
            ignored(9, 3, 'StringLiteral', '""', 'a memo key'),
            ignored(4, 7, 'ConditionalExpression', 'true', 'a memo; computing again gives the same'),
            ignored(4, 2, 'Regex', '/a`b\n c/', 'Ignored because of excluded mutation "Regex"'),
            { status: 'Survived', mutatorName: 'BooleanLiteral', replacement: 'false', location: { start: { line: 1, column: 1 } } },
          ],
        },
        'src/principal-tags.ts': { source: 'before', mutants: [ignored(1, 1, 'StringLiteral', '""', 'stale')] },
      },
    }, () => 'now');
    expect(list).toEqual([
      '- `src/owner-key.ts:4` Regex `/a\'b c/`: no reason given',
      '- `src/owner-key.ts:4` ConditionalExpression `true`: a memo; computing again gives the same',
      '- `src/owner-key.ts:9` StringLiteral `""`: a memo key',
    ]);
  });

  test('the README shows the table of the committed incremental file', () => {
    const incremental = JSON.parse(fs.readFileSync(path.join(ROOT, 'reports/stryker-incremental.json'), 'utf-8'));
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
    const start = readme.indexOf('| File | Mutants | Killed |');
    expect(start).toBeGreaterThan(0);
    expect(readme.slice(start).split('\n\n')[0].split('\n')).toEqual(scores.table(incremental));
    const equivalents: string[] = scores.equivalents(incremental);
    if (equivalents.length > 0) {
      const list = readme.indexOf(equivalents[0]);
      expect(list).toBeGreaterThan(start);
      expect(readme.slice(list).split('\n\n')[0].trimEnd().split('\n')).toEqual(equivalents);
    }
  });
});
