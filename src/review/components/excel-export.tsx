import { useState } from 'react';
import { ExportButtons, type ExportFormat, type ExportMessage } from './excel-export-buttons';
import { makeExport, type ExportRequest } from './excel-export.shared';

/** Fetches the file the server made and hands it to the browser as a download under its Chinese name. */
function download(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
}

/**
 * H5: 导出 Excel — export.create makes the workbook and the browser downloads it; CSV stays an
 * option. excel-export.weapp.tsx opens it with wx.openDocument instead.
 */
export function ExcelExport({ request, label = '导出 Excel' }: { request: ExportRequest; label?: string }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ExportMessage>(null);
  const run = async (format: ExportFormat) => {
    setBusy(true);
    setMessage(null);
    const made = await makeExport(request, format);
    setBusy(false);
    if (!made.ok) return setMessage({ ok: false, text: made.message });
    download(made.url, made.fileName);
    setMessage({ ok: true, text: `已导出：${made.fileName}` });
  };
  return <ExportButtons label={label} busy={busy} message={message} onRun={(format) => void run(format)} />;
}
