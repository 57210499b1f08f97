import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { RoleGrant } from '../../../types/api';
import { currentYear } from '../../lib/community';
import { Chips } from '../../staff/workbench/fields';
import { useGrantScope } from '../../staff/workbench/grant-scope';
import type { PlaceNames, StaffContext } from '../../staff/workbench/scope';

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
  const thisYear = currentYear();
  const [year, setYear] = useState(thisYear);
  const picked = useGrantScope(context, REPORT_ROLES, (unit) => unit.kind !== 'community');
  if (!picked) return { scope: null, picker: null };
  const { grant, units, scopeId, names } = picked;
  const picker = (
    <View className='report-scope'>
      {picked.grantChips}
      {units.length > 1 ? (
        <View>
          <Text className='report-scope__label'>范围</Text>
          <Chips label='范围' options={units.map((unit) => ({ value: unit.id, label: unit.name }))} value={scopeId} onChange={picked.pick} />
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
