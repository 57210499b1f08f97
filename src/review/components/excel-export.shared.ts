import { call, type RequestOf } from '../../api';

export type ExportRequest = Omit<RequestOf<'export.create'>, 'format'>;

/** Asks the server for the file; answers its name and URL, or the refusal's message. */
export async function makeExport(request: ExportRequest, format: 'xlsx' | 'csv'): Promise<{ ok: true; fileName: string; url: string } | { ok: false; message: string }> {
  const answer = await call('export.create', { ...request, format });
  return answer.ok ? { ok: true, fileName: answer.data.fileName, url: answer.data.url } : { ok: false, message: answer.error.message };
}
