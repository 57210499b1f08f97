import { z } from 'zod';
import type { CalendarYearView } from '../../../types/api';
import type { ProposalState } from '../../../types/domain';
import type { WorkCalendar } from '../../domain/calendar';
import { BUNDLED_HOLIDAYS, calendarWithYears, calendarYearOf, checkCalendarYear, deadlineChanges, recomputedRecord } from '../../domain/calendar-years';
import { defineAction, type UseCaseContext } from '../action';
import { ok } from '../answers';
import { calendarFor, forgetCalendar } from '../calendars';
import type { StoredCalendarYear } from '../ports/store.port';
import { indexingOf, policyFor, proposalChain } from '../proposals';
import { dateString, personText } from '../schemas';
import { policyYearOf } from '../../domain/lifecycle';

/** The states in which a deadline runs (domain/deadlines.ts `deadlinesOf`). */
const OPEN_STATES: readonly ProposalState[] = ['street_review', 'publicity', 'implementing'];
const PAGE = 50;

/** The chain of a year's calendar: every load of it, in order. */
export const calendarChain = (year: number) => `calendar:${year}`;

/**
 * R-TIME-3: rewrites the open proposals whose running deadlines the new calendar moves or makes
 * certain, one audit entry per changed deadline on the proposal's own trail. A record someone
 * else changed meanwhile is read again once; its next write counts on the new calendar anyway.
 */
async function recomputeOpenDeadlines(context: UseCaseContext, before: WorkCalendar, after: WorkCalendar, year: number): Promise<number> {
  const { store } = context.services;
  const counting = { ...context, services: { ...context.services, calendar: after } };
  let changed = 0;
  for (const state of OPEN_STATES) {
    let cursor: { createdAt: string; id: string } | undefined;
    for (;;) {
      const slice = await store.listProposals({ scope: { kind: 'all' }, state, after: cursor, limit: PAGE });
      for (const listed of slice.items) {
        for (let attempt = 0; attempt < 2; attempt += 1) {
          const stored = attempt === 0 ? listed : await store.findProposal(listed.record.id);
          if (!stored || stored.record.state !== state) break;
          const changes = deadlineChanges(stored.record, before, after);
          if (changes.length === 0) break;
          const record = recomputedRecord(stored.record, after);
          const policy = await policyFor(store, record.districtId, policyYearOf(record, context.today));
          const committed = await store.commitTransitions({
            at: context.at,
            proposals: [{ record, indexing: indexingOf(record, policy, counting), expectedVersion: stored.record.version, expectedState: state }],
            ledgerMoves: [],
            changes: [],
            audit: changes.map((change) =>
              context.auditEntry({ chainId: proposalChain(record.id), detail: { year, deadline: change.name, from: change.from, to: change.to } }),
            ),
            outbox: [],
          });
          if (committed.ok) {
            changed += changes.length;
            break;
          }
        }
      }
      const last = slice.items[slice.items.length - 1];
      if (!slice.more || !last) break;
      cursor = { createdAt: last.record.createdAt, id: last.record.id };
    }
  }
  return changed;
}

export const setCalendar = defineAction({
  name: 'calendar.set',
  summary:
    'The city loads the State Council\'s holiday schedule of a year (holidays and make-up working days): from then on that year\'s deadlines are counted on it and are not provisional; open deadlines already issued are recomputed, each change an entry of its proposal\'s audit trail (R-TIME-1, R-TIME-3).',
  schema: z.object({
    year: z.number().int().min(2000).max(2099).describe('a year, 2000–2099'),
    holidays: z.array(dateString).max(60).describe('the statutory days off of that year (weekends inside a holiday included)'),
    workdays: z.array(dateString).max(30).describe('the make-up working days 调休上班 (each a Saturday or Sunday)'),
    note: personText(200).describe('where the schedule comes from, e.g. the notice\'s number'),
  }),
  access: { signIn: true, permission: 'calendar.set' },
  audit: ['calendar', 'proposal'],
  next: ['calendar.get'],
  async run(input, context) {
    const refused = context.authorize({});
    if (refused) return refused;
    const checked = checkCalendarYear(input);
    if (!checked.ok) return checked;
    const { store } = context.services;
    const before = await calendarFor(store, context.services.calendar);
    const others = (await store.listCalendarYears()).filter((entry) => entry.year !== input.year);
    const year: StoredCalendarYear = { ...checked.value, note: input.note, setAt: context.at, setBy: context.caller.openid as string };
    const saved = await store.saveCalendarYear({
      year,
      audit: context.auditEntry({ chainId: calendarChain(input.year), detail: { holidays: year.holidays, workdays: year.workdays, note: year.note } }),
    });
    forgetCalendar(store);
    const after = calendarWithYears(BUNDLED_HOLIDAYS, [...others, saved]);
    const recomputed = await recomputeOpenDeadlines(context, before, after, input.year);
    const view = calendarYearOf(BUNDLED_HOLIDAYS, [...others, saved], input.year);
    return ok<CalendarYearView & { note: string; recomputed: number }>({ ...view, note: saved.note, recomputed });
  },
});
