import type { Directory, RoleGrant } from '../../types/api';

/**
 * The Store port: intent methods, never a generic transaction. Each adapter (SQLite locally,
 * CloudBase in production) makes every method atomic on its own and is proven by the same
 * contract suite (test/store).
 */

export interface UserRecord {
  openid: string;
  name: string | null;
  communityId: string | null;
  grants: RoleGrant[];
}

export interface CommunityPlace {
  communityId: string;
  streetId: string;
  districtId: string;
}

export interface Store {
  /** The user and their role grants; null when the openid has never been seen. */
  findUser(openid: string): UserRecord | null;
  /** Makes the user a resident of the community (moving them from another one), atomically. */
  joinCommunity(input: { openid: string; communityId: string; name: string; at: string }): UserRecord;
  /** Where a community lies; null when there is no such community. */
  findCommunity(communityId: string): CommunityPlace | null;
  getDirectory(): Directory;
  /** Flushes and closes the store; later calls fail. */
  close(): void;
}
