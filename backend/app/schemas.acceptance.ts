import { TEXT_LIMITS } from '../../common/limits';
import { z } from 'zod';
import { dateString, personText } from './schemas';

/** Issue 18 (acceptance): R-ACC-1, an acceptance as `implementation.accept` and `implementation.complete` take it. */
export const acceptanceSchema = z.object({
  acceptedOn: dateString,
  participants: z.array(personText(TEXT_LIMITS.shortText)).min(1).max(30).describe('who took part, 1–30 names'),
  opinion: personText(TEXT_LIMITS.reason),
  passed: z.boolean(),
});
