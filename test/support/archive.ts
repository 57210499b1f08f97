import type { DocumentKind } from '../../types/domain';
import { missingDocuments } from '../../backend/domain/checklist';
import { DOCUMENT_KINDS } from '../../backend/domain/archive';
import { defaultPolicy } from '../../backend/domain/policy';
import { newRequestId, recordOf, type App } from './app-harness';

let uploads = 0;

/** A file the caller uploaded (as POST /api/upload stores it), for document.attach. */
export async function uploadedFile(app: App, ownerOpenid: string, contentType = 'application/pdf'): Promise<string> {
  const id = `f-archive-${String(++uploads).padStart(4, '0')}`;
  await app.store.saveFile({ id, ownerOpenid, contentType, bytes: 1024, path: `/tmp/${id}`, createdAt: '2026-03-02T01:00:00.000Z' });
  return id;
}

/** Attaches a paper of `kind` to the project through document.attach; answers the paper. */
export async function attachPaper(app: App, openid: string, day: string, proposalId: string, kind: DocumentKind, title = `${kind} 材料`) {
  const fileId = await uploadedFile(app, openid);
  return app.ok<{ id: string; kind: DocumentKind; fileId: string }>(openid, day, 'document.attach', { proposalId, kind, fileId, title, requestId: newRequestId() });
}

/** Attaches every paper the checklist asks of the project by its stage (issue 18), except `leaveOut`. */
export async function attachStagePapers(app: App, journey: { id: string; day: string; cast: { worker: string } }, leaveOut: DocumentKind[] = []): Promise<DocumentKind[]> {
  const record = await recordOf(app, journey.id);
  const wanted = (missingDocuments(record, defaultPolicy(record.districtId, 2026)) as string[]).filter(
    (id): id is DocumentKind => (DOCUMENT_KINDS as string[]).includes(id) && !(leaveOut as string[]).includes(id),
  );
  for (const kind of wanted) await attachPaper(app, journey.cast.worker, journey.day, journey.id, kind);
  return wanted;
}
