/**
 * R-PLN-1: a street's plan for a year: how many projects and how much money each of its
 * communities is planned for, against which the summary shows what happened (R-RPT-1).
 */
import type { PlanItem } from '../../types/domain';
import { refusal, type Refusal } from './result';

/** Each community once, and only the street's own. `streetOf` answers each named community's street (null: none such). */
export function checkPlanItems(items: PlanItem[], streetId: string, streetOf: Readonly<Record<string, string | null>>): Refusal | null {
  const seen = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (streetOf[item.communityId] !== streetId) return refusal('invalid_input', '计划中的社区不属于本街道', `items.${index}.communityId`);
    if (seen.has(item.communityId)) return refusal('invalid_input', '同一社区在计划中出现了两次', `items.${index}.communityId`);
    seen.add(item.communityId);
  }
  return null;
}
