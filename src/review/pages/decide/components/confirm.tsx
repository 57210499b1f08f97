import { Text, View } from '@tarojs/components';
import type { LedgerAnswer, ProposalView } from '../../../../../types/api';
import type { BudgetLine, ChangeRecord, ReviewOutcome } from '../../../../../types/domain';
import { Action } from '../../../../components/Action';
import { formatFen } from '../../../../lib/money';
import { BudgetTable } from '../../../../staff/workbench/display';

/** A decision that cannot be taken back: what will happen, in words, and a second tap to do it. */
export function ConfirmPanel({ question, busy, onConfirm, onCancel, testId }: { question: string; busy: boolean; onConfirm: () => void; onCancel: () => void; testId: string }) {
  return (
    <View className='confirm' role='group' aria-label={question} data-testid={`${testId}-question`}>
      <Text className='confirm__question'>{question}</Text>
      <View className='confirm__buttons'>
        <Action variant='plain' onClick={onCancel}>
          再想想
        </Action>
        <Action busy={busy} busyLabel='正在提交…' onClick={onConfirm} testId={`${testId}-confirm`}>
          确定，提交
        </Action>
      </View>
    </View>
  );
}

/** What a review decision does, said before it is sent (R-REV-1..3, R-FUN-1). */
export function reviewQuestion(outcome: ReviewOutcome, details: { approvedFen?: number; ledger: LedgerAnswer; department?: string }): string {
  if (outcome === 'approved') {
    const fen = details.approvedFen ?? 0;
    return `批复 ${formatFen(fen)} 后，这笔资金从社区 ${details.ledger.year} 年度已下达额度中占用（批复后剩余 ${formatFen(details.ledger.remainingFen - fen)}），项目进入公示准备。批复后如需调整，须由社区提出变更申请。`;
  }
  if (outcome === 'rejected') return '不通过的原因将向提议人和居民公开，项目就此结束，这个决定不能撤回。';
  return `项目将转交「${details.department ?? ''}」办理，街道不再审核，这个决定不能撤回。`;
}

/** What a change decision does (R-CHG-1). */
export function changeQuestion(approve: boolean, change: ChangeRecord | undefined, proposal: ProposalView): string {
  if (!approve) return '不同意后，社区的这次申请关闭，项目按原批复继续实施。';
  const current = proposal.approvedBudgetFen ?? 0;
  if (change?.kind === 'withdraw') return `同意后项目撤销，已批复的 ${formatFen(current)} 退回社区本年度额度。撤销不能撤回。`;
  if (change?.newBudgetFen !== undefined) {
    const difference = change.newBudgetFen - current;
    const move = difference >= 0 ? `再占用额度 ${formatFen(difference)}` : `退回额度 ${formatFen(-difference)}`;
    return `同意后批复预算由 ${formatFen(current)} 改为 ${formatFen(change.newBudgetFen)}，${move}。`;
  }
  return '同意后按社区提交的方案和预算明细执行，预算合计变化时重新占用额度。';
}

/** The budget lines a change is about: the approved report's, and the new ones when the change brings them. */
export function ChangeLines({ proposal, change }: { proposal: ProposalView; change?: ChangeRecord & { budgetLines?: BudgetLine[] } }) {
  const report = proposal.report;
  return (
    <View data-testid='change-lines'>
      {report ? (
        <View>
          <Text className='block small muted'>现预算明细</Text>
          <BudgetTable lines={report.budgetLines} totalFen={report.budgetFen} feeFen={report.feeFen} approvedFen={proposal.approvedBudgetFen} />
        </View>
      ) : null}
      {change?.budgetLines ? (
        <View>
          <Text className='block small muted'>申请后的预算明细</Text>
          <BudgetTable lines={change.budgetLines} totalFen={change.budgetLines.reduce((sum, line) => sum + line.amountFen, 0)} />
        </View>
      ) : null}
    </View>
  );
}
