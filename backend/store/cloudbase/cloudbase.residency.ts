import { joinCommunityGrants, sameGrant } from '../../domain/residency';
import type { AuditDraft, CommitOutcome, RateLimit, UserRecord } from '../../app/ports/store.port';
import { Rollback, type CloudBaseCore } from './cloudbase.core';
import { grantsOf, userDoc, userOf } from './cloudbase.documents';
import { countRate } from './cloudbase.proposals';
import { COLLECTIONS } from './collections';

/**
 * Residency against hopping (spec/api.md, me.join): a join counted against its rate limit and
 * made only while the person's residency is what the use case judged — in one transaction on the
 * user's document, so that two racing moves conflict instead of both passing the 30-day rule.
 */
export function cloudBaseResidency(core: CloudBaseCore) {
  return {
    async joinCommunityLimited(input: {
      openid: string;
      communityId: string;
      name: string;
      at: string;
      audit: AuditDraft;
      rateLimit: RateLimit;
      expectedSince: string | null;
    }): Promise<CommitOutcome<UserRecord>> {
      return core.atomically(async (unit) => {
        const existing = await unit.get(COLLECTIONS.users, input.openid);
        const since = existing ? (userOf(existing).residentSince ?? null) : null;
        if (since !== input.expectedSince) throw new Rollback({ ok: false, code: 'conflict' });
        await countRate(unit, input.rateLimit, input.at);
        const change = joinCommunityGrants(userOf(existing ?? { _id: input.openid }).grants, input.communityId);
        const grants = grantsOf(existing).filter((grant) => !change.revoke.some((revoked) => sameGrant(revoked, grant)));
        if (change.grant) grants.push({ ...change.grant, grantedBy: input.openid, grantedAt: input.at });
        const doc = unit.put(
          COLLECTIONS.users,
          input.openid,
          userDoc(input.openid, input.name, input.communityId, grants, (existing?.createdAt as string | undefined) ?? input.at, input.at),
        );
        await core.appendAudit(unit, input.audit);
        return userOf(doc);
      });
    },
  };
}
