// eslint-disable-next-line @typescript-eslint/no-require-imports
const run = require('../../scripts/mutation-run.js');

describe('scripts/mutation-run.js, Stryker with each result kept beside the source it measured', () => {
  test.each([
    ['src/**/*.ts', 'src/a.ts', true],
    ['src/**/*.ts', 'src/private/synth/rules/x.ts', true],
    ['src/**/*.ts', 'test/a.ts', false],
    ['src/private/*.ts', 'src/private/a.ts', true],
    ['src/private/*.ts', 'src/private/values/a.ts', false],
    ['src/private/synth/**', 'src/private/synth/trust/trust-check.ts', true],
    ['src/owner-key.ts', 'src/owner-key.ts', true],
    ['src/owner-key.ts', 'src/owner-keyXts', false],
    ['src/owner-key.ts', 'src/private/owner-key.ts', false],
    ['src/?.ts', 'src/a.ts', true],
    ['src/?.ts', 'src/ab.ts', false],
  ])('glob %s matches %s: %s', (glob, file, matches) => {
    expect(run.globPattern(glob).test(file)).toBe(matches);
  });

  test('the --mutate patterns, in every form Stryker takes, else the config\'s', () => {
    expect(run.mutatePatterns(['--mutate', 'src/a.ts,src/b/*.ts', '--concurrency', '4'])).toEqual(['src/a.ts', 'src/b/*.ts']);
    expect(run.mutatePatterns(['--mutate=src/a.ts', '-m', 'src/c.ts'])).toEqual(['src/a.ts', 'src/c.ts']);
    expect(run.mutatePatterns(['--concurrency', '4'])).toEqual(['src/**/*.ts', '!src/index.ts']);
    expect(run.mutatePatterns(['--mutate'])).toEqual(['src/**/*.ts', '!src/index.ts']);
  });

  test('a file is mutated wholly when a pattern without a line range names it and no ! pattern excludes it', () => {
    const files = ['src/index.ts', 'src/a.ts', 'src/b.ts', 'src/private/c.ts', 'src/private/d.ts'];
    expect(run.mutatedWholly(files, ['src/**/*.ts', '!src/index.ts'])).toEqual(['src/a.ts', 'src/b.ts', 'src/private/c.ts', 'src/private/d.ts']);
    expect(run.mutatedWholly(files, ['src/private/*.ts', '!src/private/d.ts', 'src/a.ts:10-20', 'src/b.ts:1:2-3:4'])).toEqual(['src/private/c.ts']);
  });

  test('files the run did not mutate wholly get back the source stored before it; the others keep the new one', () => {
    const before = {
      schemaVersion: '2',
      files: {
        'src/a.ts': { source: 'a measured', mutants: [{ status: 'Survived' }] },
        'src/b.ts': { source: 'b before', mutants: [{ status: 'Survived' }] },
      },
    };
    const after = {
      schemaVersion: '2',
      files: {
        'src/a.ts': { source: 'a changed since', mutants: [{ status: 'Survived' }] },
        'src/b.ts': { source: 'b now', mutants: [{ status: 'Killed' }] },
        'src/c.ts': { source: 'c new', mutants: [{ status: 'Killed' }] },
      },
    };
    expect(run.keepSources(before, after, ['src/b.ts'], () => 'unused')).toEqual({
      schemaVersion: '2',
      files: {
        'src/a.ts': { source: 'a measured', mutants: [{ status: 'Survived' }] },
        'src/b.ts': { source: 'b now', mutants: [{ status: 'Killed' }] },
        'src/c.ts': { source: 'c new', mutants: [{ status: 'Killed' }] },
      },
    });
    expect(run.keepSources(undefined, after, [], () => 'unused')).toEqual(after);
  });

  test('a file mutated wholly that Stryker left out of its report (nothing to mutate) is entered with no mutants', () => {
    const after = { files: { 'src/a.ts': { source: 'a', mutants: [{ status: 'Killed' }] } } };
    expect(run.keepSources(undefined, after, ['src/a.ts', 'src/re-exports.ts'], (file: string) => `source of ${file}`).files).toEqual({
      'src/a.ts': { source: 'a', mutants: [{ status: 'Killed' }] },
      'src/re-exports.ts': { language: 'typescript', mutants: [], source: 'source of src/re-exports.ts' },
    });
  });

  test('a file entered with no mutants, which Stryker drops when it carries the others over, is kept', () => {
    const before = { files: { 'src/re-exports.ts': { source: 'r', mutants: [] }, 'src/gone.ts': { source: 'g', mutants: [{ status: 'Killed' }] } } };
    const after = { files: { 'src/a.ts': { source: 'a', mutants: [] } } };
    expect(run.keepSources(before, after, [], () => 'unused').files).toEqual({
      'src/a.ts': { source: 'a', mutants: [] },
      'src/re-exports.ts': { source: 'r', mutants: [] },
    });
  });

  test('before a run, the mutants no test detected in the files it mutates wholly are forgotten, so they are tested again', () => {
    const incremental = {
      schemaVersion: '2',
      files: {
        'src/a.ts': { source: 'a', mutants: [{ id: '1', status: 'Killed' }, { id: '2', status: 'Survived' }, { id: '3', status: 'NoCoverage' }, { id: '4', status: 'Timeout' }] },
        'src/b.ts': { source: 'b', mutants: [{ id: '5', status: 'Survived' }] },
      },
    };
    const copy = JSON.parse(JSON.stringify(incremental));
    expect(run.forgetUndetected(incremental, ['src/a.ts'])).toEqual({
      schemaVersion: '2',
      files: {
        'src/a.ts': { source: 'a', mutants: [{ id: '1', status: 'Killed' }, { id: '4', status: 'Timeout' }] },
        'src/b.ts': { source: 'b', mutants: [{ id: '5', status: 'Survived' }] },
      },
    });
    expect(incremental).toEqual(copy);
  });
});
