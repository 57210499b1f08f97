import { TEXT_LIMITS } from '../../../common/limits';
import { z } from 'zod';
import { defineUseCase } from '../action';
import { fail, ok } from '../answers';
import { userChain } from '../proposals';
import { personText, recordId } from '../schemas';
import { meOf } from './me';

/** me.join: the caller becomes a resident of a community, under the name they give. */
export const joinCommunity = defineUseCase({
  schema: z.object({ communityId: recordId, name: personText(TEXT_LIMITS.name) }),
  requiresSignIn: true,
  async run(input, { services, caller, at }) {
    if (!(await services.store.findCommunity(input.communityId))) return fail('not_found', '没有这个社区', 'communityId');
    const openid = caller.openid as string;
    const user = await services.store.joinCommunity({
      openid,
      communityId: input.communityId,
      name: input.name,
      at,
      audit: { chainId: userChain(openid), at, actor: openid, action: 'me.join', from: null, to: null, detail: { communityId: input.communityId } },
    });
    return ok(meOf(openid, user));
  },
});
