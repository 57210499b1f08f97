import type { Me } from '../../../types/api';
import type { Store, UserRecord } from '../ports/store.port';

/** The `me` answer of an openid: a never-seen openid has no name, community or roles yet. */
export function meOf(openid: string, user: UserRecord | null): Me {
  return { openid, name: user?.name ?? null, communityId: user?.communityId ?? null, roles: user?.grants ?? [] };
}

/** `me` with the privacy consent given (issue 17), as me.get and home.get answer it. */
export async function meWithConsentOf(store: Store, openid: string, user: UserRecord | null): Promise<Me> {
  return { ...meOf(openid, user), consent: await store.findConsent(openid) };
}
