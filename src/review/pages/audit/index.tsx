import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS } from '../../../../common/glossary';
import { TEXT_LIMITS } from '../../../../common/limits';
import type { ProposalView } from '../../../../types/api';
import { publishAudit } from '../../../api/staff';
import { Action } from '../../../components/Action';
import { Section } from '../../../components/Section';
import { StateBadge } from '../../../components/StateBadge';
import { formatFen } from '../../../lib/money';
import { parseYuan } from '../../../staff/workbench/money-input';
import { STAFF_PAGES, allows } from '../../../staff/workbench/proposal-info';
import { BudgetTable, day, Row } from '../../../staff/workbench/display';
import { FormError, SuccessNotice } from '../../../staff/workbench/feedback';
import { TextBox, TextInput, YuanInput } from '../../../staff/workbench/fields';
import { useAction } from '../../../staff/workbench/use-action';
import { ProposalPageFrame, PublicPageLink, useProposalPage } from '../../../staff/workbench/proposal-page';
import '../../../staff/workbench/staff.css';

/** 审计结果 (R-AUD-1): the audit and the final spending against the approved budget, published. */
export default function AuditPage() {
  const page = useProposalPage();
  return (
    <ProposalPageFrame page={page} back={{ label: '回到审核列表', url: STAFF_PAGES.queue }}>
      {(proposal) => (
        <View>
          <View className='staff__head'>
            <View className='staff__tags'>
              <StateBadge state={proposal.state} />
              <Text className='tag tag--grey'>{CATEGORY_LABELS[proposal.category]}</Text>
            </View>
            <Text className='staff__title'>{proposal.title}</Text>
            <Text className='staff__sub'>地点：{proposal.location}</Text>
          </View>
          <SuccessNotice message={page.notice} />
          {allows(proposal, 'audit.publish') ? <AuditForm proposal={proposal} onPublished={page.changed} /> : <AuditRecord proposal={proposal} />}
          <Project proposal={proposal} />
        </View>
      )}
    </ProposalPageFrame>
  );
}

const AUDIT_FIELDS = ['auditor', 'spentFen', 'report'] as const;

function AuditForm({ proposal, onPublished }: { proposal: ProposalView; onPublished: (message: string) => void }) {
  const [auditor, setAuditor] = useState('');
  const [spent, setSpent] = useState('');
  const [report, setReport] = useState('');
  const action = useAction<ProposalView>();
  const budget = proposal.approvedBudgetFen;
  const parsed = parseYuan(spent);
  const send = () => {
    if (!auditor.trim()) return action.refuse('auditor', '请填写审计机构');
    if (!parsed.ok) return action.refuse('spentFen', parsed.message);
    if (!report.trim()) return action.refuse('report', '请填写审计结果');
    void action.run(() => publishAudit({ id: proposal.id, auditor: auditor.trim(), spentFen: parsed.fen, report: report.trim() }), () =>
      onPublished(`审计结果已发布，实际支出 ${formatFen(parsed.fen)}`),
    );
  };
  return (
    <Section title='发布审计结果' testId='audit-form'>
      <View className='card'>
        {budget !== undefined ? <Row label='批复预算'>{formatFen(budget)}</Row> : null}
        <TextInput label='审计机构' name='auditor' required value={auditor} onChange={setAuditor} placeholder='如：盐田审计所' maxlength={TEXT_LIMITS.shortText} error={action.fieldError('auditor')} />
        <YuanInput label='实际支出（决算）' name='spentFen' required value={spent} onChange={setSpent} error={action.fieldError('spentFen')} />
        {parsed.ok && budget !== undefined ? (
          <Text className='info-line' data-testid='spend-difference'>
            {parsed.fen <= budget ? `节余 ${formatFen(budget - parsed.fen)}` : `超出批复预算 ${formatFen(parsed.fen - budget)}`}
          </Text>
        ) : null}
        <TextBox label='审计结果' name='report' required short value={report} onChange={setReport} maxlength={TEXT_LIMITS.auditReport} placeholder='资金使用情况和审计意见，会向居民公开' error={action.fieldError('report')} />
        <FormError message={action.formError(AUDIT_FIELDS)} />
        <Action block busy={action.busy} busyLabel='正在发布…' onClick={send} testId='send-audit'>
          发布审计结果
        </Action>
      </View>
    </Section>
  );
}

function AuditRecord({ proposal }: { proposal: ProposalView }) {
  const { audit } = proposal;
  return (
    <Section title='审计结果' testId='audit-record'>
      <View className='card'>
        {audit ? (
          <View>
            <Row label='审计机构'>{audit.auditor}</Row>
            <Row label='实际支出'>{formatFen(audit.spentFen)}</Row>
            <Row label='发布日期'>{day(audit.publishedOn)}</Row>
            <Row label='审计结果'>{audit.report}</Row>
          </View>
        ) : (
          <Text className='block muted'>社区发布评价结果后，街道可以发布审计结果。</Text>
        )}
        <PublicPageLink id={proposal.id} />
      </View>
    </Section>
  );
}

function Project({ proposal }: { proposal: ProposalView }) {
  const { report, implementation, evaluation } = proposal;
  return (
    <Section title='项目情况' testId='project'>
      <View className='card'>
        {report ? <BudgetTable lines={report.budgetLines} totalFen={report.budgetFen} feeFen={report.feeFen} approvedFen={proposal.approvedBudgetFen} /> : null}
        {implementation ? (
          <View>
            <Row label='实施主体'>{implementation.implementer}</Row>
            {implementation.tenderRef ? <Row label='招标记录'>{implementation.tenderRef}</Row> : null}
            {implementation.completedOn ? <Row label='完工'>{day(implementation.completedOn)}</Row> : null}
            {implementation.maintenanceUnit ? <Row label='管养单位'>{implementation.maintenanceUnit}</Row> : null}
          </View>
        ) : null}
        <Row label='居民评价'>{proposal.ratingCount > 0 ? `${proposal.ratingCount} 位居民，平均 ${proposal.ratingAverage.toFixed(1)} 星` : '没有居民评价'}</Row>
        {evaluation ? <Row label='评价结果'>{evaluation.summary}</Row> : null}
      </View>
    </Section>
  );
}
