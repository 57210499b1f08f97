import { z } from 'zod';
import type { OverdueItem, Page } from '../../../types/api';
import { overdueOf } from '../../domain/deadlines';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { resolveScope } from '../scopes';
import { cursor, limit } from '../schemas';

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

export const listOverdue = defineAction({
  name: 'oversight.overdue',
  summary: 'The records of a scope past a running deadline — review (R-REV-1), start (R-IMP-3), completion (R-IMP-4) — oldest deadline first. A flag, never a block.',
  schema: z.object({ scopeId: z.string().min(1).max(64), cursor, limit }),
  access: { signIn: true, permission: 'oversight.overdue' },
  audit: [],
  next: ['audit.trail'],
  async run(input, context) {
    const { store, calendar } = context.services;
    const scope = await resolveScope(store, input.scopeId);
    if (!scope) return fail('not_found', '没有这个范围', 'scopeId');
    const refused = context.authorize(scope.target);
    if (refused) return refused;
    const after = decode(input.cursor);
    if (after === null) return fail('invalid_input', '分页标记无效', 'cursor');
    const slice = await store.listOverdueCandidates(scope.filter, context.today, after, input.limit ?? 20);
    const items: OverdueItem[] = slice.items.map(({ record }) => ({
      id: record.id,
      communityId: record.communityId,
      title: record.title,
      state: record.state,
      overdue: overdueOf(record, context.today, calendar).map((flag) => ({ deadline: flag.name, on: flag.due.on, label: flag.label })),
    }));
    const last = slice.items[slice.items.length - 1];
    return ok<Page<OverdueItem>>({ items, nextCursor: slice.more && last ? encode({ on: last.openDeadlineOn, id: last.record.id }) : null });
  },
});
