/**
 * R-INS-1: the checks a street or a district is due this month, and whether they were held — what
 * the reminder of jobs/remind-due-checks.ts announces, shown where staff look (`inspection.list`).
 */
import type { Inspection, InspectionKind } from '../../types/domain';
import { partsOf } from './calendar';
import { dueChecksOf } from './inspections';

export interface DueCheck {
  kind: InspectionKind;
  year: number;
  month: number;
  /** Held this month: by the unit itself, or (a district's reminder of self-checks) by every street below it. */
  done: boolean;
}

/**
 * The unit's due checks in `today`'s month. `holders` are the units that must each hold a check
 * of a kind for it to be done: the street itself for its self-check, the district for its census,
 * the district's streets for the self-checks the district is reminded of in May.
 */
export function dueChecksNow(
  unit: { level: 'street' | 'district'; id: string; streetIds: readonly string[] },
  today: string,
  inspections: readonly Pick<Inspection, 'scopeId' | 'kind' | 'heldOn'>[],
): DueCheck[] {
  const { year, month } = partsOf(today);
  const prefix = `${year}-${String(month).padStart(2, '0')}`;
  return dueChecksOf(unit.level, month).map((kind) => {
    const holders = unit.level === 'district' && kind === 'self_check' ? unit.streetIds : [unit.id];
    const held = (id: string) => inspections.some((item) => item.kind === kind && item.scopeId === id && item.heldOn.startsWith(prefix));
    return { kind, year, month, done: holders.length > 0 && holders.every(held) };
  });
}
