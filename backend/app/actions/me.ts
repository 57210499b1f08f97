import type { Me } from '../../../types/api';
import type { UserRecord } from '../ports/store.port';

/** The `me` answer of an openid: a never-seen openid has no name, community or roles yet. */
export function meOf(openid: string, user: UserRecord | null): Me {
  return { openid, name: user?.name ?? null, communityId: user?.communityId ?? null, roles: user?.grants ?? [] };
}
