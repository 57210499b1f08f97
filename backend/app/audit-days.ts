import { createHash } from 'node:crypto';
import type { DateString } from '../../types/api';
import { shanghaiDateOf } from '../domain/calendar';
import { GENESIS_DAY_HASH } from '../../common/audit-anchoring';
import type { AuditDigest, Store } from './ports/store.port';

/**
 * The daily heads of the audit trail (audit.heads, spec "Audit anchoring"). Every entry of every
 * chain, in the order the store appended them, is folded into ONE running hash:
 *   head = sha256(head + entry.hash), starting from 64 zeros;
 * a day's head is the running hash after its last entry (days in Asia/Shanghai, never going
 * back). A head is kept with its day's count, so that a head kept during its own day is checked
 * against the running hash after that many entries of the day. A kept head
 * therefore commits to every entry up to that day: rewriting any entry (and every hash after it,
 * as a full chain rewrite must) changes every head from its day on, which `npm run audit:verify
 * --anchor FILE` reports.
 */

export interface DayHead {
  day: DateString;
  /** The entries written that day. */
  count: number;
  hash: string;
}

/** Where a fold stood when a day began: the head and the days before it, and the cursor of the last entry before it. */
export interface DayBoundary {
  head: string;
  days: DayHead[];
  cursor: string | undefined;
}

/**
 * Folds entries (in the order the store appended them) into the day heads. `probes` asks for the
 * running hash after the n-th entry of a day too: a head kept during its own day (with the
 * count of that moment) is checked against the trail as it was then.
 */
export class DayHeadFold {
  private head: string;
  readonly days: DayHead[];
  /** `${day}#${count}` → the running hash after that many entries of the day, for each probe. */
  readonly probed = new Map<string, string>();
  /** Where the latest day began (what a cache may resume from). */
  boundary: DayBoundary;
  private cursor: string | undefined;

  constructor(
    private readonly probes: ReadonlySet<string> = new Set(),
    from: DayBoundary = { head: GENESIS_DAY_HASH, days: [], cursor: undefined },
  ) {
    this.head = from.head;
    this.days = from.days.map((day) => ({ ...day }));
    this.cursor = from.cursor;
    this.boundary = { head: from.head, days: from.days.map((day) => ({ ...day })), cursor: from.cursor };
  }

  add(entry: Pick<AuditDigest, 'at' | 'hash'> & { cursor?: string }): void {
    const before = this.head;
    this.head = createHash('sha256').update(this.head + entry.hash).digest('hex');
    const last = this.days[this.days.length - 1];
    // Days never go back: an entry stamped earlier than one appended before it (a clock set back)
    // counts on the later day, so a head once kept is never changed by what comes after.
    const stamped = shanghaiDateOf(Date.parse(entry.at));
    const day = last && last.day > stamped ? last.day : stamped;
    if (last && last.day === day) {
      last.count += 1;
      last.hash = this.head;
    } else {
      this.boundary = { head: before, days: this.days.map((held) => ({ ...held })), cursor: this.cursor };
      this.days.push({ day, count: 1, hash: this.head });
    }
    this.cursor = entry.cursor;
    const current = this.days[this.days.length - 1];
    const key = `${day}#${current.count}`;
    if (this.probes.has(key)) this.probed.set(key, this.head);
  }
}

/** Reads the store's entries a page at a time. */
const PAGE = 1000;

/** Every day head of the store's audit trail, oldest day first (the fold, for its probes), from the start or from a boundary. */
export async function foldAuditDays(store: Pick<Store, 'auditDigests'>, probes?: ReadonlySet<string>, from?: DayBoundary): Promise<DayHeadFold> {
  const fold = new DayHeadFold(probes, from);
  let after: string | undefined = from?.cursor;
  for (;;) {
    const page = await store.auditDigests(after, PAGE);
    for (const entry of page) fold.add(entry);
    if (page.length === 0) return fold;
    after = page[page.length - 1].cursor;
  }
}

/**
 * Where each store's fold last saw its latest day begin: audit.heads (public, on the home page)
 * folds only the entries from there on, not the whole trail each time. The days before it are
 * settled (the fold's days never go back), so resuming gives what a fold from the start gives.
 */
const resumeFrom = new WeakMap<object, DayBoundary>();

/** Every day head of the store's audit trail, oldest day first. */
export async function dayHeadsOf(store: Pick<Store, 'auditDigests'>): Promise<DayHead[]> {
  const fold = await foldAuditDays(store, undefined, resumeFrom.get(store));
  resumeFrom.set(store, fold.boundary);
  return fold.days;
}

/** A kept head the trail no longer reproduces, and what the trail gives instead. */
export interface AnchorMismatch {
  day: string;
  count: number;
  kept: string;
  found: string | null;
}

/** Checks kept heads (an audit.heads answer's items) against the store's trail. */
export async function checkAnchor(store: Pick<Store, 'auditDigests'>, kept: DayHead[]): Promise<AnchorMismatch[]> {
  const fold = await foldAuditDays(store, new Set(kept.map((head) => `${head.day}#${head.count}`)));
  return kept
    .map((head) => ({ day: head.day, count: head.count, kept: head.hash, found: fold.probed.get(`${head.day}#${head.count}`) ?? null }))
    .filter((check) => check.found !== check.kept);
}
