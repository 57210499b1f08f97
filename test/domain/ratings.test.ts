import { PROPOSAL_STATES } from '../../common/glossary';
import { applyRatingChange, averageStars, canRate, NO_RATINGS, ratingSummary, replaceRating, type RatingCounters } from '../../backend/domain/ratings';
import { buildProposal } from './factories';

describe('R-EVA-1: ratings are open from completion until the evaluation is published', () => {
  test.each(PROPOSAL_STATES.map((state) => [state, state === 'completed'] as const))('in state %s a rating is open: %p', (state, open) => {
    const result = canRate(buildProposal({ state }));
    expect(result).toEqual(open ? { ok: true } : { ok: false, error: expect.objectContaining({ code: 'window_closed' }) });
  });
});

describe('R-EVA-1: one rating per resident, a later one replaces it', () => {
  it('R-EVA-1: a first rating counts once, with its stars', () => {
    expect(replaceRating(null, { stars: 4 })).toEqual({ countDelta: 1, sumDelta: 4, histogramDelta: [0, 0, 0, 1, 0] });
  });

  it('R-EVA-1: a replacement moves the stars and keeps the count', () => {
    expect(replaceRating({ stars: 2, text: '一般' }, { stars: 5 })).toEqual({ countDelta: 0, sumDelta: 3, histogramDelta: [0, -1, 0, 0, 1] });
  });

  it('R-EVA-1: new words with the same stars are a replacement too (nothing moves but the text)', () => {
    expect(replaceRating({ stars: 3 }, { stars: 3, text: '还行' })).toEqual({ countDelta: 0, sumDelta: 0, histogramDelta: [0, 0, 0, 0, 0] });
  });

  test.each([
    [{ stars: 3 }, { stars: 3 }],
    [{ stars: 3, text: '好' }, { stars: 3, text: '好' }],
  ])('R-EVA-1: the same rating again (%j) changes nothing', (previous, next) => {
    expect(replaceRating(previous, next)).toBeNull();
  });

  it('R-EVA-1: the counters follow a sequence of ratings and replacements exactly', () => {
    let counters: RatingCounters = NO_RATINGS;
    const given = new Map<string, { stars: number }>();
    for (const [who, stars] of [['a', 5], ['b', 3], ['a', 1], ['c', 4], ['b', 3]] as const) {
      const change = replaceRating(given.get(who) ?? null, { stars });
      if (change) counters = applyRatingChange(counters, change);
      given.set(who, { stars });
    }
    expect(counters).toEqual({ ratingCount: 3, ratingSum: 8, histogram: [1, 0, 1, 1, 0] });
    expect(NO_RATINGS).toEqual({ ratingCount: 0, ratingSum: 0, histogram: [0, 0, 0, 0, 0] });
  });
});

describe('R-TRN-1: the public summary of the ratings', () => {
  test.each([
    [0, 0, 0],
    [9, 2, 4.5],
    [10, 3, 3.33],
    [11, 3, 3.67],
  ])('R-EVA-1: %i stars over %i ratings average %p', (sum, count, average) => {
    expect(averageStars(sum, count)).toBe(average);
  });

  it('R-TRN-1: count, average and histogram keyed by stars', () => {
    expect(ratingSummary({ ratingCount: 3, ratingSum: 11, histogram: [0, 0, 1, 1, 1] })).toEqual({
      count: 3,
      average: 3.67,
      histogram: { '1': 0, '2': 0, '3': 1, '4': 1, '5': 1 },
    });
  });
});
