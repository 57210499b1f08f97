import { LIST_LIMITS } from '../../common/limits';
import { submitProposal, type SubmissionContext, type SubmissionInput } from '../../backend/domain/submission';
import { CATEGORIES, CATEGORY_LABELS, SOURCES, SOURCE_LABELS } from '../../common/glossary';
import { HOME } from './factories';

function buildInput(overrides: Partial<SubmissionInput> = {}): SubmissionInput {
  return {
    title: '中英街口加装休闲座椅',
    category: 'goods',
    location: '中英街口',
    description: '老人候车无处可坐',
    source: 'resident',
    ...overrides,
  };
}

function buildSubmission(overrides: Partial<SubmissionContext> = {}): SubmissionContext {
  return {
    id: 'p-9',
    createdAt: '2026-02-17T03:00:00.000Z',
    today: '2026-02-17',
    place: { ...HOME },
    proposer: { openid: 'u-res-1', name: '张小明' },
    submitter: 'resident',
    ...overrides,
  };
}

describe('R-COL-1: a proposal arrives at any time', () => {
  it('R-COL-1: a resident’s proposal on a Spring Festival holiday is accepted in state submitted, version 1', () => {
    const result = submitProposal(buildInput(), buildSubmission());
    expect(result).toEqual({
      ok: true,
      record: {
        id: 'p-9',
        ...HOME,
        state: 'submitted',
        title: '中英街口加装休闲座椅',
        category: 'goods',
        location: '中英街口',
        description: '老人候车无处可坐',
        source: 'resident',
        photos: [],
        proposerOpenid: 'u-res-1',
        proposerName: '张小明',
        createdAt: '2026-02-17T03:00:00.000Z',
        version: 1,
      },
      events: [{ type: 'ProposalSubmitted', proposalId: 'p-9', communityId: 'c-zhongying', from: null, to: 'submitted', on: '2026-02-17' }],
    });
  });

  it('R-COL-1: the photos are kept, copied', () => {
    const photos = ['cloud://a.jpg', 'cloud://b.jpg'];
    const result = submitProposal(buildInput({ photos }), buildSubmission());
    expect(result.ok && result.record.photos).toEqual(photos);
    expect(result.ok && result.record.photos).not.toBe(photos);
  });
});

describe('R-CAT-1: a proposal is works, goods or services', () => {
  test.each(CATEGORIES.map((category) => [category, CATEGORY_LABELS[category]]))('R-CAT-1: %s (%s) is accepted', (category) => {
    expect(submitProposal(buildInput({ category }), buildSubmission()).ok).toBe(true);
  });

  test.each([['construction'], [''], ['Works']])('R-CAT-1: %p is refused', (category) => {
    expect(submitProposal(buildInput({ category }), buildSubmission())).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'invalid_input', field: 'category' }),
    });
  });
});

describe('R-SRC-1: the source is recorded; a resident proposes as a resident or from the library', () => {
  test.each(SOURCES.filter((source) => source !== 'library').map((source) => [source, SOURCE_LABELS[source]]))(
    'R-SRC-1: a community worker records a proposal from source %s (%s)',
    (source) => {
      const result = submitProposal(buildInput({ source }), buildSubmission({ submitter: 'community' }));
      expect(result.ok && result.record.source).toBe(source);
    },
  );

  test.each([['party_member'], ['organisation'], ['deputies'], ['leader'], ['landscape_forest']])(
    'R-SRC-1: a resident cannot claim the source %s',
    (source) => {
      expect(submitProposal(buildInput({ source }), buildSubmission())).toEqual({
        ok: false,
        error: expect.objectContaining({ code: 'invalid_input', field: 'source' }),
      });
    },
  );

  it('R-SRC-1: an unknown source is refused', () => {
    expect(submitProposal(buildInput({ source: 'mayor' }), buildSubmission({ submitter: 'community' }))).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'invalid_input', field: 'source' }),
    });
  });

  test.each([['resident'], ['community']] as const)('R-SUP-3: a %s starts a proposal from a library entry', (submitter) => {
    const result = submitProposal(buildInput({ source: 'library', libraryEntryId: 'lib-7' }), buildSubmission({ submitter }));
    expect(result.ok && result.record).toMatchObject({ source: 'library', libraryEntryId: 'lib-7' });
  });

  it('R-SUP-3: a library source needs its entry', () => {
    expect(submitProposal(buildInput({ source: 'library' }), buildSubmission())).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'invalid_input', field: 'libraryEntryId' }),
    });
  });

  it('R-SUP-3: only a library source names a library entry', () => {
    expect(submitProposal(buildInput({ libraryEntryId: 'lib-7' }), buildSubmission())).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'invalid_input', field: 'libraryEntryId' }),
    });
  });
});

describe('R-COL-1: what a proposal must hold', () => {
  test.each<[string, string, Partial<SubmissionInput>]>([
    ['a blank title', 'title', { title: '  ' }],
    ['a title of 51 characters', 'title', { title: '座'.repeat(51) }],
    ['a blank location', 'location', { location: '' }],
    ['a location of 101 characters', 'location', { location: '街'.repeat(101) }],
    ['a blank description', 'description', { description: ' ' }],
    ['a description of 2001 characters', 'description', { description: '需'.repeat(2001) }],
    [`${LIST_LIMITS.photos + 1} photos`, 'photos', { photos: Array.from({ length: LIST_LIMITS.photos + 1 }, (_, index) => `cloud://${index}.jpg`) }],
  ])('R-COL-1: %s is refused with invalid_input on %s', (_what, field, overrides) => {
    expect(submitProposal(buildInput(overrides), buildSubmission())).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'invalid_input', field }),
    });
  });

  it('R-COL-1: a title of exactly 50 characters and as many photos as the form allows are accepted', () => {
    const photos = Array.from({ length: LIST_LIMITS.photos }, (_, index) => `cloud://${index}.jpg`);
    expect(submitProposal(buildInput({ title: '座'.repeat(50), photos }), buildSubmission()).ok).toBe(true);
  });
});
