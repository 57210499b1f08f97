import { z } from 'zod';
import type { ChecklistEntry } from '../../../types/api';
import { missingDocuments, DOCUMENT_LABELS } from '../../domain/checklist';
import { STATE_LABELS } from '../../../common/glossary';
import { policyYearOf } from '../../domain/lifecycle';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { toCsv } from '../csv';
import { decodeCursor, encodeCursor } from '../cursor';
import { policyFor } from '../proposals';
import { authorizedScope } from '../scopes';
import { cursor, limit } from '../schemas';

export const listChecklist = defineAction({
  name: 'oversight.checklist',
  summary: 'The records of a scope with documents missing for their state (R-SUP-1), newest first, for the streets\' self-checks and the district\'s inspection; the page also comes as CSV.',
  schema: z.object({ scopeId: z.string().min(1).max(64), cursor, limit }),
  access: { signIn: true, permission: 'oversight.checklist' },
  audit: [],
  next: [],
  async run(input, context) {
    const { store } = context.services;
    const found = await authorizedScope(context, input.scopeId);
    if (!found.ok) return found;
    const { scope } = found;
    const after = decodeCursor(input.cursor);
    if (after === null) return fail('invalid_input', '分页标记无效', 'cursor');
    const slice = await store.listWithMissingDocuments(scope.filter, after, input.limit ?? 20);
    const items: ChecklistEntry[] = [];
    for (const { record } of slice.items) {
      // The store lists the records that lacked documents when last written; the list of what
      // they lack is recomputed with the policy in force now.
      const policy = await policyFor(store, record.districtId, policyYearOf(record, context.today));
      const missing = missingDocuments(record, policy).map((id) => ({ id, label: DOCUMENT_LABELS[id] }));
      items.push({ id: record.id, communityId: record.communityId, title: record.title, state: record.state, missing });
    }
    const csv = toCsv(
      ['项目编号', '社区', '项目名称', '状态', '缺少的材料'],
      items.map((item) => [item.id, item.communityId, item.title, STATE_LABELS[item.state], item.missing.map((m) => m.label).join('；')]),
    );
    const last = slice.items[slice.items.length - 1];
    return ok({ items, nextCursor: slice.more && last ? encodeCursor({ createdAt: last.record.createdAt, id: last.record.id }) : null, csv });
  },
});
