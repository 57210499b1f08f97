import { z } from 'zod';
import type { DocumentView } from '../../../types/api';
import type { DocumentRecord } from '../../../types/domain';
import { attachDocument as attachToRecord, attachedBefore, DOCUMENT_KINDS, DOCUMENT_TITLE_MAX } from '../../domain/archive';
import { targetOf } from '../../domain/permissions';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { commitRefused, indexingOf, proposalChain, transitionContextFor } from '../proposals';
import { personText, recordId, requestId } from '../schemas';

/** A paper as the API shows it: the request key stays in the store. */
export function documentView(document: DocumentRecord): DocumentView {
  const { requestKey: _requestKey, ...shown } = document;
  return shown;
}

export const attachDocument = defineAction({
  name: 'document.attach',
  summary: 'Attaches a paper to a project\'s archive at its current stage — minutes, sign-in sheet, contract, invoice, acceptance or audit report, the photo of the notice on site (R-SUP-1, R-PUB-1). The file is an image or a PDF the caller uploaded. The same requestId answers the first paper.',
  schema: z.object({
    proposalId: recordId,
    kind: z.enum(DOCUMENT_KINDS as [DocumentRecord['kind'], ...DocumentRecord['kind'][]]),
    fileId: z.string().min(1).max(256).regex(/^[\w:/.-]+$/),
    title: personText(DOCUMENT_TITLE_MAX),
    requestId,
  }),
  access: { signIn: true, permission: 'document.attach' },
  audit: ['proposal'],
  next: ['document.list'],
  async run(input, context) {
    const { store, photos, newId } = context.services;
    const openid = context.caller.openid as string;
    const stored = await store.findProposal(input.proposalId);
    if (!stored) return fail('not_found', '没有这个项目', 'proposalId');
    const transitionContext = await transitionContextFor(context, stored.record);
    const refused = context.authorize(targetOf(stored.record, transitionContext.policy));
    if (refused) return refused;
    const first = attachedBefore(stored.record, openid, input.requestId);
    if (first) return ok(documentView(first));
    if (!(await photos.owns(openid, input.fileId))) return fail('invalid_input', '文件须由本人上传', 'fileId');
    const attached = attachToRecord(stored.record, input, { id: newId('doc'), openid, requestId: input.requestId, at: context.at });
    if (!attached.ok) return attached;
    const { record, document } = attached.value;
    const committed = await store.commitTransitions({
      at: context.at,
      proposals: [{ record, indexing: indexingOf(record, transitionContext.policy, context), expectedVersion: stored.record.version, expectedState: stored.record.state }],
      ledgerMoves: [],
      changes: [],
      audit: [
        context.auditEntry({
          chainId: proposalChain(record.id),
          from: record.state,
          to: record.state,
          detail: { event: 'DocumentAttached', documentId: document.id, kind: document.kind, fileId: document.fileId, title: document.title },
        }),
      ],
      outbox: [],
    });
    if (!committed.ok) return commitRefused(committed);
    return ok(documentView(document));
  },
});
