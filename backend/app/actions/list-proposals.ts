import { z } from 'zod';
import type { Page, ProposalView } from '../../../types/api';
import type { ProposalState } from '../../../types/domain';
import type { ScopeFilter } from '../ports/store.port';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { decodeCursor, encodeCursor } from '../cursor';
import { viewFor } from '../proposals';
import { cursor, limit, proposalState, recordId } from '../schemas';

const DEFAULT_PAGE = 20;

export const listProposals = defineAction({
  name: 'proposal.list',
  summary: 'Proposals newest first, a page at a time (≤ 50, default 20) with a cursor on (createdAt, id); public (R-TRN-1). One scope at most; `mine: true` lists the caller\'s own proposals.',
  schema: z.object({
    communityId: recordId.optional(),
    streetId: recordId.optional(),
    districtId: recordId.optional(),
    state: proposalState.optional(),
    mine: z.boolean().optional(),
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
    const slice = await context.services.store.listProposals({
      scope,
      state: input.state as ProposalState | undefined,
      proposerOpenid: input.mine ? (context.caller.openid as string) : undefined,
      after,
      limit: pageSize,
    });
    const items = await Promise.all(slice.items.map((stored) => viewFor(context, stored)));
    const last = slice.items[slice.items.length - 1];
    return ok<Page<ProposalView>>({ items, nextCursor: slice.more && last ? encodeCursor({ createdAt: last.record.createdAt, id: last.record.id }) : null });
  },
});
