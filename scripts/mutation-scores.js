#!/usr/bin/env node
// The README's table of mutation scores, computed from Stryker's incremental file
// (reports/stryker-incremental.json): one row per file of src/ that Stryker mutates, with its
// mutants, how many no test noticed, and its score, then the total; and the list of mutants
// marked equivalent in the source (`// Stryker disable ...: reason`), with their reasons.
//   node scripts/mutation-scores.js [incremental file]   prints both (markdown)
// The score is Stryker's: detected (killed or timed out) over every mutant that compiles and is
// not marked equivalent. A file whose source changed since its run is stale: it is not counted.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
/** Stryker's incremental file (stryker.config.mjs), kept in git. */
const INCREMENTAL_FILE = path.join(root, 'reports', 'stryker-incremental.json');

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every file Stryker mutates (stryker.config.mjs: src/**\/*.ts but src/index.ts). */
function mutatedFiles() {
  return sourceFiles(path.join(root, 'src'))
    .map(file => path.relative(root, file).split(path.sep).join('/'))
    .filter(file => file !== 'src/index.ts')
    .sort();
}

function count(mutants) {
  const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, CompileError: 0, RuntimeError: 0, Ignored: 0, Pending: 0 };
  for (const mutant of mutants) {
    counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
  }
  return counts;
}

function score(counts) {
  const detected = counts.Killed + counts.Timeout;
  const valid = detected + counts.Survived + counts.NoCoverage;
  return valid === 0 ? undefined : (100 * detected) / valid;
}

function percent(value) {
  return value === undefined ? 'no mutants' : `${value.toFixed(2)}%`;
}

/**
 * Each mutated file with its result, if any, and whether that result is stale: measured on
 * another version of the file (the incremental file keeps the source it ran on).
 */
function results(incremental, readSource) {
  return mutatedFiles().map(file => {
    const result = incremental.files[file];
    const stale = result?.source !== undefined && result.source !== readSource(file);
    return { file, result, stale };
  });
}

function readSourceFile(file) {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

/**
 * The table, as markdown lines. A file without a result says so; a stale one shows the result of
 * its last run, marked stale, and is left out of the total, which counts current results only.
 */
function table(incremental, readSource = readSourceFile) {
  const lines = [
    '| File | Mutants | Killed | Timed out | Survived | No coverage | Equivalent | Compile errors | Score |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const total = count([]);
  let missing = 0;
  let staleFiles = 0;
  for (const { file, result, stale } of results(incremental, readSource)) {
    if (result === undefined) {
      missing++;
      lines.push(`| \`${file}\` | not measured | | | | | | | |`);
      continue;
    }
    const counts = count(result.mutants);
    if (stale) {
      staleFiles++;
    } else {
      for (const [status, n] of Object.entries(counts)) {
        total[status] += n;
      }
    }
    lines.push(`| \`${file}\`${stale ? ' (stale: changed since this run)' : ''} | ${result.mutants.length} | ${counts.Killed} | ${counts.Timeout} `
      + `| ${counts.Survived} | ${counts.NoCoverage} | ${counts.Ignored} | ${counts.CompileError} | ${percent(score(counts))} |`);
  }
  const notes = [
    ...missing > 0 ? [`${missing} files not measured`] : [],
    ...staleFiles > 0 ? [`${staleFiles} stale left out`] : [],
  ];
  const all = Object.values(total).reduce((sum, n) => sum + n, 0);
  lines.push(`| **all of src/**${notes.length > 0 ? ` (${notes.join(', ')})` : ''} | ${all} | ${total.Killed} | ${total.Timeout} `
    + `| ${total.Survived} | ${total.NoCoverage} | ${total.Ignored} | ${total.CompileError} | **${percent(score(total))}** |`);
  return lines;
}

/**
 * The mutants marked equivalent, as markdown list lines: file, line, mutator, what it would
 * change, and the reason its comment gives. Only the current results are listed.
 */
function equivalents(incremental, readSource = readSourceFile) {
  const lines = [];
  for (const { file, result, stale } of results(incremental, readSource)) {
    if (result === undefined || stale) {
      continue;
    }
    const mutants = result.mutants.filter(mutant => mutant.status === 'Ignored')
      .sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column);
    for (const mutant of mutants) {
      const reason = (mutant.statusReason ?? '').replace(/^Ignored because of excluded mutation "[^"]*"$/, '').trim();
      lines.push(`- \`${file}:${mutant.location.start.line}\` ${mutant.mutatorName} \`${oneLine(mutant.replacement)}\`: ${reason || 'no reason given'}`);
    }
  }
  return lines;
}

function oneLine(text) {
  const flat = (text ?? '').replace(/\s+/g, ' ').replace(/`/g, "'");
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

module.exports = { table, equivalents, mutatedFiles, readSourceFile, count, score, INCREMENTAL_FILE };

if (require.main === module) {
  const file = process.argv[2] ?? INCREMENTAL_FILE;
  const incremental = JSON.parse(fs.readFileSync(file, 'utf8'));
  // Each source is read once for both parts.
  const sources = new Map();
  const readSource = name => sources.get(name) ?? sources.set(name, readSourceFile(name)).get(name);
  console.log([...table(incremental, readSource), '', ...equivalents(incremental, readSource)].join('\n'));
}
