import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExportedFile, ExportStorage } from '../app/ports/file-storage.port';

/** What an export's stored name looks like; any other `/exports/…` path is a 404 without a look. */
export const EXPORT_NAME = /^x-[0-9a-f]{32}\.(xlsx|csv)$/;

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/**
 * Exports of the local door: files in a folder, served at `/exports/<name>`. The name is 128
 * random bits — whoever was given the URL may fetch it, as with a cloud storage temporary URL.
 */
export class DiskExportStorage implements ExportStorage {
  constructor(private readonly folder: string) {}

  async save(input: { fileName: string; bytes: Buffer }): Promise<ExportedFile> {
    const extension = input.fileName.endsWith('.csv') ? 'csv' : 'xlsx';
    const name = `x-${randomBytes(16).toString('hex')}.${extension}`;
    await mkdir(this.folder, { recursive: true });
    await writeFile(path.join(this.folder, name), input.bytes);
    return { url: `/exports/${name}` };
  }

  /** Where an export lies and what it is; null for a name this storage never gives. */
  find(name: string): { path: string; contentType: string } | null {
    const match = EXPORT_NAME.exec(name);
    return match ? { path: path.join(this.folder, name), contentType: TYPES[match[1]] } : null;
  }
}
