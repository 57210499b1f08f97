import { z } from 'zod';
import type { DocumentView } from '../../../types/api';
import { documentsVisibleTo } from '../../domain/archive';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { recordId } from '../schemas';
import { documentView } from './attach-document';

export const listDocuments = defineAction({
  name: 'document.list',
  summary: 'A project\'s archive, oldest first: the staff in scope (and the supervisors) see every paper; everyone sees the notice photo and the acceptance and audit reports (R-TRN-1, R-SUP-1).',
  schema: z.object({ proposalId: recordId }),
  access: { signIn: false, permission: 'document.list' },
  audit: [],
  next: ['document.attach'],
  async run(input, context) {
    const stored = await context.services.store.findProposal(input.proposalId);
    if (!stored) return fail('not_found', '没有这个项目', 'proposalId');
    const refused = context.authorize(stored.record);
    if (refused) return refused;
    return ok<{ items: DocumentView[] }>({ items: documentsVisibleTo(stored.record, context.actor).map(documentView) });
  },
});
