import { useState } from 'react';
import Taro from '@tarojs/taro';
import { ExportButtons, type ExportFormat, type ExportMessage } from './excel-export-buttons';
import { makeExport, type ExportRequest } from './excel-export.shared';

/**
 * weapp: 导出 Excel — export.create puts the workbook in cloud storage; the file is downloaded to
 * the phone and opened with wx.openDocument (with its menu, to forward or save it). CSV stays an
 * option for a spreadsheet that wants it.
 */
export function ExcelExport({ request, label = '导出 Excel' }: { request: ExportRequest; label?: string }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<ExportMessage>(null);
  const run = async (format: ExportFormat) => {
    setBusy(true);
    setMessage(null);
    try {
      const made = await makeExport(request, format);
      if (!made.ok) return setMessage({ ok: false, text: made.message });
      const { tempFilePath, statusCode } = await Taro.downloadFile({ url: made.url });
      if (statusCode !== 200) return setMessage({ ok: false, text: '文件下载失败，请稍后再试' });
      await Taro.openDocument({ filePath: tempFilePath, fileType: format === 'xlsx' ? 'xlsx' : ('csv' as 'xlsx'), showMenu: true });
      setMessage({ ok: true, text: `已打开：${made.fileName}` });
    } catch {
      setMessage({ ok: false, text: '文件打开失败，请稍后再试' });
    } finally {
      setBusy(false);
    }
  };
  return <ExportButtons label={label} busy={busy} message={message} onRun={(format) => void run(format)} />;
}
