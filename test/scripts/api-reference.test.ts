import { readFileSync } from 'node:fs';
import { API_REFERENCE_FILE, apiReference } from '../../scripts/api-reference';
import { CATALOG } from '../../backend/app/catalog';

// docs/api.md is written from the action declarations; a declaration changed without
// `npm run docs:api` leaves the committed reference behind, and this fails.

describe('the API reference (docs/api.md)', () => {
  let written: string;
  beforeAll(() => {
    written = apiReference();
  }, 60_000);

  it('is exactly what the generator writes from the declarations (run `npm run docs:api`)', () => {
    expect(readFileSync(API_REFERENCE_FILE, 'utf8')).toBe(written);
  });

  it('has a section for every declared action, with who may call it, its answer and its payload', () => {
    for (const declaration of CATALOG) {
      const section = written.split(`### ${declaration.name}\n`)[1]?.split('\n### ')[0] ?? '';
      expect(section).toContain(declaration.summary);
      expect(section).toMatch(/- \*\*Who may call\*\*: \S/);
      expect(section).not.toContain('**Answer**: `?`');
    }
    expect(written).toContain('| `title` | string | yes | text, 1–50 characters after trimming; no control, bidi or unpaired characters |');
    expect(written).toContain('- **Who may call**: street — within their scope (`review.decide` in backend/domain/permissions.ts)');
  });
});
