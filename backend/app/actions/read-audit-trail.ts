import { z } from 'zod';
import { ERASED_PERSON_NAME } from '../../../common/glossary';
import type { AuditTrailEntry, AuditTrailEntryFull } from '../../../types/api';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { proposalChain } from '../proposals';
import { recordId } from '../schemas';

export const readAuditTrail = defineAction({
  name: 'audit.trail',
  summary:
    'A project\'s hash-chained audit trail, oldest first: each entry\'s `prevHash` is the hash of the one before (R-SUP-2). With `full: true` each entry also carries `chainId`, `seq` and `detail` — everything its hash covers — so that the page can recompute the chain (common/audit-hash.ts).',
  schema: z.object({ id: recordId, full: z.boolean().optional().describe('also answer chainId, seq and detail (what the hash covers)') }),
  access: { signIn: true, permission: 'audit.trail' },
  audit: [],
  next: [],
  async run(input, context) {
    const { store } = context.services;
    const stored = await store.findProposal(input.id);
    if (!stored) return fail('not_found', '没有这个项目', 'id');
    const refused = context.authorize(stored.record);
    if (refused) return refused;
    const trail = await store.auditTrail(proposalChain(input.id));
    // Issue 17: an entry written before its actor deleted the account stays as written (the hash
    // covers it) and is shown under the erased name.
    const erased = await store.erasedAt(trail.map((entry) => entry.actor));
    const entries: (AuditTrailEntry | AuditTrailEntryFull)[] = trail.map((entry) => ({
      ...(input.full ? { chainId: entry.chainId, seq: entry.seq, detail: entry.detail } : {}),
      at: entry.at,
      // With `full` the page recomputes each hash, which covers the actor as written; the staff who
      // may read the trail get it as written. The plain trail shows 已注销用户 instead.
      actor: !input.full && (erased.get(entry.actor) ?? '') >= entry.at ? ERASED_PERSON_NAME : entry.actor,
      action: entry.action,
      from: entry.from,
      to: entry.to,
      hash: entry.hash,
      prevHash: entry.prevHash,
    }));
    return ok({ entries });
  },
});
