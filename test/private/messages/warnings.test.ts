import * as fs from 'fs';
import * as path from 'path';
import { WARNING_CATALOGUE, WarningId } from '../../../src/private/messages/warnings';

const ROOT = path.join(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => entry.isDirectory()
    ? sourceFiles(path.join(dir, entry.name))
    : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : []);
}

describe('the warning catalogue', () => {
  test('lists every warning id once', () => {
    expect(WARNING_CATALOGUE.map(entry => entry.id).sort()).toEqual(Object.values(WarningId).sort());
  });

  test('is the README\'s table of warnings, row for row', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
    const start = readme.indexOf('| Warning id | Raised | On | When |');
    expect(start).toBeGreaterThan(0);
    const rows = readme.slice(start).split('\n\n')[0].split('\n').slice(2);
    expect(rows).toEqual(WARNING_CATALOGUE.map(entry => `| \`${entry.id}\` | ${entry.phase} | ${entry.on} | ${entry.when} |`));
  });

  test('says where each warning is raised: synthesis warnings only in synth rules, construction ones only outside them', () => {
    const files = sourceFiles(path.join(ROOT, 'src')).filter(file => !file.endsWith(path.join('messages', 'warnings.ts')));
    const keyOf = Object.fromEntries(Object.entries(WarningId).map(([key, id]) => [id, key]));
    for (const entry of WARNING_CATALOGUE) {
      const users = files.filter(file => fs.readFileSync(file, 'utf-8').includes(`WarningId.${keyOf[entry.id]}`))
        .map(file => path.relative(ROOT, file));
      expect({ id: entry.id, users: users.length > 0 }).toEqual({ id: entry.id, users: true });
      const inSynth = users.every(file => file.startsWith(path.join('src', 'private', 'synth')));
      expect({ id: entry.id, synthesis: inSynth }).toEqual({ id: entry.id, synthesis: entry.phase === 'synthesis' });
    }
  });
});
