import { z } from 'zod';
import { defineAction } from '../action';
import { ok } from '../answers';

export const listUnits = defineAction({
  name: 'directory.units',
  summary:
    'Every unit of the directory as a flat list, retired ones too: `{ id, kind, code, name, parentId, active }` — for the directory screen of district and city staff (public, like the directory: R-TRN-1).',
  schema: z.object({}),
  access: { signIn: false, permission: 'directory.units' },
  audit: [],
  next: ['directory.upsert'],
  async run(_input, context) {
    const units = await context.services.store.listUnits();
    return ok({ items: units.map(({ id, kind, code, name, parentId, active }) => ({ id, kind, code, name, parentId, active })) });
  },
});
