/**
 * The written archive (R-SUP-1, issue 18): the papers attached to a project at each stage —
 * the council's minutes and sign-in sheet, the photo of the notice posted on site (R-PUB-1), the
 * contract, invoices, the acceptance and audit reports. Who sees which paper, and what an attach
 * must hold. The checklist's rules for them are in checklist.archive.ts.
 */
import type { Actor, DocumentKind, DocumentRecord, InstantString, ProposalRecord } from '../../types/domain';
import { firstRefusal, requireLength, requireText } from './lifecycle.checks';
import { fail, refusal, type Result } from './result';
import { holdsRole } from './scope';

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'minutes',
  'sign_in',
  'contract',
  'invoice',
  'acceptance_report',
  'audit_report',
  'notice_photo',
  'other',
];

/** R-TRN-1: the papers the guideline makes public; the rest are for the staff in scope. */
export const PUBLIC_DOCUMENT_KINDS: readonly DocumentKind[] = ['notice_photo', 'acceptance_report', 'audit_report'];

/** At most this many papers on one project: an archive, not a file share. */
export const MAX_DOCUMENTS = 60;
export const DOCUMENT_TITLE_MAX = 60;

/** The staff who read a project's whole archive: its community, street, district, the city and the supervisors above it. */
const ARCHIVE_READERS = ['community', 'street', 'district', 'city', 'supervisor'] as const;

/** R-TRN-1, R-SUP-1: the papers of a record `viewer` may see, oldest first. */
export function documentsVisibleTo(record: ProposalRecord, viewer: Actor): DocumentRecord[] {
  const all = record.documents ?? [];
  if (holdsRole(viewer, ARCHIVE_READERS, record)) return all;
  return all.filter((document) => PUBLIC_DOCUMENT_KINDS.includes(document.kind));
}

export interface AttachInput {
  kind: DocumentKind;
  fileId: string;
  title: string;
}

export interface AttachContext {
  id: string;
  openid: string;
  requestId: string;
  at: InstantString;
}

/** The paper an earlier attach with the same request key made, if any (idempotency). */
export function attachedBefore(record: ProposalRecord, openid: string, requestId: string): DocumentRecord | undefined {
  const key = `${openid}:${requestId}`;
  return (record.documents ?? []).find((document) => document.requestKey === key);
}

/** R-SUP-1: a paper joins the project's archive at whatever stage the project has reached. */
export function attachDocument(record: ProposalRecord, input: AttachInput, context: AttachContext): Result<{ record: ProposalRecord; document: DocumentRecord }> {
  const refused = firstRefusal(
    requireText(input.title, 'title', '标题'),
    requireLength(input.title, DOCUMENT_TITLE_MAX, 'title', '标题'),
    DOCUMENT_KINDS.includes(input.kind) ? null : refusal('invalid_input', '材料类别无效', 'kind'),
  );
  if (refused) return { ok: false, error: refused };
  const documents = record.documents ?? [];
  if (documents.length >= MAX_DOCUMENTS) return fail('invalid_state', `每个项目最多存档 ${MAX_DOCUMENTS} 份材料`);
  const document: DocumentRecord = {
    id: context.id,
    proposalId: record.id,
    kind: input.kind,
    fileId: input.fileId,
    title: input.title.trim(),
    stage: record.state,
    attachedBy: context.openid,
    attachedAt: context.at,
    requestKey: `${context.openid}:${context.requestId}`,
  };
  return { ok: true, value: { record: { ...record, documents: [...documents, document] }, document } };
}

/** Whether a paper of `kind` is in the archive. */
export function hasDocument(record: ProposalRecord, kind: DocumentKind): boolean {
  return (record.documents ?? []).some((document) => document.kind === kind);
}
