import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { CATEGORY_LABELS, ROLE_LABELS } from '../../../../common/glossary';
import type { Directory, RoleGrant, SubsidyApplication } from '../../../../types/api';
import type { Category, Policy } from '../../../../types/domain';
import { getPolicy, getSubsidyApplication, setPolicy } from '../../../api/staff';
import { Action } from '../../../components/Action';
import { Section } from '../../../components/Section';
import { StateBadge } from '../../../components/StateBadge';
import { currentYear } from '../../../lib/community';
import { formatDateWithWeekday } from '../../../lib/dates';
import { formatFen } from '../../../lib/money';
import { openPage } from '../../../lib/navigation';
import { useAnswer } from '../../../lib/use-answer';
import { STAFF_PAGE } from '../../../onboarding/appoint';
import { Gate, NoRole, StaffContextPage } from '../../../staff/workbench/gate';
import { fenToYuanText, parseCount, parseYuan } from '../../../staff/workbench/money-input';
import { GrantChips } from '../../../staff/workbench/grant-scope';
import { grantsOf, placeNames, type PlaceNames, type StaffContext } from '../../../staff/workbench/scope';
import { Row } from '../../../staff/workbench/display';
import { Done, FormError } from '../../../staff/workbench/feedback';
import { Chips, TextInput, YuanInput } from '../../../staff/workbench/fields';
import { useAction } from '../../../staff/workbench/use-action';
import { ExcelExport } from '../../components/excel-export';
import '../../../staff/workbench/staff.css';

/**
 * 区级设置: the district's policy for a year (quota, services fee ratio, thresholds — R-FUN-1,
 * R-REP-2, R-IMP-1, R-IMP-2), the city subsidy application with its totals and due date
 * (R-FUN-3), and the way to 人员管理, where staff are invited and revoked.
 */
export default function DistrictPage() {
  return <StaffContextPage>{(context) => <Settings context={context} />}</StaffContextPage>;
}

/** The districts a grant reaches: its own for a district, every one for the city. */
function districtsOf(grant: RoleGrant, directory: Directory): string[] {
  if (grant.role === 'city') return directory.districts.map((district) => district.id);
  if (grant.role === 'district') return [grant.scopeId];
  return [];
}

function Settings({ context }: { context: StaffContext }) {
  const grants = grantsOf(context.me, ['street', 'district', 'city']);
  const names = placeNames(context.directory);
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const [grantIndex, setGrantIndex] = useState(0);
  const [districtPick, setDistrictPick] = useState<string | null>(null);
  if (grants.length === 0) return <NoRole message='您没有区级设置的权限' />;
  const grant = grants[Math.min(grantIndex, grants.length - 1)];
  const districts = districtsOf(grant, context.directory);
  const districtId = districtPick && districts.includes(districtPick) ? districtPick : districts[0];
  return (
    <View>
      <View className='staff__head'>
        <Text className='staff__title'>{names.scope(grant.scopeId)} · {districts.length > 0 ? '区级设置' : '人员管理'}</Text>
        <Text className='staff__sub'>{context.me.name ? `${context.me.name}（${ROLE_LABELS[grant.role]}）` : ROLE_LABELS[grant.role]}</Text>
        <GrantChips grants={grants} names={names} value={grantIndex} onChange={setGrantIndex} />
      </View>
      {districtId ? (
        <View>
          {districts.length > 1 ? (
            <View className='year-row'>
              <Chips label='选择区' options={districts.map((id) => ({ value: id, label: names.district(id) }))} value={districtId} onChange={setDistrictPick} />
            </View>
          ) : null}
          <View className='year-row'>
            <Chips
              label='年度'
              options={[thisYear - 1, thisYear, thisYear + 1].map((option) => ({ value: String(option), label: `${option} 年` }))}
              value={String(year)}
              onChange={(value) => setYear(Number(value))}
            />
          </View>
          <PolicySection key={`policy-${districtId}-${year}`} districtId={districtId} year={year} editable={grant.role === 'district'} />
          {grant.role === 'district' ? <SubsidySection key={`subsidy-${districtId}-${year}`} districtId={districtId} year={year} names={names} /> : null}
        </View>
      ) : null}
      <RoleSection />
    </View>
  );
}

// ---------------------------------------------------------------------------------------------
// Policy

const THRESHOLDS: Category[] = ['works', 'goods', 'services'];

interface PolicyDraft {
  quota: string;
  feeRatio: string;
  works: string;
  goods: string;
  services: string;
  tender: string;
}

function draftOf(policy: Policy): PolicyDraft {
  return {
    quota: fenToYuanText(policy.quotaFen),
    feeRatio: String(policy.feeRatioPercent),
    works: fenToYuanText(policy.streetThresholdFen.works),
    goods: fenToYuanText(policy.streetThresholdFen.goods),
    services: fenToYuanText(policy.streetThresholdFen.services),
    tender: fenToYuanText(policy.tenderThresholdFen),
  };
}

function PolicySection({ districtId, year, editable }: { districtId: string; year: number; editable: boolean }) {
  const load = useCallback(() => getPolicy({ districtId, year }), [districtId, year]);
  const { state, reload, refresh } = useAnswer(load);
  return (
    <Section title={`${year} 年政策`} testId='policy'>
      <View className='card'>
        <Gate state={state} onRetry={() => void reload()} rows={3}>
          {(policy) => (editable ? <PolicyForm key={JSON.stringify(policy)} policy={policy} onSaved={() => void refresh()} /> : <PolicyView policy={policy} />)}
        </Gate>
      </View>
    </Section>
  );
}

function PolicyView({ policy }: { policy: Policy }) {
  return (
    <View>
      <Row label='社区年度额度'>{formatFen(policy.quotaFen)}</Row>
      <Row label='服务管理费'>不超过 {policy.feeRatioPercent}%</Row>
      {THRESHOLDS.map((category) => (
        <Row key={category} label={`${CATEGORY_LABELS[category]}街道实施`}>
          超过 {formatFen(policy.streetThresholdFen[category])}
        </Row>
      ))}
      <Row label='须招标'>达到 {formatFen(policy.tenderThresholdFen)}</Row>
    </View>
  );
}

const POLICY_FIELDS = ['quotaFen', 'feeRatioPercent', 'streetThresholdFen', 'tenderThresholdFen'] as const;

function PolicyForm({ policy, onSaved }: { policy: Policy; onSaved: () => void }) {
  const [draft, setDraft] = useState<PolicyDraft>(() => draftOf(policy));
  const action = useAction<Policy>();
  const set = (patch: Partial<PolicyDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    action.reset();
  };
  const save = () => {
    const amounts: Record<'quota' | Category | 'tender', number> = { quota: 0, works: 0, goods: 0, services: 0, tender: 0 };
    const fields = { quota: 'quotaFen', works: 'streetThresholdFen.works', goods: 'streetThresholdFen.goods', services: 'streetThresholdFen.services', tender: 'tenderThresholdFen' } as const;
    for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
      const parsed = parseYuan(draft[key]);
      if (!parsed.ok) return action.refuse(fields[key], parsed.message);
      amounts[key] = parsed.fen;
    }
    const feeRatioPercent = parseCount(draft.feeRatio);
    if (feeRatioPercent === null) return action.refuse('feeRatioPercent', '请填写 0 到 100 的整数');
    void action.run(
      () =>
        setPolicy({
          districtId: policy.districtId,
          year: policy.year,
          quotaFen: amounts.quota,
          feeRatioPercent,
          streetThresholdFen: { works: amounts.works, goods: amounts.goods, services: amounts.services },
          tenderThresholdFen: amounts.tender,
        }),
      onSaved,
    );
  };
  return (
    <View data-testid='policy-form'>
      <YuanInput label='社区年度额度' name='quotaFen' required value={draft.quota} onChange={(quota) => set({ quota })} error={action.fieldError('quotaFen')} />
      <TextInput
        label='服务管理费上限（%）'
        name='feeRatioPercent'
        type='number'
        required
        value={draft.feeRatio}
        onChange={(feeRatio) => set({ feeRatio })}
        maxlength={3}
        hint='服务类项目'
        error={action.fieldError('feeRatioPercent')}
      />
      <Text className='field__label block'>街道实施的限额（超过由街道实施）</Text>
      {THRESHOLDS.map((category) => (
        <YuanInput
          key={category}
          label={CATEGORY_LABELS[category]}
          name={`streetThresholdFen.${category}`}
          required
          value={draft[category]}
          onChange={(value) => set({ [category]: value })}
          error={action.fieldError(`streetThresholdFen.${category}`)}
        />
      ))}
      <YuanInput label='招标限额（达到须招标）' name='tenderThresholdFen' required value={draft.tender} onChange={(tender) => set({ tender })} error={action.fieldError('tenderThresholdFen')} />
      <Text className='info-line'>政策的每次修改都会记录并公开。</Text>
      <FormError message={action.formError(POLICY_FIELDS)} />
      {action.done ? <Done>政策已保存</Done> : null}
      <Action block busy={action.busy} busyLabel='正在保存…' onClick={save} testId='save-policy'>
        保存政策
      </Action>
    </View>
  );
}

// ---------------------------------------------------------------------------------------------
// City subsidy application

function SubsidySection({ districtId, year, names }: { districtId: string; year: number; names: PlaceNames }) {
  const load = useCallback(() => getSubsidyApplication({ districtId, year }), [districtId, year]);
  const { state, reload } = useAnswer(load);
  return (
    <Section title='市级补助申请' testId='subsidy'>
      <View className='card'>
        <Gate state={state} onRetry={() => void reload()} rows={3}>
          {(application) => <Subsidy application={application} names={names} />}
        </Gate>
      </View>
    </Section>
  );
}

function Subsidy({ application, names }: { application: SubsidyApplication; names: PlaceNames }) {
  return (
    <View>
      <Row label='申报截止'>{formatDateWithWeekday(application.dueOn.on)}{application.dueOn.provisional ? '（暂定）' : ''}</Row>
      <Row label='最迟补报'>{formatDateWithWeekday(application.lateDueOn.on)}{application.lateDueOn.provisional ? '（暂定）' : ''}</Row>
      <Row label='社区数'>{application.communityCount} 个</Row>
      <Row label='批复预算合计'>
        <Text data-testid='subsidy-total'>{formatFen(application.totalApprovedFen)}</Text>
      </Row>
      <Row label='市级配套'>
        <Text data-testid='subsidy-match'>{formatFen(application.cityMatchFen)}</Text>
      </Row>
      <Text className='info-line'>市级按 1:1 配套，平均每个社区每年不超过 ¥1,000,000.00。</Text>
      {application.projects.length === 0 ? (
        <Text className='block muted'>本年度还没有审核通过的项目</Text>
      ) : (
        <View>
          {application.projects.map((project) => (
            <View key={project.id} className='list-row'>
              <View className='staff__tags'>
                <StateBadge state={project.state} />
                <Text className='tag tag--grey'>{CATEGORY_LABELS[project.category]}</Text>
                <Text className='muted small'>{names.community(project.communityId)}</Text>
              </View>
              <Text className='list-row__title'>{project.title}</Text>
              <Text className='list-row__meta'>批复预算 {formatFen(project.approvedBudgetFen)}</Text>
            </View>
          ))}
        </View>
      )}
      <ExcelExport request={{ kind: 'subsidy', scopeId: application.districtId, year: application.year }} label='导出补助申请 Excel' />
    </View>
  );
}

// ---------------------------------------------------------------------------------------------
// Staff (issue 16): appointed by invitation on 人员管理; role.grant by openid stays an API for scripts.

function RoleSection() {
  return (
    <Section title='工作人员' testId='roles'>
      <View className='card'>
        <Text className='info-line'>用邀请码添加工作人员，有人离岗时撤销其角色。</Text>
        <Action variant='secondary' block onClick={() => openPage(STAFF_PAGE)} testId='open-staff'>
          人员管理（邀请、撤销）
        </Action>
      </View>
    </Section>
  );
}
