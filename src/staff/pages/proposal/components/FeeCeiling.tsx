import { useCallback } from 'react';
import { Text } from '@tarojs/components';
import { call } from '../../../../api';
import { formatFen } from '../../../../lib/money';
import { useAnswer } from '../../../../lib/use-answer';

/** The default of spec/api.md until the district's policy has answered. */
const DEFAULT_RATIO_PERCENT = 10;

/**
 * R-REP-2, as the lines are typed: the services fee lines may total at most the policy's share
 * (10% by default) of the budget — the ceiling in yuan, and how far the lines are under or over it.
 * The server's check (fee_ratio_exceeded) stays the judge; this only says it early.
 */
export function FeeCeiling({ districtId, totalFen, feeFen }: { districtId: string; totalFen: number; feeFen: number }) {
  const load = useCallback(() => call('policy.get', { districtId }), [districtId]);
  const { state } = useAnswer(load);
  const ratio = state.status === 'ready' ? state.data.feeRatioPercent : DEFAULT_RATIO_PERCENT;
  // The largest fee with fee × 100 ≤ total × ratio, in whole fen.
  const ceilingFen = Math.floor((totalFen * ratio) / 100);
  const over = feeFen - ceilingFen;
  return (
    <Text className={`block ${over > 0 ? 'form-error' : 'info-line'}`} data-testid='fee-ceiling'>
      {`服务管理费上限为预算的 ${ratio}%，即 ${formatFen(ceilingFen)}；`}
      {over > 0 ? `已超出 ${formatFen(over)}，请调低管理费或调整预算` : `还可填 ${formatFen(-over)}`}
    </Text>
  );
}
