import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { FileRemoval, FileStorage, StoredFile } from '../app/ports/file-storage.port';
import type { Store } from '../app/ports/store.port';
import { writeUpload, type UploadType } from './uploads';

/**
 * The file storage of the local door: the bytes in the upload folder, a row of the store naming
 * their owner (which StoredPhotos reads to tell whose a photo is). Served at `/files/<id>`.
 */
export class DiskFileStorage implements FileStorage, FileRemoval {
  constructor(
    private readonly folder: string,
    private readonly store: Pick<Store, 'saveFile' | 'findFile'>,
  ) {}

  async save(input: { ownerOpenid: string; bytes: Buffer; contentType: string; at: string }): Promise<StoredFile> {
    const saved = await writeUpload(this.folder, input.bytes, input.contentType as UploadType);
    await this.store.saveFile({ id: saved.id, ownerOpenid: input.ownerOpenid, contentType: input.contentType, bytes: input.bytes.length, path: saved.file, createdAt: input.at });
    return { fileId: saved.id, url: `/files/${saved.id}` };
  }

  async find(fileId: string): Promise<{ path: string; contentType: string } | null> {
    const file = await this.store.findFile(fileId);
    return file ? { path: file.path, contentType: file.contentType } : null;
  }

  /** L1: the sweep removes a day-old upload no record shows; only inside the upload folder. */
  async remove(file: { id: string; path: string }): Promise<void> {
    const resolved = path.resolve(file.path);
    if (path.dirname(resolved) !== path.resolve(this.folder)) throw new Error(`refusing to remove ${file.id}: not in the upload folder`);
    await fs.rm(resolved, { force: true });
  }
}
