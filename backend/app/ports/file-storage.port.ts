/**
 * Where uploaded photos live. Locally, files in the upload folder with a row of the store that
 * names their owner (backend/local/disk.file-storage.ts); in WeChat the mini-program uploads
 * straight to cloud storage, under the caller's own folder, and the backend only checks whose
 * a file id is (PhotoOwnership). The uploads route of the local server is the one user.
 */
export interface StoredFile {
  fileId: string;
  /** Where the page loads it from. */
  url: string;
}

export interface FileStorage {
  /** Keeps the bytes (already checked to be an image of `contentType`) as the owner's upload. */
  save(input: { ownerOpenid: string; bytes: Buffer; contentType: string; at: string }): Promise<StoredFile>;
  /** Where a stored file lies and what it is; null for an unknown id. */
  find(fileId: string): Promise<{ path: string; contentType: string } | null>;
}

/**
 * L1: removes the bytes of an upload that no record shows (the sweep job, jobs/sweep-files.ts).
 * Locally the file in the upload folder; in WeChat the cloud-storage file. Removing what is
 * already gone is not an error.
 */
export interface FileRemoval {
  remove(file: { id: string; path: string }): Promise<void>;
}

// --- Issue 16: exported workbooks ---

/** A file made for download (an Excel export): where the page fetches it. */
export interface ExportedFile {
  url: string;
}

/**
 * Where exported workbooks go: locally a folder served at `/exports/…` (an unguessable name is
 * the only key); in WeChat cloud storage, answered as a temporary download URL that the page
 * hands to `wx.downloadFile` and `wx.openDocument`.
 */
export interface ExportStorage {
  save(input: { fileName: string; bytes: Buffer; contentType: string; ownerOpenid: string; at: string }): Promise<ExportedFile>;
}
