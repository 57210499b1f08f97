/**
 * The API contract shared by the mini-program and the backend (`../shared/spec/api.md`).
 * Type-only: both sides import it with `import type`.
 */

export type ErrorCode =
  | 'invalid_input'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'invalid_state'
  | 'window_closed'
  | 'too_early'
  | 'budget_exceeded'
  | 'fee_ratio_exceeded'
  | 'conflict'
  | 'rate_limited'
  | 'content_rejected'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** The first bad field of the payload, for `invalid_input` and field-specific refusals. */
  field?: string;
}

/** Every answer of the API is this envelope. */
export type Answer<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** A calendar date `YYYY-MM-DD` in Asia/Shanghai. */
export type DateString = string;
/** An ISO 8601 instant. */
export type InstantString = string;

export type Role = 'resident' | 'community' | 'street' | 'district' | 'city';

export interface RoleGrant {
  role: Role;
  /** A community, street or district id; `city` for the city role. */
  scopeId: string;
}

// ---------------------------------------------------------------------------------------------
// Identity and directory

export interface MeGetRequest {}
export interface Me {
  openid: string;
  /** Null until the user has joined a community and given a name. */
  name: string | null;
  communityId: string | null;
  roles: RoleGrant[];
}

export interface MeJoinRequest {
  communityId: string;
  name: string;
}

export interface DirectoryGetRequest {}
export interface CommunityEntry {
  id: string;
  name: string;
}
export interface StreetEntry {
  id: string;
  name: string;
  communities: CommunityEntry[];
}
export interface DistrictEntry {
  id: string;
  name: string;
  streets: StreetEntry[];
}
export interface Directory {
  districts: DistrictEntry[];
}

// ---------------------------------------------------------------------------------------------
// Action names and their request / answer types. Later actions are added here first.

export interface ActionMap {
  'me.get': { request: MeGetRequest; answer: Me };
  'me.join': { request: MeJoinRequest; answer: Me };
  'directory.get': { request: DirectoryGetRequest; answer: Directory };
}

export type ActionName = keyof ActionMap;
export type RequestOf<A extends ActionName> = ActionMap[A]['request'];
export type AnswerOf<A extends ActionName> = ActionMap[A]['answer'];

/** HTTP status of each error code (spec/api.md). */
export type HttpStatusOf = Record<ErrorCode, number>;
