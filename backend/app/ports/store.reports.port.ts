import type { Inspection, StreetPlan } from '../../../types/domain';
import type { AuditDraft, CommitOutcome, OutboxDraft, ScopeFilter } from './store.port';

/** Issue 18 (inspections, plans, reports): the Store port's part for the checks, plans and the summary. */

/** Where an inspected unit lies: its street (for a street or a community) and district (unless the city). */
export interface InspectionPlace {
  streetId?: string;
  districtId?: string;
}

/** A community's running figure of the summary, summed over the quarters asked (domain/summary.ts). */
export interface SummaryTotal {
  communityId: string;
  metric: string;
  value: number;
}

/** A community's counts the summary reads as they are now: overdue, meetings held, ratings. */
export interface SummaryCount {
  communityId: string;
  overdue: number;
  meetingsHeld: number;
  ratingSum: number;
  ratingCount: number;
}

export interface ReportStore {
  saveInspection(input: { inspection: Inspection; place: InspectionPlace; audit: AuditDraft }): Promise<Inspection>;
  findInspection(id: string): Promise<{ inspection: Inspection; place: InspectionPlace } | null>;
  /** Writes the inspection if its stored version is still `expectedVersion` (conflict otherwise), bumping it. */
  updateInspection(input: { inspection: Inspection; expectedVersion: number; audit: AuditDraft; outbox: OutboxDraft[] }): Promise<CommitOutcome<Inspection>>;
  /** The inspections of the scope's unit and every unit below it, latest first (at most 500). */
  listInspections(scope: ScopeFilter, year: number | undefined): Promise<Inspection[]>;
  /** Sets (or replaces) a street's plan of a year. */
  savePlan(input: { plan: StreetPlan; districtId: string; audit: AuditDraft }): Promise<StreetPlan>;
  /** The plans of a year of the streets in (or, for a community, over) the scope. */
  listPlans(scope: ScopeFilter, year: number): Promise<StreetPlan[]>;
  /**
   * The summary's running figures of the scope's communities in a year, quarters 1 to
   * `throughQuarter` summed; kept by every write of a project as domain/summary.ts says.
   */
  summaryTotals(scope: ScopeFilter, year: number, throughQuarter: number): Promise<SummaryTotal[]>;
  /** Overdue records today, meetings held in the period up to today, and the ratings of the year's projects. */
  summaryCounts(input: { scope: ScopeFilter; today: string; year: number; from: string; through: string }): Promise<SummaryCount[]>;
  /** Queues the due-check reminders of a unit, check and period once, however often the job runs. */
  noticeDueCheck(input: { scopeId: string; kind: string; period: string; at: string; outbox: OutboxDraft[] }): Promise<boolean>;

}
