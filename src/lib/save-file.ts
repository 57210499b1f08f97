/**
 * Saves a text as a file the person keeps (me.export's download). H5: the browser's download of a
 * Blob. The weapp build uses save-file.weapp.ts. Answers a message to show when it did not work.
 */
export async function saveTextFile(fileName: string, text: string, mimeType = 'application/json'): Promise<string | null> {
  if (typeof document === 'undefined' || typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') {
    return '此环境不能下载文件';
  }
  const url = URL.createObjectURL(new Blob([text], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return null;
}
