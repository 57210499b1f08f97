import { randomBytes } from 'node:crypto';
import type { ExportedFile, ExportStorage } from '../app/ports/file-storage.port';

/** The parts of wx-server-sdk's `cloud` that keeping an export needs. */
export interface WxCloudFiles {
  uploadFile(request: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  getTempFileURL(request: { fileList: string[] }): Promise<{ fileList: { fileID: string; tempFileURL: string; status?: number; errMsg?: string }[] }>;
}

/**
 * Exports in WeChat: the workbook goes to the environment's cloud storage under `exports/`, with
 * a random folder so that names never collide, and the page gets a temporary download URL for
 * `wx.downloadFile` → `wx.openDocument`.
 */
export class CloudExportStorage implements ExportStorage {
  constructor(private readonly cloud: WxCloudFiles) {}

  async save(input: { fileName: string; bytes: Buffer; at: string }): Promise<ExportedFile> {
    const day = input.at.slice(0, 10);
    const extension = input.fileName.endsWith('.csv') ? 'csv' : 'xlsx';
    // Cloud paths keep to ASCII: the Chinese name is the answer's `fileName`, not the path.
    const cloudPath = `exports/${day}/${randomBytes(16).toString('hex')}.${extension}`;
    const { fileID } = await this.cloud.uploadFile({ cloudPath, fileContent: input.bytes });
    const { fileList } = await this.cloud.getTempFileURL({ fileList: [fileID] });
    const url = fileList[0]?.tempFileURL;
    if (!url) throw new Error(`no download URL for ${fileID}: ${fileList[0]?.errMsg ?? 'empty answer'}`);
    return { url };
  }
}
