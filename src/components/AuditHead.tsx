import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import { listAuditHeads } from '../api';
import { formatDate } from '../lib/dates';
import { useAnswer } from '../lib/use-answer';
import './AuditHead.css';

/**
 * The head of the audit trail (audit.heads, issue 14): the latest day's value, in full, for
 * anyone to keep. Every record's history is folded into it; a trail rewritten later no longer
 * gives the value a reader kept (`npm run audit:verify --anchor FILE` shows which day).
 */
export function AuditHead() {
  const load = useCallback(() => listAuditHeads({}), []);
  const { state } = useAnswer(load);
  if (state.status !== 'ready') return null;
  const latest = state.data.items[state.data.items.length - 1];
  if (!latest) return null;
  return (
    <View className='audit-head' data-testid='audit-head'>
      <Text className='audit-head__title'>
        操作记录存证 · 截至 {formatDate(latest.day)}（当日 {latest.count} 条）
      </Text>
      <Text className='audit-head__hash' userSelect>
        {latest.hash}
      </Text>
      <Text className='audit-head__note'>此数值每天公开，任何人都可以保存；记录若被篡改，将无法再得出同一数值。</Text>
    </View>
  );
}
