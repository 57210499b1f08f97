import { useCallback, useMemo, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '../../../../common/glossary';
import type { RoleGrant } from '../../../../types/api';
import { cancelInvitation, createInvitation, listInvitations, listRoles, revokeRole } from '../../../api/onboarding';
import { Action } from '../../../components/Action';
import { EmptyState } from '../../../components/PageStates';
import { Section } from '../../../components/Section';
import { formatMonthDay } from '../../../lib/dates';
import { useAnswer } from '../../../lib/use-answer';
import { ConfirmAction, FormError } from '../../../staff/workbench/feedback';
import { Chips } from '../../../staff/workbench/fields';
import { Gate, NoRole, StaffContextPage } from '../../../staff/workbench/gate';
import { grantsOf, placeNames, scopesUnder, type PlaceNames, type StaffContext } from '../../../staff/workbench/scope';
import { useAction } from '../../../staff/workbench/use-action';
import { invitableRoles, LEVEL_OF_ROLE, shanghaiDayOf, type StaffRole } from '../../appoint';
import { InviteCode } from '../../components/InviteCode';
import { CHIPS_AT_ONCE, parentNamesOf, UnitPicker } from '../../components/UnitPicker';
import '../../../staff/workbench/staff.css';
import './index.css';

/**
 * 人员管理: for the scope of one of the caller's grants — invite a new staff member (a code and a
 * scannable code), the open invitations, and the staff with 撤销 for someone who left.
 */
export default function StaffPage() {
  return <StaffContextPage>{(context) => <Staff context={context} />}</StaffContextPage>;
}

function Staff({ context }: { context: StaffContext }) {
  const grants = grantsOf(context.me, ['street', 'district', 'city']);
  const names = placeNames(context.directory);
  const [index, setIndex] = useState(0);
  if (grants.length === 0) return <NoRole message='只有街道、区、市的管理员可以管理工作人员' />;
  const grant = grants[Math.min(index, grants.length - 1)];
  return (
    <View>
      <View className='staff__head'>
        <Text className='staff__title'>{names.scope(grant.scopeId)} · 人员管理</Text>
        <Text className='staff__sub'>用邀请码添加工作人员；有人离岗时撤销其角色，已办理的记录都保留。</Text>
        {grants.length > 1 ? (
          <Chips
            label='选择范围'
            options={grants.map((option, position) => ({ value: String(position), label: `${ROLE_LABELS[option.role]} · ${names.scope(option.scopeId)}` }))}
            value={String(index)}
            onChange={(value) => setIndex(Number(value))}
          />
        ) : null}
      </View>
      <ScopeStaff key={`${grant.role}@${grant.scopeId}`} grant={grant} context={context} names={names} />
    </View>
  );
}

function ScopeStaff({ grant, context, names }: { grant: RoleGrant; context: StaffContext; names: PlaceNames }) {
  const loadStaff = useCallback(() => listRoles(grant.scopeId), [grant.scopeId]);
  const loadInvitations = useCallback(() => listInvitations(grant.scopeId), [grant.scopeId]);
  const staff = useAnswer(loadStaff);
  const invitations = useAnswer(loadInvitations);
  const roles = invitableRoles(grant);
  const [role, setRole] = useState<StaffRole>(roles[0]);
  const units = scopesUnder(grant, context.directory).filter((option) => option.kind === LEVEL_OF_ROLE[role]);
  const [unitId, setUnitId] = useState<string | null>(null);
  const invite = useAction<{ code: string; expiresAt: string }>();
  const change = useAction<unknown>();
  const parents = useMemo(() => parentNamesOf(context.directory), [context.directory]);
  // A few units: the first is chosen; many (the city's): none until one is looked up.
  const chosenUnit = units.find((unit) => unit.id === unitId)?.id ?? (units.length <= CHIPS_AT_ONCE ? (units[0]?.id ?? null) : null);

  return (
    <View>
      <Section title='邀请工作人员' testId='invite'>
        <View className='card'>
          <Text className='field__label block onboarding__label'>角色</Text>
          <Chips label='角色' options={roles.map((value) => ({ value, label: ROLE_LABELS[value] }))} value={role} onChange={(value) => setRole(value)} />
          {units.length > 1 ? (
            <View className='onboarding__units'>
              <Text className='field__label block onboarding__label'>单位</Text>
              <UnitPicker units={units} value={chosenUnit} onChange={setUnitId} parents={parents} />
            </View>
          ) : null}
          <FormError message={invite.formError([])} />
          {invite.done ? (
            <View>
              <InviteCode code={invite.done.code} />
              <Text className='block muted'>有效期至 {formatMonthDay(shanghaiDayOf(invite.done.expiresAt))}，只能使用一次。</Text>
              <Action variant='link' onClick={invite.reset}>
                再邀请一位
              </Action>
            </View>
          ) : (
            <Action
              block
              className='onboarding__send'
              busy={invite.busy}
              busyLabel='正在生成…'
              testId='create-invitation'
              onClick={() =>
                chosenUnit
                  ? void invite.run(() => createInvitation({ role, scopeId: chosenUnit }), () => void invitations.refresh())
                  : invite.refuse('scopeId', '请先选择单位')
              }
            >
              {chosenUnit ? `生成邀请码：${ROLE_LABELS[role]} · ${names.scope(chosenUnit)}` : '生成邀请码'}
            </Action>
          )}
        </View>
      </Section>

      <Section title='未使用的邀请' testId='open-invitations'>
        <Gate state={invitations.state} onRetry={() => void invitations.reload()} rows={1}>
          {(data) =>
            data.items.length === 0 ? (
              <EmptyState message='没有未使用的邀请' />
            ) : (
              <View className='card'>
                {data.items.map((item) => (
                  <View key={item.code} className='onboarding__row'>
                    <Text className='onboarding__who'>{`${item.code.slice(0, 4)} ${item.code.slice(4)}`}</Text>
                    <Text className='onboarding__what'>
                      {ROLE_LABELS[item.role]} · {names.scope(item.scopeId)} · 至 {formatMonthDay(shanghaiDayOf(item.expiresAt))}
                    </Text>
                    <Action variant='link' onClick={() => void change.run(() => cancelInvitation(item.code), () => void invitations.refresh())}>
                      撤回
                    </Action>
                  </View>
                ))}
              </View>
            )
          }
        </Gate>
      </Section>

      <Section title='工作人员' testId='staff-list'>
        <FormError message={change.formError([])} />
        <Gate state={staff.state} onRetry={() => void staff.reload()} rows={2}>
          {(data) => (
            <View className='card'>
              {data.items.map((item) => (
                <View key={`${item.openid}:${item.role}:${item.scopeId}`} className='onboarding__row' data-testid='staff-row'>
                  <Text className='onboarding__who'>{item.name ?? '未填写姓名'}</Text>
                  <Text className='onboarding__what'>
                    {ROLE_LABELS[item.role]} · {names.scope(item.scopeId)}
                  </Text>
                  {item.allowedActions.includes('role.revoke') ? (
                    <ConfirmAction
                      label='撤销'
                      variant='secondary'
                      question={`撤销后，${item.name ?? '此人'}的${ROLE_LABELS[item.role]}角色立即失效，已办理的记录保留。`}
                      busy={change.busy}
                      testId='revoke'
                      onConfirm={() => void change.run(() => revokeRole({ openid: item.openid, role: item.role as StaffRole, scopeId: item.scopeId }), () => void staff.refresh())}
                    />
                  ) : null}
                </View>
              ))}
            </View>
          )}
        </Gate>
      </Section>
    </View>
  );
}
