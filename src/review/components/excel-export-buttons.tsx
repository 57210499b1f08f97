import { Text, View } from '@tarojs/components';
import { Action } from '../../components/Action';

export type ExportFormat = 'xlsx' | 'csv';
export type ExportMessage = { ok: boolean; text: string } | null;

/**
 * What 导出 Excel shows on both platforms: the Excel button, CSV as the quieter option, and what
 * became of the last try. How the file reaches the person is the platform's (excel-export.tsx,
 * excel-export.weapp.tsx).
 */
export function ExportButtons({ label, busy, message, onRun }: { label: string; busy: boolean; message: ExportMessage; onRun: (format: ExportFormat) => void }) {
  return (
    <View className='excel-export' data-testid='excel-export'>
      <Action variant='secondary' block busy={busy} busyLabel='正在生成…' onClick={() => onRun('xlsx')} testId='export-xlsx'>
        {label}
      </Action>
      <Action variant='link' disabled={busy} onClick={() => onRun('csv')} testId='export-csv'>
        或导出 CSV
      </Action>
      {message ? <Text className={`block small ${message.ok ? 'muted' : 'export-error'}`} data-testid='export-message'>{message.text}</Text> : null}
    </View>
  );
}
