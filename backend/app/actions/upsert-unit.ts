import { z } from 'zod';
import { checkUpsert, unitIdOf, type DirectoryUnit } from '../../domain/directory';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { directoryChain, placeOfUnit } from '../onboarding';
import { personText, recordId } from '../schemas';

const ID_PREFIX = { district: 'd', street: 's', community: 'c' } as const;

export const upsertUnit = defineAction({
  name: 'directory.upsert',
  summary:
    'Adds, renames, moves or retires a unit of the directory (a district its streets and communities, the city every unit). A move or a retirement keeps every record of the unit: its proposals, ledgers and staff stay where they are; a retired unit leaves the public directory.',
  schema: z.object({
    id: recordId.optional().describe('the unit to change; absent: a new unit'),
    kind: z.enum(['district', 'street', 'community']),
    name: personText(40),
    parentId: recordId.describe('the district of a street, the street of a community, `city` for a district'),
    code: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/).optional().describe('the national code: 6 digits a district, 9 a street, 12 a community'),
    active: z.boolean().optional().describe('false retires the unit; true brings it back'),
  }),
  access: { signIn: true, permission: 'directory.upsert' },
  audit: ['directory'],
  next: ['directory.units'],
  async run(input, context) {
    const { store } = context.services;
    const units = await store.listUnits();
    const existing = input.id === undefined ? null : (units.find((unit) => unit.id === input.id) ?? null);
    if (input.id !== undefined && !existing) return fail('not_found', '没有这个单位', 'id');
    const code = input.code ?? existing?.code ?? null;
    const id = existing?.id ?? (code !== null ? unitIdOf(input.kind, code) : null) ?? context.services.newId(ID_PREFIX[input.kind]);
    const siblings = units.filter((unit) => unit.kind === input.kind && unit.parentId === input.parentId);
    const unit: DirectoryUnit = {
      id,
      kind: input.kind,
      code,
      name: input.name,
      parentId: input.parentId,
      active: input.active ?? existing?.active ?? true,
      // A moved unit goes last among its new siblings.
      sort: existing && existing.parentId === input.parentId ? existing.sort : Math.max(-1, ...siblings.map((sibling) => sibling.sort)) + 1,
    };
    // Where it will lie and, for a move, where it lay: the caller must hold both.
    for (const place of [placeOfUnit(units, unit), ...(existing ? [placeOfUnit(units, existing)] : [])]) {
      const refused = context.authorize({ ...place, unitKind: input.kind });
      if (refused) return refused;
    }
    const problem = checkUpsert(units, unit, existing);
    if (problem?.reason === 'no_parent') return fail('not_found', '没有这个上级单位', 'parentId');
    if (problem) return fail('invalid_input', UPSERT_MESSAGES[problem.reason], problem.field);
    await store.saveUnits({
      units: [unit],
      audit: context.auditEntry({
        chainId: directoryChain(),
        detail: { unit: unit.id, kind: unit.kind, name: unit.name, parentId: unit.parentId, active: unit.active, ...(existing ? { was: { name: existing.name, parentId: existing.parentId, active: existing.active } } : {}) },
      }),
    });
    return ok(unit);
  },
});

const UPSERT_MESSAGES = {
  no_parent: '没有这个上级单位',
  wrong_parent_kind: '上级单位的类别不对：社区属于街道，街道属于区',
  kind_changed: '单位的类别不能改变',
  code_taken: '这个区划代码已被其他单位使用',
  bad_code: '区划代码的位数与单位类别不符',
  retired_parent: '上级单位已撤销，不能再加入下级单位',
} as const;
