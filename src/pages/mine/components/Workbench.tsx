import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '../../../../common/glossary';
import type { Directory, Me, RoleGrant } from '../../../../types/api';
import { Action } from '../../../components/Action';
import { Section } from '../../../components/Section';
import { PAGES, openPage } from '../../../lib/navigation';

/** The onboarding subpackage's pages (issue 16). */
const STAFF_PAGE = '/onboarding/pages/staff/index';
const DIRECTORY_PAGE = '/onboarding/pages/directory/index';
export const ACCEPT_PAGE = '/onboarding/pages/accept/index';

/** The staff grants of a person: every grant but a resident's. */
export function staffGrantsOf(me: Me): RoleGrant[] {
  return me.roles.filter((grant) => grant.role !== 'resident');
}

function scopeName(directory: Directory, scopeId: string): string {
  if (scopeId === 'city') return '全市';
  for (const district of directory.districts) {
    if (district.id === scopeId) return district.name;
    for (const street of district.streets) {
      if (street.id === scopeId) return street.name;
      const community = street.communities.find((candidate) => candidate.id === scopeId);
      if (community) return community.name;
    }
  }
  return scopeId;
}

/**
 * 工作台: for anyone holding a staff role, resident or not — a switcher when they hold several
 * roles, then the way into the work of the chosen one. Residents without a staff role see nothing.
 */
export function Workbench({ me, directory }: { me: Me; directory: Directory }) {
  const grants = staffGrantsOf(me);
  const [index, setIndex] = useState(0);
  if (grants.length === 0) return null;
  const grant = grants[Math.min(index, grants.length - 1)];
  const reviewer = grant.role === 'street' || grant.role === 'district' || grant.role === 'city';
  return (
    <Section title='工作台' testId='staff-entry'>
      <View className='card mine__staff'>
        {grants.length > 1 ? (
          <View className='choice-row' role='radiogroup' aria-label='切换角色' data-testid='role-switcher'>
            {grants.map((option, position) => (
              <View
                key={`${option.role}@${option.scopeId}`}
                className={`choice${position === index ? ' choice--on' : ''}`}
                role='radio'
                aria-checked={position === index}
                onClick={() => setIndex(position)}
              >
                {ROLE_LABELS[option.role]} · {scopeName(directory, option.scopeId)}
              </View>
            ))}
          </View>
        ) : (
          <Text className='block muted'>
            {ROLE_LABELS[grant.role]} · {scopeName(directory, grant.scopeId)}
          </Text>
        )}
        {grant.role === 'community' ? (
          <Action variant='secondary' block onClick={() => openPage(PAGES.staffInbox)}>
            进入社区工作台
          </Action>
        ) : null}
        {reviewer ? (
          <Action variant='secondary' block onClick={() => openPage(PAGES.reviewQueue)}>
            进入审核与监督
          </Action>
        ) : null}
        {reviewer ? (
          <Action variant='secondary' block onClick={() => openPage(STAFF_PAGE)} testId='open-staff'>
            人员管理（邀请、撤销）
          </Action>
        ) : null}
        {grant.role === 'district' || grant.role === 'city' ? (
          <Action variant='secondary' block onClick={() => openPage(DIRECTORY_PAGE)} testId='open-directory'>
            区划管理
          </Action>
        ) : null}
      </View>
    </Section>
  );
}

/** A staff member without a resident profile: who they are, without the resident's community. */
export function StaffProfile({ me }: { me: Me }) {
  return (
    <View className='mine__profile' data-testid='staff-profile'>
      <View className='mine__avatar'>
        <Text>{Array.from(me.name ?? '工')[0]}</Text>
      </View>
      <View className='mine__who'>
        <Text className='mine__name'>{me.name ?? '工作人员'}</Text>
        <View className='mine__roles'>
          {/* One tag a role: two communities' worker is one 社区工作人员. */}
          {[...new Set(staffGrantsOf(me).map((grant) => grant.role))].map((role) => (
            <Text key={role} className='mine__role'>
              {ROLE_LABELS[role]}
            </Text>
          ))}
        </View>
      </View>
    </View>
  );
}
