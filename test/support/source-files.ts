import * as fs from 'fs';
import * as path from 'path';

/** The library's `src/` directory. */
export const SRC = path.join(__dirname, '../../src');

/** The `.ts` files under `dir` (default: all of `src/`), in directory order. */
export function sourceFiles(dir: string = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}
