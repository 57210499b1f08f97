import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { defineAction } from '../action';
import { fail, ok } from '../answers';
import { userChain } from '../proposals';
import { personText, recordId } from '../schemas';
import { meOf } from './me';
import { refuseRetiredCommunity } from '../onboarding';

export const joinCommunity = defineAction({
  name: 'me.join',
  summary: 'The caller becomes a resident of a community, under the name they give. A person is a resident of one community at a time: joining another moves them; staff grants stay. A retired community takes no new residents (R-DIR-1, `invalid_state`).',
  schema: z.object({ communityId: recordId, name: personText(TEXT_LIMITS.name) }),
  access: { signIn: true, permission: 'me.join' },
  audit: ['user'],
  next: ['proposal.submit'],
  async run(input, context) {
    const { store } = context.services;
    if (!(await store.findCommunity(input.communityId))) return fail('not_found', '没有这个社区', 'communityId');
    // A retired (撤销 or merged) community takes no new residents (issue 16).
    const retired = await refuseRetiredCommunity(store, input.communityId);
    if (retired) return retired;
    const openid = context.caller.openid as string;
    const user = await store.joinCommunity({
      openid,
      communityId: input.communityId,
      name: input.name,
      at: context.at,
      audit: context.auditEntry({ chainId: userChain(openid), detail: { communityId: input.communityId } }),
    });
    return ok(meOf(openid, user));
  },
});
