import * as server from '../../../common/glossary';
import * as pages from '../../../src/lib/labels';

// The mini-program keeps its own copy of the glossary (it imports nothing from backend/); the
// server uses its copy in messages and CSV exports. One word for one thing: the two must agree.
describe('the words on screen', () => {
  it.each(['STATE_LABELS', 'CATEGORY_LABELS', 'SOURCE_LABELS', 'EXCLUSION_LABELS', 'ROLE_LABELS'] as const)(
    '%s are the same on the pages and on the server',
    (name) => {
      expect(pages[name]).toEqual(server[name]);
    },
  );
});
