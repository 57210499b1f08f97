import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { INSPECTION_KIND_LABELS, REPORT_WORDS } from '../../../../common/glossary';
import type { Inspection, InspectionKind } from '../../../../types/domain';
import { call, type AnswerOf } from '../../../api';
import { Action } from '../../../components/Action';
import { Section } from '../../../components/Section';
import { formatDate } from '../../../lib/dates';
import { useAnswer } from '../../../lib/use-answer';
import { Gate, NoRole, StaffContextPage } from '../../../staff/workbench/gate';
import { STAFF_PAGES, pageWithId } from '../../../staff/workbench/proposal-info';
import { scopesUnder, type StaffContext } from '../../../staff/workbench/scope';
import { DueBars } from '../../components/DueChecks';
import { useReportScope, type ReportScope } from '../../components/ReportScope';
import { RecordForm, ResolveForm } from './components/InspectionForms';
import '../../../staff/workbench/staff.css';
import '../../components/Bars.css';

type Listing = AnswerOf<'inspection.list'>;

/**
 * 检查记录 (R-INS-1): the checks of 三(二) of a unit and the units below it — the street's
 * self-checks in May and November, the district's census in November, the city's sampling —
 * with their findings and how each was fixed; the checks due this month on top. What the caller
 * may record or resolve is the server's answer (`recordKinds`, `allowedActions`).
 */
export default function InspectionsPage() {
  return <StaffContextPage>{(context) => <Inspections context={context} />}</StaffContextPage>;
}

function Inspections({ context }: { context: StaffContext }) {
  const { scope, picker } = useReportScope(context);
  if (!scope) return <NoRole message='您没有查看检查记录的权限' />;
  return (
    <View>
      <View className='staff__head'>
        <Text className='staff__title'>
          {scope.names.scope(scope.scopeId)} · {REPORT_WORDS.inspections}
        </Text>
        <Text className='staff__sub'>街道每年 5 月、11 月自查，区每年 11 月全面检查，市随时抽查；发现的问题逐条登记整改。</Text>
        {picker}
      </View>
      <InspectionList key={`${scope.scopeId}-${scope.year}`} scope={scope} context={context} />
    </View>
  );
}

function InspectionList({ scope, context }: { scope: ReportScope; context: StaffContext }) {
  const load = useCallback(() => call('inspection.list', { scopeId: scope.scopeId, year: scope.year }), [scope.scopeId, scope.year]);
  const { state, reload, refresh } = useAnswer(load);
  const [recording, setRecording] = useState<InspectionKind | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A sampling may look at any unit the caller's grant covers; the other checks at the unit itself.
  const units = scopesUnder(scope.grant, context.directory).filter((option) => option.kind !== 'city');
  return (
    <Gate state={state} onRetry={() => void reload()}>
      {(listing: Listing) => (
        <View>
          <DueBars
            due={listing.due}
            unitName={scope.names.scope(scope.scopeId)}
            unitKind={scope.kind}
            onRecord={listing.due.some((due) => listing.recordKinds.includes(due.kind)) ? (due) => listing.recordKinds.includes(due.kind) && setRecording(due.kind) : undefined}
          />
          {notice ? (
            <View className='notice-bar notice-bar--success' role='status' data-testid='notice'>
              {notice}
            </View>
          ) : null}
          {listing.recordKinds.length > 0 ? (
            recording ? (
              <RecordForm
                kinds={listing.recordKinds}
                initialKind={recording}
                scopeId={scope.scopeId}
                units={units}
                onCancel={() => setRecording(null)}
                onDone={(saved) => {
                  setRecording(null);
                  setNotice(`已登记${INSPECTION_KIND_LABELS[saved.kind]}，发现问题 ${saved.findings.length} 条`);
                  void refresh();
                }}
              />
            ) : (
              <View className='form-actions report-plan'>
                <Action block testId='open-record' onClick={() => setRecording(listing.due.find((item) => !item.done && listing.recordKinds.includes(item.kind))?.kind ?? listing.recordKinds[0])}>
                  登记检查
                </Action>
              </View>
            )
          ) : null}
          <Section title={`${scope.year} 年${REPORT_WORDS.inspections}`} testId='inspections'>
            {listing.items.length === 0 ? (
              <View className='card'>
                <Text className='block muted'>这一年还没有检查记录</Text>
              </View>
            ) : (
              listing.items.map((inspection) => (
                <InspectionCard
                  key={inspection.id}
                  inspection={inspection}
                  unitName={scope.names.scope(inspection.scopeId)}
                  mayResolve={listing.allowedActions.includes('inspection.resolve')}
                  onResolved={(message) => {
                    setNotice(message);
                    void refresh();
                  }}
                />
              ))
            )}
          </Section>
        </View>
      )}
    </Gate>
  );
}

function InspectionCard({ inspection, unitName, mayResolve, onResolved }: { inspection: Inspection; unitName: string; mayResolve: boolean; onResolved: (message: string) => void }) {
  const open = inspection.findings.filter((finding) => finding.resolvedOn === undefined).length;
  return (
    <View className='card' data-testid={`inspection-${inspection.id}`}>
      <View className='staff__tags'>
        <Text className='tag tag--grey'>{INSPECTION_KIND_LABELS[inspection.kind]}</Text>
        <Text className='muted small'>{unitName}</Text>
      </View>
      <Text className='card__title'>{formatDate(inspection.heldOn)}</Text>
      <Text className='info-line'>
        {inspection.findings.length === 0 ? '未发现问题' : open === 0 ? `发现问题 ${inspection.findings.length} 条，已全部整改` : `发现问题 ${inspection.findings.length} 条，待整改 ${open} 条`}
      </Text>
      {inspection.findings.map((finding, index) => (
        <View key={index} className='list-row finding' data-testid={`finding-${inspection.id}-${index}`}>
          <Text className='list-row__title'>
            {index + 1}. {finding.text}
          </Text>
          {finding.proposalId ? (
            <View className='list-row__meta finding__link' role='link' onClick={() => void Taro.navigateTo({ url: pageWithId(STAFF_PAGES.publicDetail, finding.proposalId!) })}>
              查看相关项目 ›
            </View>
          ) : null}
          {finding.fixBy ? <Text className='list-row__meta'>{`${REPORT_WORDS.fixBy}：${formatDate(finding.fixBy)}`}</Text> : null}
          {finding.resolvedOn ? (
            <Text className='finding__resolved'>{`${REPORT_WORDS.resolved}（${formatDate(finding.resolvedOn)}）：${finding.note ?? ''}`}</Text>
          ) : mayResolve ? (
            <ResolveForm inspection={inspection} findingIndex={index} onDone={() => onResolved(`第 ${index + 1} 条问题已登记整改`)} />
          ) : (
            <Text className='list-row__flag'>待整改</Text>
          )}
        </View>
      ))}
    </View>
  );
}
