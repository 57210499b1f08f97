import { directoryChain } from '../app/onboarding';
import type { Store } from '../app/ports/store.port';
import { userChain } from '../app/proposals';
import { planImport, unitsOfDataset, type DirectoryUnit } from '../domain/directory';
import { CITY_SCOPE_ID } from '../domain/scope';
import shenzhen from '../app/datasets/shenzhen-division.json';

/**
 * `SEED=shenzhen`: a real start. An empty store gets Shenzhen's directory from the shipped
 * dataset (as `directory.import` would load it) and one city administrator, `adminOpenid`, who
 * invites everyone else — no demo users, no proposals, no ledgers (streets allocate their own).
 * Answers false and writes nothing when the store holds a directory already.
 */
export async function seedShenzhen(store: Store, options: { at: string; adminOpenid: string }): Promise<boolean> {
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
    audit: audit(userChain(options.adminOpenid), { role: 'city', scopeId: CITY_SCOPE_ID, from: 'ADMIN_OPENID' }),
  });
  return true;
}
