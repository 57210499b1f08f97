import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Action } from '../../components/Action';
import { makeExport, type ExportRequest } from './excel-export.shared';

/**
 * weapp: 导出 Excel — export.create puts the workbook in cloud storage; the file is downloaded to
 * the phone and opened with wx.openDocument (with its menu, to forward or save it). CSV stays an
 * option for a spreadsheet that wants it.
 */
export function ExcelExport({ request, label = '导出 Excel' }: { request: ExportRequest; label?: string }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (format: 'xlsx' | 'csv') => {
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
