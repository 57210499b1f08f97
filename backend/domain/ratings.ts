/**
 * R-EVA-1: residents rate a completed project, 1–5 stars and an optional text, one rating per
 * resident; a later one replaces theirs. The counts, sum and histogram live on the proposal so
 * that a summary is O(1): how one rating moves them is decided here, and both stores apply it
 * inside the transaction that writes the rating.
 */
import type { RatingSummary } from '../../types/api';
import type { ProposalRecord } from '../../types/domain';
import { PERMITTED, type Permit } from './comments';
import { fail } from './result';

export type Histogram = [number, number, number, number, number];

/** The running totals of a proposal's ratings: the histogram holds 1..5 stars at index 0..4. */
export interface RatingCounters {
  ratingCount: number;
  ratingSum: number;
  histogram: Histogram;
}

export interface RatingContent {
  stars: number;
  text?: string;
}

/** How one rating moves the counters: the deltas to add. */
export interface RatingChange {
  countDelta: number;
  sumDelta: number;
  histogramDelta: Histogram;
}

export const NO_RATINGS: RatingCounters = { ratingCount: 0, ratingSum: 0, histogram: [0, 0, 0, 0, 0] };

/**
 * R-EVA-1: the change a resident's rating makes, given the one they gave before (null for a first
 * rating): a first rating counts once, a replacement moves only the stars. The same rating again
 * (a retried call) changes nothing: null, and nothing is written or audited.
 */
export function replaceRating(previous: RatingContent | null, next: RatingContent): RatingChange | null {
  if (previous && previous.stars === next.stars && (previous.text ?? null) === (next.text ?? null)) return null;
  const histogramDelta: Histogram = [0, 0, 0, 0, 0];
  histogramDelta[next.stars - 1] += 1;
  if (previous) histogramDelta[previous.stars - 1] -= 1;
  return { countDelta: previous ? 0 : 1, sumDelta: next.stars - (previous?.stars ?? 0), histogramDelta };
}

/** The counters after a change. */
export function applyRatingChange(counters: RatingCounters, change: RatingChange): RatingCounters {
  return {
    ratingCount: counters.ratingCount + change.countDelta,
    ratingSum: counters.ratingSum + change.sumDelta,
    histogram: counters.histogram.map((count, index) => count + change.histogramDelta[index]) as Histogram,
  };
}

/** The average of the stars given, to two decimals; 0 when nobody rated. */
export function averageStars(sum: number, count: number): number {
  return count === 0 ? 0 : Math.round((sum * 100) / count) / 100;
}

/** R-EVA-1, R-TRN-1: the public summary of a project's ratings. */
export function ratingSummary(counters: RatingCounters): RatingSummary {
  const [one, two, three, four, five] = counters.histogram;
  return {
    count: counters.ratingCount,
    average: averageStars(counters.ratingSum, counters.ratingCount),
    histogram: { '1': one, '2': two, '3': three, '4': four, '5': five },
  };
}

/** R-EVA-1: ratings are open from completion until the evaluation is published. */
export function canRate(record: ProposalRecord): Permit {
  return record.state === 'completed' ? PERMITTED : fail('window_closed', '项目完工后、评价结果发布前方可评价');
}
