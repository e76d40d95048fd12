#!/usr/bin/env node
// Runs Stryker (`npx projen mutation [stryker options]`) and keeps the incremental file honest
// about what each result was measured on.
//
// Stryker writes every file of the previous incremental file back into the new one, the files
// it did not mutate in this run included, and stores each with the source it reads from disk
// now, not the source its results were measured on. A file changed since its last run, then
// carried over by a run of other files, would look measured on its new code: its results would
// show as current in the README's table (scripts/mutation-scores.js compares the stored source
// with the file), and the next run of that file would diff from the wrong source. So after a run
// each file that was not mutated gets back the source stored before it.
//   node scripts/mutation-run.js [--mutate patterns] [other stryker options]
'use strict';
const childProcess = require('child_process');
const fs = require('fs');
const path = require('path');
const { INCREMENTAL_FILE: INCREMENTAL, mutatedFiles, readSourceFile } = require('./mutation-scores.js');

const root = path.resolve(__dirname, '..');
/** The `mutate` of stryker.config.mjs, when no --mutate is given. */
const DEFAULT_MUTATE = ['src/**/*.ts', '!src/index.ts'];

/** A glob of Stryker's `mutate` (`*`, `**`, `?`) as a regular expression over a repository path. */
function globPattern(glob) {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const character = glob[i];
    if (glob.startsWith('**/', i)) {
      pattern += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      pattern += '.*';
      i += 1;
    } else if (character === '*') {
      pattern += '[^/]*';
    } else if (character === '?') {
      pattern += '[^/]';
    } else {
      pattern += character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${pattern}$`);
}

/**
 * The files a run mutated wholly: those some pattern names and no `!` pattern excludes. A pattern
 * with a line range (`file.ts:10-20`) re-tests part of a file, so that file keeps its old source.
 */
function mutatedWholly(files, patterns) {
  const included = patterns.filter(pattern => !pattern.startsWith('!'));
  const excluded = patterns.filter(pattern => pattern.startsWith('!')).map(pattern => globPattern(pattern.slice(1)));
  const whole = included.filter(pattern => !/:\d+(?::\d+)?-\d+(?::\d+)?$/.test(pattern)).map(globPattern);
  return files.filter(file => whole.some(pattern => pattern.test(file)) && !excluded.some(pattern => pattern.test(file)));
}

/** The `--mutate` patterns of Stryker's arguments (`--mutate a,b`, `--mutate=a,b`, `-m a`), or the default. */
function mutatePatterns(args) {
  const patterns = [];
  args.forEach((arg, position) => {
    const inline = /^--mutate=(.*)$/.exec(arg);
    if (inline) {
      patterns.push(...inline[1].split(','));
    } else if ((arg === '--mutate' || arg === '-m') && position + 1 < args.length) {
      patterns.push(...args[position + 1].split(','));
    }
  });
  return patterns.length > 0 ? patterns.map(pattern => pattern.trim()).filter(pattern => pattern !== '') : DEFAULT_MUTATE;
}

/**
 * The incremental file after a run, with each file the run did not mutate wholly given back the
 * source stored before the run (a file new to the report keeps what Stryker wrote). A file the
 * run mutated wholly in which Stryker found nothing to mutate (re-exports, a table `as const`)
 * is missing from Stryker's report: it is entered with no mutants, so the scores say so.
 */
function keepSources(before, after, mutated, readSource) {
  const wholly = new Set(mutated);
  const files = {};
  for (const [file, result] of Object.entries(after.files)) {
    const previous = before?.files?.[file];
    files[file] = !wholly.has(file) && previous !== undefined ? { ...result, source: previous.source } : result;
  }
  for (const file of mutated) {
    if (files[file] === undefined) {
      files[file] = { language: 'typescript', mutants: [], source: readSource(file) };
    }
  }
  // Stryker drops such files from the report again when a later run carries the others over.
  for (const [file, result] of Object.entries(before?.files ?? {})) {
    if (files[file] === undefined && result.mutants.length === 0) {
      files[file] = result;
    }
  }
  return { ...after, files };
}

/** What no test detected: Stryker keeps these results until a test covering the mutant changes. */
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/**
 * The incremental file without the mutants no test detected (survived, or covered by no test) of
 * the files the run mutates wholly, so that Stryker tests them again, with the tests of today.
 * Stryker tests a survivor again only when a test that covers it changed or was added; a static
 * mutant (in code that runs when its module loads, such as a module-level regular expression) is
 * covered by no test in particular, so its first result stayed forever, even after a test that
 * kills it was written; and a test file the run leaves out covers nothing. Survivors are few, so
 * testing them again costs little.
 */
function forgetUndetected(incremental, mutated) {
  const wholly = new Set(mutated);
  const files = {};
  for (const [file, result] of Object.entries(incremental.files)) {
    files[file] = wholly.has(file) ? { ...result, mutants: result.mutants.filter(mutant => !UNDETECTED.has(mutant.status)) } : result;
  }
  return { ...incremental, files };
}

module.exports = { globPattern, mutatedWholly, mutatePatterns, keepSources, forgetUndetected };

if (require.main === module) {
  const args = process.argv.slice(2);
  const before = fs.existsSync(INCREMENTAL) ? JSON.parse(fs.readFileSync(INCREMENTAL, 'utf8')) : undefined;
  const mutated = mutatedWholly(mutatedFiles(), mutatePatterns(args));
  // Stryker works on a copy, so the committed file changes only when a run completes.
  const working = `${INCREMENTAL}.run`;
  fs.rmSync(working, { force: true });
  if (before !== undefined) {
    fs.writeFileSync(working, JSON.stringify(forgetUndetected(before, mutated), null, 2));
  }
  const run = childProcess.spawnSync('npx', ['stryker', 'run', ...args, '--incrementalFile', working], { cwd: root, stdio: 'inherit' });
  if (run.status === 0 && fs.existsSync(working)) {
    const after = JSON.parse(fs.readFileSync(working, 'utf8'));
    fs.writeFileSync(INCREMENTAL, JSON.stringify(keepSources(before, after, mutated, readSourceFile), null, 2));
  }
  fs.rmSync(working, { force: true });
  process.exit(run.status ?? 1);
}
