import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// Two rules of the repository that no convention keeps by itself: it explains itself in its own
// words (docs/), never by pointing outside itself; and no source file grows past 400 lines.

const root = path.resolve(__dirname, '../..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
// Built from pieces, so that this file does not name what it looks for.
const OUTSIDE = ['..', 'shared'].join('/');
const MAX_LINES = 400;
const SOURCE_FOLDERS = ['backend/', 'src/', 'types/', 'common/'];

/** The text without its module specifiers: an import of the app's own staff folder is not the notebook. */
function withoutImports(text: string): string {
  return text.replace(/(\bfrom\s+|\bimport\s+|\brequire\(\s*)['"][^'"]*['"]/g, '$1');
}

function isText(file: string): boolean {
  return !/\.(png|jpe?g|gif|webp|ico|woff2?|ttf|db)$/i.test(file);
}

describe('the repository', () => {
  it(`no tracked file refers to ${['..', 'shared'].join('/').replace('/', ' / ')} (the notebook outside the repository)`, () => {
    const referring = tracked.filter((file) => isText(file) && withoutImports(readFileSync(path.join(root, file), 'utf8')).includes(OUTSIDE));
    expect(referring).toEqual([]);
  });

  it(`no source file under ${SOURCE_FOLDERS.join(', ')} is longer than ${MAX_LINES} lines`, () => {
    const long = tracked
      .filter((file) => SOURCE_FOLDERS.some((folder) => file.startsWith(folder)) && /\.(ts|tsx)$/.test(file))
      .map((file) => ({ file, lines: readFileSync(path.join(root, file), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  it('the checks see what they look for', () => {
    expect(tracked).toContain('backend/app/catalog.ts');
    expect(withoutImports(`// see ${OUTSIDE}/spec/api.md`).includes(OUTSIDE)).toBe(true);
    expect(withoutImports(`import { Gate } from '../../shared/gate';`).includes(OUTSIDE)).toBe(false);
  });
});
