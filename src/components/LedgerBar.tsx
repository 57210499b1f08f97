import { Text, View } from '@tarojs/components';
import type { LedgerAnswer } from '../../types/api';
import { barPercent, formatFen } from '../lib/money';
import './LedgerBar.css';

/**
 * 资金台账 (R-FUN-4, public): the year's quota as the whole bar; inside it what was allocated,
 * approved and spent, each drawn over the one before.
 */
export function LedgerBar({ ledger }: { ledger: LedgerAnswer }) {
  const rows = [
    { key: 'quota', label: '年度额度', fen: ledger.quotaFen },
    { key: 'allocated', label: '已下达', fen: ledger.allocatedFen },
    { key: 'approved', label: '已批复', fen: ledger.approvedFen },
    { key: 'spent', label: '已支出', fen: ledger.spentFen },
    { key: 'remaining', label: '剩余', fen: ledger.remainingFen },
  ];
  return (
    <View className='ledger' data-testid='ledger'>
      <View className='ledger__bar' aria-hidden='true'>
        <View className='ledger__fill ledger__fill--allocated' style={{ width: `${barPercent(ledger.allocatedFen, ledger.quotaFen)}%` }} />
        <View className='ledger__fill ledger__fill--approved' style={{ width: `${barPercent(ledger.approvedFen, ledger.quotaFen)}%` }} />
        <View className='ledger__fill ledger__fill--spent' style={{ width: `${barPercent(ledger.spentFen, ledger.quotaFen)}%` }} />
      </View>
      {rows.map((row) => (
        <View key={row.key} className='ledger__row'>
          <View className={`ledger__swatch ledger__swatch--${row.key}`} />
          <Text className='ledger__label'>{row.label}</Text>
          <Text className='ledger__amount'>{formatFen(row.fen)}</Text>
        </View>
      ))}
    </View>
  );
}
