import type { ProposalRecord } from '../../types/domain';
import { canComment, commentVisibility, hasCommentsOpenToStaff, isCommentVisible } from '../../backend/domain/comments';
import { buildActor, buildProposal, ELSEWHERE, HOME } from './factories';

describe('R-PUB-2: residents comment while the publicity window is open', () => {
  test.each<[string, Partial<ProposalRecord>, string, boolean]>([
    ['on the day it was published', { state: 'publicity' }, '2026-03-30', true],
    ['on its last day, until 24:00', { state: 'publicity' }, '2026-04-02', true],
    ['not the day after it ended', { state: 'publicity' }, '2026-04-03', false],
    ['not before it is published', { state: 'approved' }, '2026-03-28', false],
    ['not once implementing', { state: 'implementing' }, '2026-04-10', false],
  ])('R-PUB-2: a comment %s: %p', (_when, overrides, today, open) => {
    const result = canComment(buildProposal(overrides), today);
    expect(result).toEqual(open ? { ok: true } : { ok: false, error: expect.objectContaining({ code: 'window_closed' }) });
  });
});

describe('R-PUB-3: the community answers and moderates comments from publicity on', () => {
  test.each<[string, Partial<ProposalRecord>, boolean]>([
    ['before publicity', { state: 'approved', publicity: undefined }, false],
    ['during publicity', { state: 'publicity' }, true],
    ['after it, while implementing', { state: 'implementing' }, true],
  ])('R-PUB-3: %s the comments are open to staff: %p', (_when, overrides, open) => {
    expect(hasCommentsOpenToStaff(buildProposal(overrides))).toBe(open);
  });
});

describe('R-PUB-2, R-TRN-1: who sees which comments', () => {
  const place = HOME;
  const worker = buildActor('community', HOME, { openid: 'u-com-zhongying' });
  const otherWorker = buildActor('community', ELSEWHERE, { openid: 'u-com-tianxin' });
  const author = buildActor('resident', HOME, { openid: 'u-res-1' });
  const neighbour = buildActor('resident', HOME, { openid: 'u-res-2' });
  const street = buildActor('street', HOME, { openid: 'u-street-shatoujiao' });
  const anonymous = buildActor(null);

  test.each([
    ['the community worker in scope', worker, { allPending: true, pendingOf: 'u-com-zhongying' }],
    ['a community worker of another community', otherWorker, { allPending: false, pendingOf: 'u-com-tianxin' }],
    ['the author', author, { allPending: false, pendingOf: 'u-res-1' }],
    ['the street above', street, { allPending: false, pendingOf: 'u-street-shatoujiao' }],
    ['an anonymous reader', anonymous, { allPending: false, pendingOf: null }],
  ])('R-PUB-2: %s sees %j of the pending comments', (_who, viewer, visibility) => {
    expect(commentVisibility(viewer, place)).toEqual(visibility);
  });

  test.each([
    ['published', 'a neighbour', neighbour, true],
    ['published', 'an anonymous reader', anonymous, true],
    ['pending', 'its author', author, true],
    ['pending', 'the community worker in scope', worker, true],
    ['pending', 'a neighbour', neighbour, false],
    ['pending', 'an anonymous reader', anonymous, false],
    ['pending', 'a community worker of another community', otherWorker, false],
    ['hidden', 'its author', author, false],
    ['hidden', 'the community worker in scope', worker, false],
  ] as const)('R-PUB-2: a %s comment by u-res-1 is visible to %s: %p', (status, _who, viewer, visible) => {
    expect(isCommentVisible({ status, authorOpenid: 'u-res-1' }, commentVisibility(viewer, place))).toBe(visible);
  });
});
