import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { shanghaiDateOf } from '../../domain/calendar';
import { canChangeCommunity } from '../../domain/residency';
import { RESIDENCY_RATE_LIMITS, defineAction } from '../action';
import { fail, ok } from '../answers';
import { commitRefused, userChain } from '../proposals';
import { personText, recordId } from '../schemas';
import { meOf } from './me';
import { refuseRetiredCommunity } from '../onboarding';

export const joinCommunity = defineAction({
  name: 'me.join',
  summary: 'The caller becomes a resident of a community, under the name they give. A person is a resident of one community at a time: joining another moves them (at most once in 30 days: too_early); staff grants stay. A retired community takes no new residents (invalid_state, R-DIR-1). Joins are rate-limited.',
  schema: z.object({ communityId: recordId, name: personText(TEXT_LIMITS.name) }),
  access: { signIn: true, permission: 'me.join' },
  audit: ['user'],
  next: ['proposal.submit'],
  async run(input, context) {
    const { store, limits } = context.services;
    if (!(await store.findCommunity(input.communityId))) return fail('not_found', '没有这个社区', 'communityId');
    // A retired (撤销 or merged) community takes no new residents (issue 16).
    const retired = await refuseRetiredCommunity(store, input.communityId);
    if (retired) return retired;
    const openid = context.caller.openid as string;
    const since = context.user?.residentSince ?? null;
    const current = since && context.user?.communityId ? { communityId: context.user.communityId, since: shanghaiDateOf(since) } : null;
    const allowed = canChangeCommunity(current, input.communityId, context.today);
    if (!allowed.ok) return allowed;
    const joined = await store.joinCommunityLimited({
      openid,
      communityId: input.communityId,
      name: input.name,
      at: context.at,
      audit: context.auditEntry({ chainId: userChain(openid), detail: { communityId: input.communityId } }),
      rateLimit: { openid, action: 'me.join', windowStart: context.today, max: limits.joinsPerDay ?? RESIDENCY_RATE_LIMITS.joinsPerDay },
      expectedSince: since,
    });
    if (!joined.ok) return commitRefused(joined);
    return ok(meOf(openid, joined.value));
  },
});
