/**
 * R-INS-1: the checks of 三(二): each street self-checks in May and November, the district
 * holds its census in November, the city samples at any time. Each check records its findings;
 * a finding is resolved once, with the day and a note.
 */
import type { Finding, Inspection, InspectionKind, Role } from '../../types/domain';
import { compareDates, partsOf } from './calendar';
import { firstRefusal, requireReportedDate, requireText } from './lifecycle.checks';
import { fail, refusal, succeed, type Refusal, type Result } from './result';

/** R-INS-1: who holds each kind of check. */
export const INSPECTOR_ROLE: Readonly<Record<InspectionKind, Role>> = {
  self_check: 'street',
  census: 'district',
  sampling: 'city',
};

/** R-INS-1: the unit each kind of check covers. */
export const INSPECTED_LEVELS: Readonly<Record<InspectionKind, readonly ('community' | 'street' | 'district')[]>> = {
  self_check: ['street'],
  census: ['district'],
  sampling: ['district', 'street', 'community'],
};

/** R-INS-1: the months a check is held in; none for sampling, which may come at any time. */
export const INSPECTION_MONTHS: Readonly<Record<InspectionKind, readonly number[] | null>> = {
  self_check: [5, 11],
  census: [11],
  sampling: null,
};

/** The months the due checks are announced in, and to whom (jobs/remind-due-checks.ts). */
export const DUE_CHECK_MONTHS: readonly number[] = [5, 11];

/** R-INS-1: the checks a unit of this level is due in this month. */
export function dueChecksOf(level: 'street' | 'district', month: number): InspectionKind[] {
  if (level === 'street') return INSPECTION_MONTHS.self_check!.includes(month) ? ['self_check'] : [];
  return INSPECTION_MONTHS.census!.includes(month) ? ['census'] : DUE_CHECK_MONTHS.includes(month) ? ['self_check'] : [];
}

/** R-INS-1: whether a check of this kind may be recorded for a unit of this level, held on that day. */
export function checkInspection(
  inspection: Pick<Inspection, 'kind' | 'heldOn' | 'findings'>,
  level: 'community' | 'street' | 'district' | 'city',
  today: string,
): Refusal | null {
  const { kind, heldOn, findings } = inspection;
  if (!(INSPECTED_LEVELS[kind] as readonly string[]).includes(level)) {
    return refusal('invalid_input', '检查的种类与检查范围不符', 'scopeId');
  }
  const bad = requireReportedDate(heldOn, `${partsOf(today).year - 1}-01-01`, today, 'heldOn', '检查日期');
  if (bad) return bad;
  const months = INSPECTION_MONTHS[kind];
  if (months && !months.includes(partsOf(heldOn).month)) {
    return refusal('window_closed', `该项检查在每年 ${months.join('、')} 月进行`, 'heldOn');
  }
  return firstRefusal(
    ...findings.map((finding, index) =>
      firstRefusal(
        requireText(finding.text, `findings.${index}.text`, '检查发现的问题'),
        finding.fixBy !== undefined && compareDates(finding.fixBy, heldOn) < 0
          ? refusal('invalid_input', '整改期限不得早于检查日期', `findings.${index}.fixBy`)
          : null,
      ),
    ),
  );
}

/** R-INS-1: resolves one finding of an inspection: the next inspection, or why not. */
export function resolveFinding(
  inspection: Inspection,
  resolution: { findingIndex: number; resolvedOn: string; note: string },
  today: string,
): Result<Inspection> {
  const finding: Finding | undefined = inspection.findings[resolution.findingIndex];
  if (!finding) return fail('invalid_input', '没有这一条检查发现', 'findingIndex');
  if (finding.resolvedOn !== undefined) return fail('invalid_state', '这一条已整改完毕');
  const bad = firstRefusal(
    requireReportedDate(resolution.resolvedOn, inspection.heldOn, today, 'resolvedOn', '整改完成日期'),
    requireText(resolution.note, 'note', '整改情况'),
  );
  if (bad) return { ok: false, error: bad };
  const findings = inspection.findings.map((each, index) =>
    index === resolution.findingIndex ? { ...each, resolvedOn: resolution.resolvedOn, note: resolution.note } : each,
  );
  return succeed({ ...inspection, findings });
}

/** Findings not yet resolved. */
export function openFindings(inspection: Pick<Inspection, 'findings'>): number {
  return inspection.findings.filter((finding) => finding.resolvedOn === undefined).length;
}
