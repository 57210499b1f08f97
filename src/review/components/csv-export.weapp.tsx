import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Action } from '../../components/Action';

/** weapp: a mini-program cannot download files, so the CSV text is copied to the clipboard. */
export function CsvExport({ csv, rows }: { csv: string; fileName: string; label?: string; rows: number }) {
  return (
    <View className='csv-export' data-testid='csv-export'>
      <Action
        variant='secondary'
        block
        onClick={() =>
          void Taro.setClipboardData({ data: csv }).then(() => Taro.showToast({ title: '已复制，可粘贴到电脑表格', icon: 'none' }))
        }
      >
        {`复制 CSV 内容（${rows} 条）`}
      </Action>
    </View>
  );
}
