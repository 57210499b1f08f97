import type { z } from 'zod';
import type { Answer } from '../../types/api';
import type { Store, UserRecord } from '../store/store.port';

/** Who calls: the openid from WeChat (or the dev header locally), nothing from the payload. */
export interface Caller {
  openid: string | null;
}

export interface UseCaseContext {
  store: Store;
  caller: Caller;
  /** The caller's stored user, or null for an anonymous or never-seen caller. */
  user: UserRecord | null;
  /** The request's instant; the only clock a use case may read. */
  now: Date;
}

/** One action of the API: its payload schema and the use case that answers it. */
export interface UseCase<Schema extends z.ZodTypeAny, Data> {
  schema: Schema;
  /** True when an anonymous caller gets `unauthenticated` before anything else happens. */
  requiresSignIn: boolean;
  run(input: z.infer<Schema>, context: UseCaseContext): Answer<Data>;
}

export function defineUseCase<Schema extends z.ZodTypeAny, Data>(useCase: UseCase<Schema, Data>): UseCase<Schema, Data> {
  return useCase;
}
