import type { z } from 'zod';
import type { Answer, DateString } from '../../types/api';
import type { Actor } from '../../types/domain';
import type { WorkCalendar } from '../domain/calendar';
import type { Store, UserRecord } from './ports/store.port';
import type { ContentCheck } from './ports/content-check.port';
import type { PhotoOwnership } from './ports/photo-ownership.port';

/** Who calls: the openid from WeChat (or the dev header locally), nothing from the payload. */
export interface Caller {
  openid: string | null;
}

/** Limits per openid (issue 4: 5 proposals a day, 30 comments an hour), configurable. */
export interface RateLimits {
  proposalsPerDay: number;
  commentsPerHour: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { proposalsPerDay: 5, commentsPerHour: 30 };

/** What the use cases run on: the ports and the pure services they need. */
export interface AppServices {
  store: Store;
  calendar: WorkCalendar;
  contentCheck: ContentCheck;
  /** Whose uploads the photos of a proposal are. */
  photos: PhotoOwnership;
  limits: RateLimits;
  /** A new record id with a readable prefix (`p-…`, `cm-…`). */
  newId: (prefix: string) => string;
}

export interface UseCaseContext {
  services: AppServices;
  caller: Caller;
  /** The caller's stored user, or null for an anonymous or never-seen caller. */
  user: UserRecord | null;
  /** The caller as the domain sees it: openid and role grants. */
  actor: Actor;
  /** The request's instant, the only clock a use case may read, as ISO 8601. */
  at: string;
  /** The request's date in Asia/Shanghai. */
  today: DateString;
}

/** One action of the API: its payload schema and the use case that answers it. */
export interface UseCase<Schema extends z.ZodTypeAny, Data> {
  schema: Schema;
  /** True when an anonymous caller gets `unauthenticated` before anything else happens. */
  requiresSignIn: boolean;
  run(input: z.infer<Schema>, context: UseCaseContext): Promise<Answer<Data>>;
}

export function defineUseCase<Schema extends z.ZodTypeAny, Data>(useCase: UseCase<Schema, Data>): UseCase<Schema, Data> {
  return useCase;
}
