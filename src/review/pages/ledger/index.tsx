import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '../../../../common/glossary';
import type { Answer, LedgerAnswer, RoleGrant } from '../../../../types/api';
import { getLedger } from '../../../api';
import { allocateLedger } from '../../../api/staff';
import { Action } from '../../../components/Action';
import { LedgerBar } from '../../../components/LedgerBar';
import { EmptyState } from '../../../components/PageStates';
import { Section } from '../../../components/Section';
import { currentYear } from '../../../lib/community';
import { formatFen } from '../../../lib/money';
import { useAnswer } from '../../../lib/use-answer';
import { Gate, NoRole, StaffContextPage } from '../../../staff/workbench/gate';
import { fenToYuanText, parseYuan } from '../../../staff/workbench/money-input';
import { OVERSIGHT_ROLES, communitiesUnder, grantsOf, placeNames, type ScopeOption, type StaffContext } from '../../../staff/workbench/scope';
import { Done, FormError } from '../../../staff/workbench/feedback';
import { Chips, YuanInput } from '../../../staff/workbench/fields';
import { useAction } from '../../../staff/workbench/use-action';
import { ExcelExport } from '../../components/excel-export';
import '../../../staff/workbench/staff.css';

/**
 * 资金台账 (R-FUN-1, R-FUN-2, R-FUN-4): every community of the street (district, city) for a year —
 * quota, allocated, approved, spent as bars — and, for the street, the allocation of the year.
 */
export default function LedgerPage() {
  return <StaffContextPage>{(context) => <Ledgers context={context} />}</StaffContextPage>;
}

function Ledgers({ context }: { context: StaffContext }) {
  const grants = grantsOf(context.me, OVERSIGHT_ROLES);
  const names = placeNames(context.directory);
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const [index, setIndex] = useState(0);
  if (grants.length === 0) return <NoRole message='您没有查看各社区资金台账的权限' />;
  const grant = grants[Math.min(index, grants.length - 1)];
  const communities = communitiesUnder(grant, context.directory);
  return (
    <View>
      <View className='staff__head'>
        <Text className='staff__title'>{names.scope(grant.scopeId)} · 资金台账</Text>
        <Text className='staff__sub'>年度额度内，街道先下达不少于一半，其余为预留；审核通过的预算只能使用已下达的资金。</Text>
        {grants.length > 1 ? (
          <Chips
            label='选择范围'
            options={grants.map((option, position) => ({ value: String(position), label: `${ROLE_LABELS[option.role]} · ${names.scope(option.scopeId)}` }))}
            value={String(index)}
            onChange={(value) => setIndex(Number(value))}
          />
        ) : null}
      </View>
      <View className='year-row'>
        <Chips
          label='年度'
          options={[thisYear - 1, thisYear, thisYear + 1].map((option) => ({ value: String(option), label: `${option} 年` }))}
          value={String(year)}
          onChange={(value) => setYear(Number(value))}
        />
      </View>
      {communities.length === 0 ? (
        <EmptyState message='这个范围内没有社区' />
      ) : (
        <CommunityLedgers key={`${grant.scopeId}-${year}`} grant={grant} communities={communities} year={year} />
      )}
      <View className='card'>
        <ExcelExport request={{ kind: 'ledger', scopeId: grant.scopeId, year }} label='导出资金台账 Excel' />
        <ExcelExport request={{ kind: 'proposals', scopeId: grant.scopeId, year }} label='导出项目清单 Excel' />
      </View>
    </View>
  );
}

async function loadLedgers(communities: ScopeOption[], year: number): Promise<Answer<LedgerAnswer[]>> {
  const answers = await Promise.all(communities.map((community) => getLedger(community.id, year)));
  const ledgers: LedgerAnswer[] = [];
  for (const answer of answers) {
    if (!answer.ok) return answer;
    ledgers.push(answer.data);
  }
  return { ok: true, data: ledgers };
}

function CommunityLedgers({ grant, communities, year }: { grant: RoleGrant; communities: ScopeOption[]; year: number }) {
  const load = useCallback(() => loadLedgers(communities, year), [communities.map((community) => community.id).join(','), year]);
  const { state, reload, refresh } = useAnswer(load);
  return (
    <Section title={`${year} 年各社区资金`} testId='ledgers'>
      <Gate state={state} onRetry={() => void reload()}>
        {(ledgers) =>
          ledgers.map((ledger, position) => (
            <View key={ledger.communityId} className='card' data-testid={`ledger-${ledger.communityId}`}>
              <View className='ledger-card__head'>
                <Text className='ledger-card__name'>{communities[position]?.name ?? ledger.communityId}</Text>
                <Text className='muted small'>剩余 {formatFen(ledger.remainingFen)}</Text>
              </View>
              <LedgerBar ledger={ledger} />
              {/* The street allocates its communities' funds; the server judges every amount. */}
              {grant.role === 'street' ? <AllocateForm ledger={ledger} onDone={() => void refresh()} /> : null}
            </View>
          ))
        }
      </Gate>
    </Section>
  );
}

function AllocateForm({ ledger, onDone }: { ledger: LedgerAnswer; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [yuan, setYuan] = useState(fenToYuanText(ledger.allocatedFen));
  const action = useAction<LedgerAnswer>();
  const send = () => {
    const parsed = parseYuan(yuan);
    if (!parsed.ok) return action.refuse('allocatedFen', parsed.message);
    void action.run(() => allocateLedger({ communityId: ledger.communityId, year: ledger.year, allocatedFen: parsed.fen }), () => {
      setOpen(false);
      onDone();
    });
  };
  if (!open) {
    return (
      <View className='ledger-card__allocate'>
        {action.done ? <Done>下达成功：本年度已下达 {formatFen(action.done.allocatedFen)}</Done> : null}
        <Action variant='secondary' block onClick={() => setOpen(true)} testId={`open-allocate-${ledger.communityId}`}>
          {ledger.allocatedFen === 0 ? '下达本年度资金' : '调整已下达资金'}
        </Action>
      </View>
    );
  }
  return (
    <View className='ledger-card__allocate' data-testid={`allocate-${ledger.communityId}`}>
      <YuanInput
        label='本年度已下达（合计）'
        name='allocatedFen'
        required
        value={yuan}
        onChange={(value) => {
          setYuan(value);
          action.reset();
        }}
        hint={`年度额度 ${formatFen(ledger.quotaFen)}`}
        error={action.fieldError('allocatedFen')}
      />
      <FormError message={action.formError(['allocatedFen'])} />
      <View className='confirm__buttons'>
        <Action variant='plain' onClick={() => setOpen(false)}>
          取消
        </Action>
        <Action
          busy={action.busy}
          busyLabel='正在下达…'
          onClick={() => {
            send();
          }}
          testId={`send-allocate-${ledger.communityId}`}
        >
          确认下达
        </Action>
      </View>
    </View>
  );
}
