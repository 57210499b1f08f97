import { partsOf, shanghaiDateOf } from '../../domain/calendar';
import { dueChecksOf, DUE_CHECK_MONTHS } from '../../domain/inspections';
import type { Clock } from '../ports/clock.port';
import type { Store } from '../ports/store.port';

const DUE_CHECK_TEXT = {
  self_check: '本月为街道自查月，请对辖区民生微实事项目开展自查并登记检查结果',
  census: '本月为区级全面检查月，请对辖区民生微实事项目开展检查并登记检查结果',
} as const;

/**
 * R-INS-1: at the start of May and November, tells each street (self-check) and each district
 * (November census; in May, its streets' self-checks) that a check is due — an outbox message
 * `inspection_due` to the unit's staff, once per unit, check and month however often the job
 * runs. A month without checks sends nothing.
 */
export async function remindDueChecks(ports: { store: Store; clock: Clock }): Promise<number> {
  const { store } = ports;
  const now = ports.clock.now();
  const { year, month } = partsOf(shanghaiDateOf(now.getTime()));
  if (!DUE_CHECK_MONTHS.includes(month)) return 0;
  const period = `${year}-${String(month).padStart(2, '0')}`;
  const directory = await store.getDirectory();
  const units = directory.districts.flatMap((district) => [
    { level: 'district' as const, id: district.id },
    ...district.streets.map((street) => ({ level: 'street' as const, id: street.id })),
  ]);
  let sent = 0;
  for (const unit of units) {
    for (const kind of dueChecksOf(unit.level, month)) {
      const staff = await store.staffOf(unit.level, unit.id);
      const fresh = await store.noticeDueCheck({
        scopeId: unit.id,
        kind,
        period,
        at: now.toISOString(),
        outbox: staff.map((openid) => ({
          recipientOpenid: openid,
          kind: 'inspection_due',
          payload: { scopeId: unit.id, inspectionKind: kind, year, month, text: DUE_CHECK_TEXT[kind as keyof typeof DUE_CHECK_TEXT] },
        })),
      });
      if (fresh) sent += 1;
    }
  }
  return sent;
}
