import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '../../../common/glossary';
import type { RoleGrant } from '../../../types/api';
import { currentYear } from '../../lib/community';
import { Chips } from '../../staff/workbench/fields';
import { grantsOf, placeNames, scopesUnder, type PlaceNames, type StaffContext } from '../../staff/workbench/scope';

/** The roles that report upward and check (R-RPT-1, R-INS-1); the server decides what each may see. */
export const REPORT_ROLES = ['street', 'district', 'city'] as const;

export interface ReportScope {
  grant: RoleGrant;
  scopeId: string;
  /** What the unit is: a street, a district or the city. */
  kind: string;
  year: number;
  names: PlaceNames;
}

/**
 * Issue 18 (summary and inspection screens): which unit and which year a report or a list of
 * checks is for — the caller's grants, the streets and districts below the one picked (never a
 * community: reports and checks are of units above it), and the year.
 */
export function useReportScope(context: StaffContext): { scope: ReportScope | null; picker: JSX.Element | null } {
  const grants = grantsOf(context.me, REPORT_ROLES);
  const names = placeNames(context.directory);
  const thisYear = currentYear();
  const [grantIndex, setGrantIndex] = useState(0);
  const [picked, setPicked] = useState<string | null>(null);
  const [year, setYear] = useState(thisYear);
  if (grants.length === 0) return { scope: null, picker: null };
  const grant = grants[Math.min(grantIndex, grants.length - 1)];
  const units = scopesUnder(grant, context.directory).filter((option) => option.kind !== 'community');
  const scopeId = picked && units.some((option) => option.id === picked) ? picked : grant.scopeId;
  const picker = (
    <View className='report-scope'>
      {grants.length > 1 ? (
        <Chips
          label='选择身份'
          options={grants.map((option, position) => ({ value: String(position), label: `${ROLE_LABELS[option.role]} · ${names.scope(option.scopeId)}` }))}
          value={String(grantIndex)}
          onChange={(value) => {
            setGrantIndex(Number(value));
            setPicked(null);
          }}
        />
      ) : null}
      {units.length > 1 ? (
        <View>
          <Text className='report-scope__label'>范围</Text>
          <Chips label='范围' options={units.map((option) => ({ value: option.id, label: option.name }))} value={scopeId} onChange={setPicked} />
        </View>
      ) : null}
      <Text className='report-scope__label'>年度</Text>
      <Chips
        label='年度'
        options={[thisYear - 1, thisYear].map((option) => ({ value: String(option), label: `${option} 年` }))}
        value={String(year)}
        onChange={(value) => setYear(Number(value))}
      />
    </View>
  );
  const kind = units.find((option) => option.id === scopeId)?.kind ?? grant.role;
  return { scope: { grant, scopeId, kind, year, names }, picker };
}
