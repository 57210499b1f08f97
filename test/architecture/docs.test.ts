import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

// docs/rules.md points every rule at the domain function that decides it and the tests that
// prove it. These checks keep the pointers true: a renamed function, a moved test or a new rule
// id that the document does not know makes them fail.

const root = path.resolve(__dirname, '../..');
const rules = readFileSync(path.join(root, 'docs/rules.md'), 'utf8');
const RULE_ID = /R-[A-Z]+-\d+/g;

interface RuleRow {
  id: string;
  decidedIn: { file: string; names: string[] }[];
  provedBy: string[];
}

function rowsOf(text: string): RuleRow[] {
  return text
    .split('\n')
    .filter((line) => /^\| R-[A-Z]+-\d+ \|/.test(line))
    .map((line) => {
      const [id, , decided, proved] = line
        .replace(/^\| | \|$/g, '')
        .split(' | ')
        .map((cell) => cell.trim());
      const decidedIn = decided.split(';').map((part) => {
        const [file, names = ''] = part.split('·').map((piece) => piece.trim());
        return { file: file.replace(/`/g, ''), names: [...names.matchAll(/`([^`]+)`/g)].map((match) => match[1]) };
      });
      const provedBy = [...proved.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
      return { id: id.trim(), decidedIn, provedBy };
    });
}

function filesUnder(folder: string): string[] {
  return readdirSync(path.join(root, folder)).flatMap((name) => {
    const relative = path.join(folder, name);
    return statSync(path.join(root, relative)).isDirectory() ? filesUnder(relative) : [relative];
  });
}

const ROWS = rowsOf(rules);

describe('docs/rules.md', () => {
  it('has one row per rule id', () => {
    const ids = ROWS.map((row) => row.id);
    expect(ids.length).toBeGreaterThanOrEqual(34);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(ROWS.map((row) => [row.id, row] as const))('%s: the functions it names exist in their files', (_id, row) => {
    for (const { file, names } of row.decidedIn) {
      const source = readFileSync(path.join(root, file), 'utf8');
      expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect({ file, name, found: new RegExp(`\\b(function|const|class)\\s+${name}\\b`).test(source) }).toEqual({ file, name, found: true });
    }
  });

  it.each(ROWS.map((row) => [row.id, row] as const))('%s: every test it names names the rule', (id, row) => {
    expect(row.provedBy.length).toBeGreaterThan(0);
    for (const test of row.provedBy) expect({ test, names: readFileSync(path.join(root, test), 'utf8').includes(id) }).toEqual({ test, names: true });
  });

  it('knows every rule id that a test or the code names', () => {
    const documented = new Set(ROWS.map((row) => row.id));
    const named = new Set(
      [...filesUnder('test'), ...filesUnder('backend')]
        .filter((file) => /\.(ts|tsx)$/.test(file))
        .flatMap((file) => readFileSync(path.join(root, file), 'utf8').match(RULE_ID) ?? []),
    );
    expect([...named].filter((id) => !documented.has(id)).sort()).toEqual([]);
  });
});
