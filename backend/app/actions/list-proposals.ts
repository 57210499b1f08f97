import { z } from 'zod';
import type { ProposalPage } from '../../../types/api';

import type { ProposalState } from '../../../types/domain';
import type { ScopeFilter } from '../ports/store.port';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { decodeCursor, encodeCursor } from '../cursor';
import { viewFor } from '../proposals';
import { category, cursor, limit, personText, proposalState, recordId, year } from '../schemas';
import { SEARCH_QUERY_MAX } from '../../domain/search';

const DEFAULT_PAGE = 20;
/** `total` counts up to this many (spec/api.md: a count that may stop at 10,000). */
export const TOTAL_CAP = 10_000;

export const listProposals = defineAction({
  name: 'proposal.list',
  summary:
    'Proposals newest first, a page at a time (≤ 50, default 20) with a cursor on (createdAt, id); public (R-TRN-1), in every state. One scope at most; `mine: true` lists the caller\'s own proposals; `q` searches title, description and location (any length), with `category`, `year` and `states`; `total` counts the matches up to 10,000.',
  schema: z.object({
    communityId: recordId.optional(),
    streetId: recordId.optional(),
    districtId: recordId.optional(),
    state: proposalState.optional(),
    mine: z.boolean().optional(),
    q: personText(SEARCH_QUERY_MAX).optional().describe(`a substring of the title, description or location, 1–${SEARCH_QUERY_MAX} characters`),
    category: category.optional(),
    year: year.optional().describe('the year (Asia/Shanghai) the proposal was submitted in'),
    states: z.array(proposalState).min(1).max(20).optional().describe('any of these states (with `state`: both must hold)'),
    cursor,
    limit,
  }),
  access: { signIn: false, permission: 'proposal.list' },
  audit: [],
  next: ['proposal.get'],
  async run(input, context) {
    const scopes = [input.communityId, input.streetId, input.districtId].filter((id) => id !== undefined);
    if (scopes.length > 1) return fail('invalid_input', '只能按一个范围查询', 'communityId');
    if (input.mine && !context.caller.openid) return fail('unauthenticated', '请先登录');
    const after = decodeCursor(input.cursor);
    if (after === null) return fail('invalid_input', '分页标记无效', 'cursor');
    const scope: ScopeFilter = input.communityId
      ? { kind: 'community', id: input.communityId }
      : input.streetId
        ? { kind: 'street', id: input.streetId }
        : input.districtId
          ? { kind: 'district', id: input.districtId }
          : { kind: 'all' };
    const pageSize = input.limit ?? DEFAULT_PAGE;
    // `state` and `states` together: a state must be both (none when they do not meet).
    const asked = input.states as ProposalState[] | undefined;
    const one = input.state as ProposalState | undefined;
    const states = asked && one ? asked.filter((state) => state === one) : asked ?? (one ? [one] : undefined);
    if (states && states.length === 0) return ok<ProposalPage>({ items: [], nextCursor: null, total: 0 });
    const filters = {
      scope,
      states: states ? [...new Set(states)] : undefined,
      category: input.category,
      year: input.year,
      text: input.q,
      proposerOpenid: input.mine ? (context.caller.openid as string) : undefined,
    };
    const slice = await context.services.store.listProposals({ ...filters, after, limit: pageSize });
    // A first page that holds every match is its own count: most filtered searches end there.
    const total = !after && !slice.more ? slice.items.length : await context.services.store.countProposals(filters, TOTAL_CAP);
    const { openid } = context.caller;
    const items = await Promise.all(
      slice.items.map(async (stored) => {
        const view = await viewFor(context, stored);
        // R-EVA-1: a signed-in resident's own stars on a rateable project, so lists show them instead of an invitation.
        const rating = openid && view.allowedActions.includes('rating.set') ? await context.services.store.findRating(stored.record.id, openid) : null;
        if (rating) view.myRating = { proposalId: rating.proposalId, stars: rating.stars, ...(rating.text !== undefined ? { text: rating.text } : {}), updatedAt: rating.updatedAt };
        return view;
      }),
    );
    const last = slice.items[slice.items.length - 1];
    return ok<ProposalPage>({
      items,
      nextCursor: slice.more && last ? encodeCursor({ createdAt: last.record.createdAt, id: last.record.id }) : null,
      total,
    });
  },
});
