import type { z } from 'zod';
import type { Answer, DateString } from '../../types/api';
import type { Actor, ProposalState } from '../../types/domain';
import type { WorkCalendar } from '../domain/calendar';
import type { Action as Permission, Target } from '../domain/permissions';
import type { Failure } from '../domain/result';
import type { AuditDraft, Store, UserRecord } from './ports/store.port';
import type { ContentCheck } from './ports/content-check.port';
import type { PhotoOwnership } from './ports/photo-ownership.port';
import type { PhotoCheck } from './ports/photo-check.port';
import type { ExportStorage } from './ports/file-storage.port';
import type { MiniProgramCodes } from './ports/mini-program-code.port';

/** Who calls: the openid from WeChat (or the dev header locally), nothing from the payload. */
export interface Caller {
  openid: string | null;
}

/** Limits per openid (issue 4: 5 proposals a day, 30 comments an hour), configurable. */
export interface RateLimits {
  proposalsPerDay: number;
  commentsPerHour: number;
  /** Residency against hopping (M3): changes by one resident to one project's rating a day (spec/api.md: 10). */
  ratingChangesPerDay?: number;
  /** Residency against hopping (M3): me.join calls by one person a day. */
  joinsPerDay?: number;
}

/** Residency against hopping (M3): the limits not every composition root names. */
export const RESIDENCY_RATE_LIMITS = { ratingChangesPerDay: 10, joinsPerDay: 5 } as const;

export const DEFAULT_RATE_LIMITS: RateLimits = { proposalsPerDay: 5, commentsPerHour: 30 };

/** What the use cases run on: the ports and the pure services they need. */
export interface AppServices {
  store: Store;
  calendar: WorkCalendar;
  contentCheck: ContentCheck;
  /** Whose uploads the photos of a proposal are. */
  photos: PhotoOwnership;
  /** Issue 13: in WeChat, each new photo's type, size and content are checked before it is shown. */
  photoCheck?: PhotoCheck;
  limits: RateLimits;
  /** A new record id with a readable prefix (`p-…`, `cm-…`). */
  newId: (prefix: string) => string;
  /** Issue 16: where exported workbooks go (absent: `export.create` answers `internal`). */
  exports?: ExportStorage;
  /** Mini-program codes for invitations (issue 16): WeChat's in the cloud function, none locally. */
  miniProgramCodes?: MiniProgramCodes;
}

/** What an audit entry of the answering action holds beyond what the context stamps on it. */
export interface AuditFields {
  chainId: string;
  from?: ProposalState | null;
  to?: ProposalState | null;
  detail: Record<string, unknown>;
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
  /** The action being answered, as declared. */
  action: string;
  /** The declared permission on `target`, asked of the one switch (domain/permissions.ts): null when allowed. */
  authorize(target: Target): Failure | null;
  /** An audit entry of this action by this caller at this instant. */
  auditEntry(fields: AuditFields): AuditDraft;
}

/** The audit chains an action may write to (see proposals.ts for their ids). */
export type AuditChain =
  | 'proposal'
  | 'ledger'
  | 'comments'
  | 'ratings'
  | 'user'
  | 'policy'
  | 'library'
  | 'calendar' // issue 16
  // Issue 18 (inspections, plans)
  | 'inspection'
  | 'plan'
  // Issue 18 (complaints)
  | 'complaint'
  // Issue 16 (directory, invitations)
  | 'directory'
  | 'invitation';

/**
 * One action of the API, declared once: everything else — the dispatch table, the action list,
 * the typed client of the pages (src/api) and the API reference (docs/api.md) — is derived from
 * these declarations (catalog.ts). The recipe for a new one is docs/adding-an-action.md.
 */
export interface ActionDeclaration<Name extends string, Schema extends z.ZodTypeAny, Data, Next extends string = string> {
  /** The API name, `noun.verb`. */
  name: Name;
  /** What it does, in a sentence or two, with the rule ids it enforces (the API reference shows it). */
  summary: string;
  /** The payload. Anything it refuses is `invalid_input` naming the first bad field; nothing runs. */
  schema: Schema;
  /**
   * Who may call: whether an anonymous caller is `unauthenticated` before anything else, and the
   * permission the use case asks through `context.authorize`. Which roles that permission allows,
   * in which scope, is the one switch's (domain/permissions.ts), never repeated here.
   */
  access: { signIn: boolean; permission: Permission };
  /** The audit chains its entries go on; none for an action that changes nothing. */
  audit: readonly AuditChain[];
  /** The actions that usually follow it (a hint for the API reference; the catalog checks each is one). */
  next: readonly Next[];
  /** The use case: parse is done; load → decide → commit → answer. Expected failures are values. */
  run(input: z.infer<Schema>, context: UseCaseContext): Promise<Answer<Data>>;
}

/** Any declaration, as the dispatch table holds them (the payload is checked by its schema first). */
export type AnyAction = ActionDeclaration<string, z.ZodTypeAny, unknown>;

export function defineAction<const Name extends string, Schema extends z.ZodTypeAny, Data, const Next extends string = never>(
  declaration: ActionDeclaration<Name, Schema, Data, Next>,
): ActionDeclaration<Name, Schema, Data, Next> {
  return declaration;
}
