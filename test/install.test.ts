import * as fs from 'fs';
import * as path from 'path';

// What a user installs: the README's install commands name the packages this repository builds,
// its Requirements state package.json's engines.node, and the compiled JavaScript carries its
// TypeScript, so stack traces from the published package point at code users have.

const ROOT = path.join(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));

/** The README's section under a `## ` heading, up to the next one. */
function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}\n`);
  expect(start).toBeGreaterThan(-1);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end === -1 ? undefined : end);
}

describe('the README install section', () => {
  const install = section('Install');

  test('comes first, before the requirements', () => {
    expect(README.indexOf('\n## Install\n')).toBeLessThan(README.indexOf('\n## Requirements\n'));
    expect(README.slice(0, README.indexOf('\n## Install\n'))).not.toMatch(/\n## /);
  });

  test('installs the npm package by its name', () => {
    expect(install).toContain(`npm install ${PACKAGE.name}\n`);
  });

  test('installs the Python package by its distribution name and names its module', () => {
    const python = PACKAGE.jsii.targets.python;
    expect(install).toContain(`pip install ${python.distName}\n`);
    expect(install).toContain(`the module is ${python.module}`);
  });

  test('gets the Go package by its module path and package name', () => {
    const go = PACKAGE.jsii.targets.go;
    expect(install).toContain(`go get ${go.moduleName}/${go.packageName}\n`);
    expect(install).toContain(`the package is ${go.packageName}`);
  });

  test('names the Maven artifact by its group and artifact id', () => {
    const maven = PACKAGE.jsii.targets.java.maven;
    expect(install).toContain(`<groupId>${maven.groupId}</groupId>`);
    expect(install).toContain(`<artifactId>${maven.artifactId}</artifactId>`);
  });

  test('states the peer dependency floors package.json declares', () => {
    const cdkFloor = PACKAGE.peerDependencies['aws-cdk-lib'].replace(/^\^/, '');
    expect(install).toContain(`\`aws-cdk-lib\` (${cdkFloor} or later)`);
    expect(PACKAGE.peerDependencies.constructs).toMatch(/^\^10\./);
    expect(install).toContain('`constructs` (10)');
  });
});

describe('engines.node', () => {
  test('is what the README Requirements state', () => {
    const requirements = section('Requirements');
    expect(PACKAGE.engines.node).toBe('>= 20.16.0');
    expect(requirements).toContain(`\`engines.node\` in \`package.json\` is \`${PACKAGE.engines.node}\``);
  });
});

describe('the compiled JavaScript', () => {
  const lib = path.join(ROOT, 'lib');
  const files = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? files(file) : entry.name.endsWith('.js') ? [file] : [];
  });

  test('inlines a source map holding the TypeScript source, in every file', () => {
    const compiled = files(lib);
    expect(compiled.length).toBeGreaterThan(20);
    for (const file of compiled) {
      const text = fs.readFileSync(file, 'utf-8');
      const match = /\n\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(text);
      expect({ file, inlined: match !== null }).toEqual({ file, inlined: true });
      const map = JSON.parse(Buffer.from(match![1], 'base64').toString('utf-8'));
      const source = path.join(ROOT, 'src', path.relative(lib, file).replace(/\.js$/, '.ts'));
      expect(map.sources.map((s: string) => path.resolve(path.dirname(file), s))).toEqual([source]);
      expect(map.sourcesContent).toEqual([fs.readFileSync(source, 'utf-8')]);
    }
  });
});

describe('CHANGELOG.md', () => {
  const changelog = fs.readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf-8');

  test('starts with the unreleased 0.x and names every package as users install it', () => {
    expect(changelog).toMatch(/^# Changelog\n/);
    const first = changelog.indexOf('\n## ');
    expect(changelog.slice(first + 1)).toMatch(/^## \[Unreleased\] \(0\.x/);
    const targets = PACKAGE.jsii.targets;
    expect(changelog).toContain(`npm \`${PACKAGE.name}\``);
    expect(changelog).toContain(`PyPI \`${targets.python.distName}\``);
    expect(changelog).toContain(`\`${targets.java.maven.groupId}:${targets.java.maven.artifactId}\``);
    expect(changelog).toContain(`\`${targets.go.moduleName}/${targets.go.packageName}\``);
  });

  test('is linked from the README install section and ships in the npm package', () => {
    expect(section('Install')).toContain('[CHANGELOG.md](CHANGELOG.md)');
    const ignored = fs.readFileSync(path.join(ROOT, '.npmignore'), 'utf-8').split('\n');
    expect(ignored.filter(line => /changelog/i.test(line))).toEqual(['/dist/changelog.md']);
  });
});
