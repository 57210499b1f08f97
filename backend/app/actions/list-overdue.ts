import { z } from 'zod';
import type { CouncilOverdueItem, OverdueItem, Page } from '../../../types/api';
import { councilOverdueEntry } from '../../domain/council';
import { overdueOf } from '../../domain/deadlines';
import { STALL_LABELS } from '../../domain/stall';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { lastHeldMeetingOn } from '../councils';
import type { ScopeFilter, Store } from '../ports/store.port';
import { authorizedScope } from '../scopes';
import { cursor, limit } from '../schemas';
import { stalledJudge } from '../stalls';

function encode(position: { on: string; id: string }): string {
  return Buffer.from(JSON.stringify([position.on, position.id])).toString('base64url');
}

function decode(text: string | undefined): { on: string; id: string } | null | undefined {
  if (text === undefined) return undefined;
  try {
    const [on, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    return typeof on === 'string' && typeof id === 'string' ? { on, id } : null;
  } catch {
    return null;
  }
}

/** The ids of the communities a scope holds, from the directory. */
async function communitiesIn(store: Store, filter: ScopeFilter): Promise<string[]> {
  const { districts } = await store.getDirectory();
  return districts
    .filter((district) => filter.kind !== 'district' || district.id === filter.id)
    .flatMap((district) => district.streets.filter((street) => filter.kind !== 'street' || street.id === filter.id))
    .flatMap((street) => street.communities.map((community) => community.id))
    .filter((id) => filter.kind !== 'community' || id === filter.id);
}

export const listOverdue = defineAction({
  name: 'oversight.overdue',
  summary: 'The records of a scope past a running deadline — review (R-REV-1), start (R-IMP-3), completion (R-IMP-4) — with, on the first page before them, each community whose council has not met in time (R-COU-1), and the stalled projects (`reason` stalled_publicity, stalled_evaluation, stalled_audit after the policy\'s stallWorkingDays working days), oldest deadline first. A flag, never a block.',
  schema: z.object({ scopeId: z.string().min(1).max(64), cursor, limit }),
  access: { signIn: true, permission: 'oversight.overdue' },
  audit: [],
  next: ['audit.trail'],
  async run(input, context) {
    const { store, calendar } = context.services;
    const found = await authorizedScope(context, input.scopeId);
    if (!found.ok) return found;
    const { scope } = found;
    const after = decode(input.cursor);
    if (after === null) return fail('invalid_input', '分页标记无效', 'cursor');
    const slice = await store.listOverdueCandidates(scope.filter, context.today, after, input.limit ?? 20);
    // R-COU-1: the late councils of the scope, once, on the first page.
    const councils: CouncilOverdueItem[] = [];
    if (after === undefined) {
      for (const communityId of await communitiesIn(store, scope.filter)) {
        const entry = councilOverdueEntry(communityId, await lastHeldMeetingOn(store, communityId, context.today), context.today, calendar);
        if (entry) councils.push(entry);
      }
    }
    const items: (OverdueItem | CouncilOverdueItem)[] = [...councils];
    const stalledOf = stalledJudge(store, context.today, calendar);
    for (const { record } of slice.items) {
      const overdue: OverdueItem['overdue'] = overdueOf(record, context.today, calendar).map((flag) => ({ deadline: flag.name, on: flag.due.on, label: flag.label }));
      // Issue 18: stalled projects, by the policy of the record's year.
      const stalled = await stalledOf(record);
      if (stalled) overdue.push({ deadline: stalled.reason, on: stalled.dueOn.on, label: STALL_LABELS[stalled.reason] });
      if (overdue.length === 0) continue;
      items.push({
        id: record.id,
        communityId: record.communityId,
        title: record.title,
        state: record.state,
        overdue,
        ...(stalled ? { reason: stalled.reason, since: stalled.since } : {}),
      });
    }
    const last = slice.items[slice.items.length - 1];
    return ok<Page<OverdueItem | CouncilOverdueItem>>({ items, nextCursor: slice.more && last ? encode({ on: last.openDeadlineOn, id: last.record.id }) : null });
  },
});
