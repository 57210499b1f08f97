import { Text, View } from '@tarojs/components';
import { EXCLUSION_LABELS } from '../../../../../common/glossary';
import type { ProposalView } from '../../../../../types/api';
import { Section } from '../../../../components/Section';
import { formatFen } from '../../../../lib/money';
import { allows } from '../../../workbench/proposal-info';
import { BudgetTable, day, Row } from '../../../workbench/display';

/** 项目档案: what has been recorded so far, for reference while working. */
export function RecordSoFar({ proposal }: { proposal: ProposalView }) {
  const { screening, report, vote, review, publicity, implementation, evaluation, audit } = proposal;
  // While screening, the proposal's content is in the screening card and nothing else is recorded.
  if (allows(proposal, 'proposal.screen') && !screening && !report) return null;
  return (
    <Section title='项目档案' testId='record'>
      <View className='card'>
        {!allows(proposal, 'proposal.screen') ? (
          <View>
            <Text className='field__label block'>提议内容</Text>
            <Text className='block pre-wrap'>{proposal.description}</Text>
          </View>
        ) : null}
        {screening ? (
          <Row label='筛选'>
            {screening.adopt ? '已采纳' : `未采纳${screening.exclusion ? `（${EXCLUSION_LABELS[screening.exclusion]}）` : ''}`} · {day(screening.decidedOn)}
          </Row>
        ) : null}
        {screening?.explanation ? <Row label='解释说明'>{screening.explanation}</Row> : null}
        {report && !allows(proposal, 'proposal.draftReport') ? (
          <View>
            <Text className='field__label block' style={{ marginTop: '20px' }}>
              申请报告
            </Text>
            <Row label='申请理由'>{report.reason}</Row>
            <Row label='项目概述'>{report.overview}</Row>
            <Row label='实施方案'>{report.plan}</Row>
            <BudgetTable lines={report.budgetLines} totalFen={report.budgetFen} feeFen={report.feeFen} approvedFen={proposal.approvedBudgetFen} />
          </View>
        ) : null}
        {proposal.meetingOn ? <Row label='议事会'>{day(proposal.meetingOn)}</Row> : null}
        {vote ? (
          <Row label='表决'>
            出席 {vote.attendance}，赞成 {vote.for}，反对 {vote.against}，弃权 {vote.abstain}
          </Row>
        ) : null}
        {proposal.submittedToStreetOn ? <Row label='提交街道'>{day(proposal.submittedToStreetOn)}</Row> : null}
        {review ? (
          <Row label='街道审核'>
            {review.outcome === 'approved' ? '审核通过' : review.outcome === 'rejected' ? '未通过审核' : `已转交职能部门：${review.department ?? ''}`} · {day(review.decidedOn)}
          </Row>
        ) : null}
        {review?.reason ? <Row label='审核意见'>{review.reason}</Row> : null}
        {publicity ? (
          <Row label='公示期'>
            {day(publicity.publishedOn)} 至 {day(publicity.endsOn.on)}
          </Row>
        ) : null}
        {implementation ? (
          <View>
            <Row label='实施主体'>
              {implementation.implementer}（{implementation.side === 'street' ? '街道实施' : '社区实施'}）
            </Row>
            <Row label='确定日期'>{day(implementation.assignedOn)}</Row>
            {implementation.tenderRef ? <Row label='招标记录'>{implementation.tenderRef}</Row> : null}
            {implementation.startedOn ? <Row label='开始实施'>{day(implementation.startedOn)}</Row> : null}
            {implementation.completedOn ? <Row label='完工'>{day(implementation.completedOn)}</Row> : null}
            {implementation.maintenanceUnit ? <Row label='管养单位'>{implementation.maintenanceUnit}</Row> : null}
            {implementation.maintenanceFunding ? <Row label='管养资金'>{implementation.maintenanceFunding}</Row> : null}
          </View>
        ) : null}
        {evaluation ? <Row label='评价结果'>{evaluation.summary}</Row> : null}
        {audit ? (
          <Row label='审计'>
            {audit.auditor} · 实际支出 {formatFen(audit.spentFen)} · {day(audit.publishedOn)}
          </Row>
        ) : null}
      </View>
    </Section>
  );
}
