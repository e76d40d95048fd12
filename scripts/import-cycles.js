#!/usr/bin/env node
// Fails when the compiled JavaScript in a directory (lib/ by default) has a runtime import cycle:
// a chain of require() calls between its own files that leads back to where it started. Type-only
// imports are erased by the compiler, so only the imports that run count. Prints every cycle found.
'use strict';
const fs = require('fs');
const path = require('path');

/** The .js files under dir. */
function jsFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? jsFiles(file) : entry.name.endsWith('.js') ? [file] : [];
  });
}

/** The files of the directory that a file requires at run time. */
function runtimeImports(file, known) {
  const source = fs.readFileSync(file, 'utf-8');
  const imports = [];
  for (const match of source.matchAll(/\brequire\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) {
    const base = path.resolve(path.dirname(file), match[1]);
    const target = [base, `${base}.js`, path.join(base, 'index.js')].find(candidate => known.has(candidate));
    if (target !== undefined) {
      imports.push(target);
    }
  }
  return imports;
}

/** Every cycle of the graph, each once, as a list of files from its smallest. */
function findCycles(graph) {
  const cycles = new Map();
  const state = new Map();
  const stack = [];
  const visit = node => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const start = cycle.indexOf([...cycle].sort()[0]);
        const canonical = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(canonical.join(' -> '), canonical);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  [...graph.keys()].sort().forEach(node => state.has(node) || visit(node));
  return [...cycles.values()];
}

function main() {
  const dir = path.resolve(process.argv[2] ?? 'lib');
  const files = jsFiles(dir);
  const known = new Set(files);
  const graph = new Map(files.map(file => [file, runtimeImports(file, known)]));
  const cycles = findCycles(graph);
  if (cycles.length > 0) {
    console.error(`${cycles.length} runtime import cycle(s) in ${path.relative(process.cwd(), dir) || '.'}:`);
    for (const cycle of cycles) {
      console.error(`  ${[...cycle, cycle[0]].map(file => path.relative(dir, file)).join(' -> ')}`);
    }
    process.exit(1);
  }
  console.log(`no runtime import cycle in ${files.length} files of ${path.relative(process.cwd(), dir) || '.'}`);
}

if (require.main === module) {
  main();
}
module.exports = { findCycles, runtimeImports, jsFiles };
