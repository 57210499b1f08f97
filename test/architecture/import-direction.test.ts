import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// The layers point one way: the domain at nothing but the contract, the application at the
// domain and its own ports, adapters and composition roots at the application. A wrong-way
// arrow is found here by reading every import of every source file, not by convention.

const root = path.resolve(__dirname, '../..');

function sourceFiles(folder: string): string[] {
  const absolute = path.join(root, folder);
  return readdirSync(absolute).flatMap((name) => {
    const full = path.join(absolute, name);
    if (statSync(full).isDirectory()) return sourceFiles(path.join(folder, name));
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path.join(folder, name)] : [];
  });
}

interface Import {
  /** The file or package imported: a repository path for relative imports, else the package. */
  target: string;
  typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const resolve = (specifier: string) =>
    specifier.startsWith('.') ? path.relative(root, path.resolve(path.dirname(path.join(root, file)), specifier)) : specifier;
  const found: Import[] = [];
  for (const match of text.matchAll(IMPORT)) found.push({ target: resolve(match[3]), typeOnly: Boolean(match[2]) });
  for (const match of text.matchAll(DYNAMIC)) found.push({ target: resolve(match[1]), typeOnly: false });
  return found;
}

const inside = (target: string, folder: string) => target === folder || target.startsWith(`${folder}/`);

function wrongWayArrows(folder: string, allowed: (item: Import) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) =>
    importsOf(file)
      .filter((item) => !allowed(item))
      .map((item) => `${file} → ${item.target}`),
  );
}

const ADAPTERS = ['backend/store/sqlite', 'backend/store/cloudbase', 'backend/wechat', 'backend/local', 'backend/functions', 'backend/seed'];

describe('import direction (the layers point one way)', () => {
  it('the domain imports only itself, the contract (types/, common/) and the holiday data', () => {
    const arrows = wrongWayArrows('backend/domain', ({ target }) =>
      inside(target, 'backend/domain') || inside(target, 'types') || inside(target, 'common') || target === 'chinese-days/dist/chinese-days.json',
    );
    expect(arrows).toEqual([]);
  });

  it('the application imports no adapter, no composition root and no demo data', () => {
    const arrows = wrongWayArrows('backend/app', ({ target }) => !ADAPTERS.some((adapter) => inside(target, adapter)));
    expect(arrows).toEqual([]);
  });

  it('the contract (types/, common/) imports nothing but itself', () => {
    const contract = (item: Import) => inside(item.target, 'types') || inside(item.target, 'common');
    expect([...wrongWayArrows('types', contract), ...wrongWayArrows('common', contract)]).toEqual([]);
  });

  it('the mini-program imports from backend/ only types, never code', () => {
    const arrows = wrongWayArrows('src', (item) => !inside(item.target, 'backend') || item.typeOnly);
    expect(arrows).toEqual([]);
  });

  it('the check itself sees a wrong-way arrow when there is one', () => {
    // The dispatch's own imports include the domain: were the domain the one importing the
    // application, this is the shape of what the first test would report.
    const dispatchImports = importsOf('backend/app/dispatch.ts').map((item) => item.target);
    expect(dispatchImports).toContain('backend/domain/calendar');
    expect(inside('backend/store/sqlite/sqlite.store', 'backend/store/sqlite')).toBe(true);
    expect(inside('backend/store/sqlite-like', 'backend/store/sqlite')).toBe(false);
  });
});
