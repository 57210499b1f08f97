import type { Migration } from './migrations';
import { rebuildSummaryTotals } from './sqlite.summary-rebuild';

/** Issue 18 (inspections, plans, reports): the reserved versions 23 and 24. Never edited once landed. */
export const REPORT_MIGRATIONS: Migration[] = [
  // Issue 18 (inspections, plans, reports): versions 23 and 24 are reserved for this work.
  {
    version: 23,
    name: 'inspections-plans',
    // R-INS-1: the checks of a unit with their findings (a unit reads its own and those below it);
    // R-PLN-1: a street's plan of a year; the due-check reminders, sent once per unit, check and month.
    sql: `
      CREATE TABLE inspections (
        id TEXT PRIMARY KEY,
        scope_id TEXT NOT NULL,
        street_id TEXT,
        district_id TEXT,
        year INTEGER NOT NULL,
        held_on TEXT NOT NULL,
        version INTEGER NOT NULL,
        record TEXT NOT NULL
      );
      CREATE INDEX inspections_by_scope ON inspections(scope_id, held_on DESC);
      CREATE INDEX inspections_by_street ON inspections(street_id, held_on DESC) WHERE street_id IS NOT NULL;
      CREATE INDEX inspections_by_district ON inspections(district_id, held_on DESC) WHERE district_id IS NOT NULL;
      CREATE TABLE street_plans (
        street_id TEXT NOT NULL,
        district_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (street_id, year)
      );
      CREATE INDEX street_plans_by_district ON street_plans(district_id, year);
      CREATE TABLE due_check_notices (
        scope_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        period TEXT NOT NULL,
        noticed_at TEXT NOT NULL,
        PRIMARY KEY (scope_id, kind, period)
      );
    `,
  },
  {
    version: 24,
    name: 'summary-totals',
    // R-RPT-1: report.summary reads running figures per community, year and quarter, moved in the
    // transaction of each write of a project (domain/summary.ts decides what counts), and the
    // rating sums of a scope's rated projects from a covering index, instead of opening records.
    sql: `
      CREATE TABLE summary_totals (
        community_id TEXT NOT NULL,
        street_id TEXT NOT NULL,
        district_id TEXT NOT NULL,
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        metric TEXT NOT NULL,
        value INTEGER NOT NULL,
        PRIMARY KEY (community_id, year, quarter, metric)
      );
      CREATE INDEX summary_totals_by_street ON summary_totals(street_id, year, quarter);
      CREATE INDEX summary_totals_by_district ON summary_totals(district_id, year, quarter);
      CREATE INDEX proposals_rated ON proposals(budget_year, district_id, street_id, community_id, rating_sum, rating_count)
        WHERE rating_count > 0;
    `,
    run: rebuildSummaryTotals,
  },
];
