import { z } from 'zod';
import type { AuditTrailEntry } from '../../../types/api';
import { authorize } from '../../domain/permissions';
import { defineUseCase } from '../action';
import { fail, ok } from '../answers';
import { proposalChain } from '../proposals';
import { recordId } from '../schemas';

/** audit.trail: a project's hash-chained trail, oldest first, for its community, street, district and city (R-SUP-2). */
export const readAuditTrail = defineUseCase({
  schema: z.object({ id: recordId }),
  requiresSignIn: true,
  async run(input, context) {
    const { store } = context.services;
    const stored = await store.findProposal(input.id);
    if (!stored) return fail('not_found', '没有这个项目', 'id');
    const refused = authorize(context.actor, 'audit.trail', stored.record);
    if (refused) return { ok: false, error: refused };
    const entries: AuditTrailEntry[] = (await store.auditTrail(proposalChain(input.id))).map((entry) => ({
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      from: entry.from,
      to: entry.to,
      hash: entry.hash,
      prevHash: entry.prevHash,
    }));
    return ok({ entries });
  },
});
