import { z } from 'zod';
import type { Directory, HomeAnswer, HomeBoard } from '../../../types/api';
import { defineAction } from '../action';
import { ok } from '../answers';
import { recordId, year } from '../schemas';
import { getLedger } from './get-ledger';
import { listProposals } from './list-proposals';
import { meWithConsentOf } from './me';

/** As many of each state as the home page shows before "more". */
const DEFAULT_SECTION = 5;

function inDirectory(directory: Directory, communityId: string): boolean {
  return directory.districts.some((district) => district.streets.some((street) => street.communities.some((community) => community.id === communityId)));
}

/**
 * Issue 17: a phone on a slow network pays a round trip per request, and the home page used to
 * make six in two waves (me.get with directory.get, then three proposal.list and ledger.get).
 * This answers them together, each part exactly as its own action answers it.
 */
export const getHome = defineAction({
  name: 'home.get',
  summary:
    'The home page\'s first screen in one answer: the caller (`me`, null when not signed in), the directory, and the board of the community shown — the caller\'s own, else `communityId` when it exists, else none — with its first proposals in publicity, being collected and completed (`limit` each, default 5, as `proposal.list` pages them) and its ledger of `year` (default: this year in Asia/Shanghai). Everything in it is public (R-TRN-1, R-FUN-4).',
  schema: z.object({
    communityId: recordId.optional().describe('the community a visitor picked to look at; ignored once the caller has joined one'),
    year: year.optional(),
    limit: z.number().int().min(1).max(50).optional().describe('proposals of each state, 1–50 (default 5)'),
  }),
  access: { signIn: false, permission: 'home.get' },
  audit: [],
  next: ['proposal.get', 'proposal.list', 'me.join'],
  async run(input, context) {
    const directory = await context.services.store.getDirectory();
    const me = context.caller.openid ? await meWithConsentOf(context.services.store, context.caller.openid, context.user) : null;
    const shownYear = input.year ?? Number(context.today.slice(0, 4));
    const joinedId = me?.communityId ?? null;
    const communityId = [joinedId, input.communityId ?? null].find((id): id is string => id !== null && inDirectory(directory, id)) ?? null;
    if (!communityId) return ok<HomeAnswer>({ me, directory, board: null, joined: false, year: shownYear });

    const limit = input.limit ?? DEFAULT_SECTION;
    const section = (state: 'publicity' | 'submitted' | 'completed') => listProposals.run({ communityId, state, limit }, context);
    const [publicity, submitted, completed, ledger] = await Promise.all([
      section('publicity'),
      section('submitted'),
      section('completed'),
      getLedger.run({ communityId, year: shownYear }, context),
    ]);
    // A part fails only as its own action would (a community of the directory always has a ledger).
    if (!publicity.ok) return publicity;
    if (!submitted.ok) return submitted;
    if (!completed.ok) return completed;
    if (!ledger.ok) return ledger;
    const board: HomeBoard = { communityId, publicity: publicity.data, submitted: submitted.data, completed: completed.data, ledger: ledger.data };
    return ok<HomeAnswer>({ me, directory, board, joined: communityId === joinedId, year: shownYear });
  },
});

