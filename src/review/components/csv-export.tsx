import { createElement, useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';

/**
 * H5: the CSV as a download link, built from the server's `csv` string as a Blob URL (with a BOM
 * so that spreadsheet programs read the Chinese text as UTF-8). csv-export.weapp.tsx copies it to
 * the clipboard instead: a mini-program has no downloads.
 */
export function CsvExport({ csv, fileName, label = '导出 CSV', rows }: { csv: string; fileName: string; label?: string; rows: number }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function') return undefined;
    const objectUrl = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [csv]);
  return (
    <View className='csv-export' data-testid='csv-export'>
      {url
        ? createElement('a', { className: 'csv-export__link', href: url, download: fileName, 'data-testid': 'csv-link' }, `${label}（${rows} 条）`)
        : <Text className='info-line'>此浏览器不支持下载</Text>}
    </View>
  );
}
