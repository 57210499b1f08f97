import { z } from 'zod';
import { TEXT_LIMITS } from '../../common/limits';
import { directoryChain } from '../app/onboarding';
import type { Store } from '../app/ports/store.port';
import { userChain } from '../app/proposals';
import { personText } from '../app/schemas';
import { planImport, unitsOfDataset, type DirectoryUnit } from '../domain/directory';
import { CITY_SCOPE_ID } from '../domain/scope';
import shenzhen from '../app/datasets/shenzhen-division.json';

/**
 * The first city administrator of a real start: an openid (as WeChat gives it) and, optionally, the
 * name 人员管理 shows for them. From ADMIN_OPENID / ADMIN_NAME (`npm start`) or from the event of
 * the cron function's console task `seed-shenzhen` (CloudBase).
 */
export const firstAdministrator = z.object({
  adminOpenid: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  adminName: personText(TEXT_LIMITS.name).optional(),
});
export type FirstAdministrator = z.infer<typeof firstAdministrator>;

/**
 * `SEED=shenzhen`: a real start. An empty store gets Shenzhen's directory from the shipped
 * dataset (as `directory.import` would load it) and one city administrator, `adminOpenid`, who
 * invites everyone else (named `adminName` when given) — no demo users, no proposals, no ledgers (streets allocate their own).
 * Answers false and writes nothing when the store holds a directory already.
 */
export async function seedShenzhen(store: Store, options: { at: string } & FirstAdministrator): Promise<boolean> {
  if ((await store.listUnits()).length > 0) return false;
  const plan = planImport([], unitsOfDataset(shenzhen), shenzhen.cityCode);
  const byDistrict = new Map<string, DirectoryUnit[]>();
  for (const unit of plan.writes) {
    const districtId = `d-${(unit.code as string).slice(0, 6)}`;
    byDistrict.set(districtId, [...(byDistrict.get(districtId) ?? []), unit]);
  }
  const audit = (chainId: string, detail: Record<string, unknown>) => ({ chainId, at: options.at, actor: 'system', action: 'seed.shenzhen', from: null, to: null, detail });
  for (const [districtId, units] of byDistrict) {
    await store.saveUnits({ units, audit: audit(directoryChain(), { import: shenzhen.cityCode, source: `${shenzhen.source}@${shenzhen.version}`, districtId, units: units.length }) });
  }
  await store.grantRole({
    openid: options.adminOpenid,
    role: 'city',
    scopeId: CITY_SCOPE_ID,
    grantedBy: 'system',
    ...(options.adminName !== undefined ? { name: options.adminName } : {}),
    audit: audit(userChain(options.adminOpenid), { role: 'city', scopeId: CITY_SCOPE_ID, from: 'ADMIN_OPENID' }),
  });
  return true;
}
