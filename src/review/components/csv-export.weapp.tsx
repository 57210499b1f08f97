import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Action } from '../../components/Action';
import { wxFailureMessage } from '../../lib/wx-failure';

/**
 * weapp: a mini-program cannot download files, so the CSV text is copied to the clipboard. The
 * clipboard needs the user's agreement to the privacy guide: a refusal (errno 104) or any other
 * failure is said in a toast, never left as an unhandled rejection.
 */
export async function copyCsv(csv: string): Promise<void> {
  try {
    await Taro.setClipboardData({ data: csv });
    await Taro.showToast({ title: '已复制，可粘贴到电脑表格', icon: 'none' });
  } catch (error) {
    const message = wxFailureMessage(error, '复制失败，请稍后再试');
    if (message) await Taro.showToast({ title: message, icon: 'none', duration: 3000 }).catch(() => undefined);
  }
}

export function CsvExport({ csv, rows }: { csv: string; fileName: string; label?: string; rows: number }) {
  return (
    <View className='csv-export' data-testid='csv-export'>
      <Action variant='secondary' block onClick={() => void copyCsv(csv)}>
        {`复制 CSV 内容（${rows} 条）`}
      </Action>
    </View>
  );
}
