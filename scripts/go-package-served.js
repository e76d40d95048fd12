#!/usr/bin/env node
// Builds the Go package the Go tests (test/go) run, from this checkout's src/, against an
// aws-cdk-lib release whose Go module the module proxy serves.
//
// Why a second build: the published Go package (`npx projen package:go`, dist/go) is generated
// against aws-cdk-lib at our floor, and its go.mod requires awscdk at that floor. The proxy reached
// here does not serve that awscdk (v2.187.0 is refused), and the releases it serves (v2.230.0 and
// later) cannot compile a package generated against 2.187: aws-cdk-lib moved `env` into
// `IEnvironmentAware` (aws/aws-cdk#35817), so their `Env()` returns `*interfaces.ResourceEnvironment`
// where a 2.187 package declares `*awscdk.ResourceEnvironment`, and Go rejects the two methods.
// So the same sources are compiled by jsii against the served release and packaged by jsii-pacmak,
// and test/go runs that package. Nothing of the published package changes.
//
// Usage: node scripts/go-package-served.js <aws-cdk-lib version> <constructs version> <work dir>
// Writes <work dir>/dist/go/<package>/ and prints its go.mod.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const [cdkVersion, constructsVersion, workDirArg] = process.argv.slice(2);
if (!cdkVersion || !constructsVersion || !workDirArg) {
  console.error('usage: node scripts/go-package-served.js <aws-cdk-lib version> <constructs version> <work dir>');
  process.exit(2);
}
const root = path.resolve(__dirname, '..');
const work = path.resolve(workDirArg);
const bin = name => path.join(root, 'node_modules', '.bin', name);
const run = (command, args) => execFileSync(command, args, { cwd: work, stdio: 'inherit' });

// The dependencies are installed once per version pair; the sources are copied afresh every time.
const installed = path.join(work, 'node_modules', 'aws-cdk-lib', 'package.json');
const hasDependencies = fs.existsSync(installed)
  && JSON.parse(fs.readFileSync(installed, 'utf-8')).version === cdkVersion
  && JSON.parse(fs.readFileSync(path.join(work, 'node_modules', 'constructs', 'package.json'), 'utf-8')).version === constructsVersion;
for (const entry of ['src', 'lib', 'dist', '.jsii', 'tsconfig.json', 'package.json']) {
  fs.rmSync(path.join(work, entry), { recursive: true, force: true });
}
fs.mkdirSync(work, { recursive: true });
fs.cpSync(path.join(root, 'src'), path.join(work, 'src'), { recursive: true });
for (const file of ['README.md', 'LICENSE']) {
  fs.copyFileSync(path.join(root, file), path.join(work, file));
}

// package.json: ours, with aws-cdk-lib and constructs at the served versions (peer and dev alike).
const ours = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf-8'));
const peers = { 'aws-cdk-lib': `^${cdkVersion}`, 'constructs': `^${constructsVersion}` };
const manifest = {
  name: ours.name,
  version: ours.version,
  description: ours.description,
  license: ours.license,
  author: ours.author,
  repository: ours.repository,
  main: ours.main,
  types: ours.types,
  stability: ours.stability,
  jsii: ours.jsii,
  peerDependencies: peers,
  devDependencies: {
    'aws-cdk-lib': cdkVersion,
    'constructs': constructsVersion,
    '@types/node': ours.devDependencies['@types/node'],
  },
};
fs.writeFileSync(path.join(work, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

// tsconfig.json: ours, without the test-only types.
const tsconfig = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf-8'));
delete tsconfig['//'];
tsconfig.compilerOptions.types = ['node'];
fs.writeFileSync(path.join(work, 'tsconfig.json'), `${JSON.stringify(tsconfig, null, 2)}\n`);

if (!hasDependencies) {
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--no-package-lock']);
}
run(bin('jsii'), ['--silence-warnings=reserved-word']);
run(bin('jsii-pacmak'), ['--target', 'go', '--code-only']);

const goPackage = ours.jsii.targets.go.packageName;
process.stdout.write(fs.readFileSync(path.join(work, 'dist', 'go', goPackage, 'go.mod'), 'utf-8'));
