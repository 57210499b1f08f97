import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// The shape of the mini-program's source, read from the files themselves: small files, a page's
// parts beside it in components/, the words on screen in one glossary (common/), and no pointer
// to notes outside the repository.

const root = path.resolve(__dirname, '../..');
const MAX_LINES = 400;

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder)).flatMap((name) => {
    const relative = path.join(folder, name);
    return statSync(path.join(root, relative)).isDirectory() ? filesUnder(relative) : [relative];
  });
}

const sources = filesUnder('src').filter((file) => /\.(ts|tsx)$/.test(file));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('the layout of src/', () => {
  it('finds the source files it checks', () => {
    expect(sources).toContain(path.join('src', 'pages', 'proposal-detail', 'index.tsx'));
    expect(sources.length).toBeGreaterThan(50);
  });

  it(`keeps every source file at ${MAX_LINES} lines or fewer`, () => {
    const long = sources.map((file) => ({ file, lines: read(file).split('\n').length - 1 })).filter(({ lines }) => lines > MAX_LINES);
    expect(long).toEqual([]);
  });

  it('keeps the parts of a page in components/ beside its index.tsx', () => {
    const pageFolder = /^src\/(?:[\w-]+\/)?pages\/[\w-]+\//;
    const loose = sources
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => pageFolder.test(file))
      .filter((file) => !/\/(index\.tsx|index\.config\.ts|components\/[\w.-]+\.tsx?)$/.test(file.replace(pageFolder, '/')));
    expect(loose).toEqual([]);
  });

  it('declares no table of words: states, categories, roles… are common/glossary’s', () => {
    const tables = sources.filter((file) => /export const \w+_LABELS\b/.test(read(file)));
    expect(tables).toEqual([]);
  });

  it('refers to no notes outside the repository and leaves no TODO(contract)', () => {
    const outside = sources.filter((file) => /\.\.\/shared\b|TODO\(contract\)/.test(read(file)));
    expect(outside).toEqual([]);
  });
});
