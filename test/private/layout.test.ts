import * as fs from 'fs';
import * as path from 'path';
import { RoleMappingMatchType } from '../../src';
import { MATCH_TYPES } from '../../src/private/construct-time/role-mapping-validation';
import { SRC, sourceFiles } from '../support/source-files';


describe('the layout of src/private', () => {
  test('src/private reaches the public files only through import type', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(path.join(SRC, 'private'))) {
      for (const match of fs.readFileSync(file, 'utf-8').matchAll(/^import (?!type )[^;]*from '(\.[^']*)';/gm)) {
        const target = path.resolve(path.dirname(file), match[1]);
        if (!target.startsWith(path.join(SRC, 'private') + path.sep)) {
          offenders.push(`${path.relative(SRC, file)}: ${match[1]}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  test('the match types the rules accept are RoleMappingMatchType\'s values, in its order', () => {
    expect(MATCH_TYPES).toEqual(Object.values(RoleMappingMatchType));
  });
});
