import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Action } from '../../components/Action';
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
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    setMessage(null);
    const made = await makeExport(request, format);
    setBusy(false);
    if (!made.ok) return setMessage({ ok: false, text: made.message });
    download(made.url, made.fileName);
    setMessage({ ok: true, text: `已导出：${made.fileName}` });
  };
  return (
    <View className='excel-export' data-testid='excel-export'>
      <Action variant='secondary' block busy={busy} busyLabel='正在生成…' onClick={() => void run('xlsx')} testId='export-xlsx'>
        {label}
      </Action>
      <Action variant='link' disabled={busy} onClick={() => void run('csv')} testId='export-csv'>
        或导出 CSV
      </Action>
      {message ? <Text className={`block small ${message.ok ? 'muted' : 'export-error'}`} data-testid='export-message'>{message.text}</Text> : null}
    </View>
  );
}
