import type { Inspection, StreetPlan } from '../../../types/domain';
import type { AuditDraft, CommitOutcome, InspectionPlace, OutboxDraft, ScopeFilter, SummaryCount, SummaryTotal } from '../../app/ports/store.port';
import { Rollback, scopeClause, type SqliteCore } from './sqlite.core';

/** Issue 18 (inspections, plans, reports): the checks, the streets' plans and the summary's figures. */
export function sqliteReports(core: SqliteCore) {
  const { db } = core;
  const statements = {
    insertInspection: db.prepare(
      `INSERT INTO inspections (id, scope_id, street_id, district_id, year, held_on, version, record)
       VALUES (@id, @scopeId, @streetId, @districtId, @year, @heldOn, @version, @record)`,
    ),
    inspection: db.prepare('SELECT record, street_id, district_id FROM inspections WHERE id = ?'),
    updateInspection: db.prepare('UPDATE inspections SET version = @version, record = @record WHERE id = @id AND version = @expectedVersion'),
    upsertPlan: db.prepare(
      `INSERT INTO street_plans (street_id, district_id, year, record) VALUES (@streetId, @districtId, @year, @record)
       ON CONFLICT (street_id, year) DO UPDATE SET record = excluded.record`,
    ),
    plan: db.prepare('SELECT record FROM street_plans WHERE street_id = ? AND year = ?'),
    noticeDueCheck: db.prepare('INSERT OR IGNORE INTO due_check_notices (scope_id, kind, period, noticed_at) VALUES (?, ?, ?, ?)'),
  };

  /** Inspections are filed under their unit and the units above it (a unit reads those below it). */
  function inspectionWhere(scope: ScopeFilter, params: Record<string, unknown>): string[] {
    if (scope.kind === 'all') return [];
    params.scopeId = scope.id;
    return [{ community: 'scope_id = @scopeId', street: 'street_id = @scopeId', district: 'district_id = @scopeId' }[scope.kind]];
  }

  /** The scope over the directory's tables (c: communities, s: streets). */
  function directoryWhere(scope: ScopeFilter, params: Record<string, unknown>): string[] {
    if (scope.kind === 'all') return [];
    params.scopeId = scope.id;
    return [{ community: 'c.id = @scopeId', street: 'c.street_id = @scopeId', district: 's.district_id = @scopeId' }[scope.kind]];
  }

  return {
    async saveInspection(input: { inspection: Inspection; place: InspectionPlace; audit: AuditDraft }): Promise<Inspection> {
      const { inspection, place } = input;
      return core.transaction(() => {
        statements.insertInspection.run({
          id: inspection.id,
          scopeId: inspection.scopeId,
          streetId: place.streetId ?? null,
          districtId: place.districtId ?? null,
          year: Number(inspection.heldOn.slice(0, 4)),
          heldOn: inspection.heldOn,
          version: inspection.version,
          record: JSON.stringify(inspection),
        });
        core.appendAudit(input.audit);
        return inspection;
      });
    },

    async findInspection(id: string): Promise<{ inspection: Inspection; place: InspectionPlace } | null> {
      const row = statements.inspection.get(id) as { record: string; street_id: string | null; district_id: string | null } | undefined;
      if (!row) return null;
      const inspection = JSON.parse(row.record) as Inspection;
      return { inspection, place: { streetId: row.street_id ?? undefined, districtId: row.district_id ?? undefined } };
    },

    async updateInspection(input: { inspection: Inspection; expectedVersion: number; audit: AuditDraft; outbox: OutboxDraft[] }): Promise<CommitOutcome<Inspection>> {
      return core.atomically(() => {
        const inspection = { ...input.inspection, version: input.expectedVersion + 1 };
        const updated = statements.updateInspection.run({
          id: inspection.id,
          version: inspection.version,
          expectedVersion: input.expectedVersion,
          record: JSON.stringify(inspection),
        });
        if (updated.changes === 0) throw new Rollback({ ok: false, code: 'conflict' });
        core.appendAudit(input.audit);
        core.enqueue(input.outbox, input.audit.at);
        return inspection;
      });
    },

    async listInspections(scope: ScopeFilter, year: number | undefined): Promise<Inspection[]> {
      const params: Record<string, unknown> = {};
      const where = inspectionWhere(scope, params);
      if (year !== undefined) {
        params.year = year;
        where.push('year = @year');
      }
      const sql = `SELECT record FROM inspections ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY held_on DESC, id DESC LIMIT 500`;
      return (db.prepare(sql).pluck().all(params) as string[]).map((record) => JSON.parse(record) as Inspection);
    },

    async savePlan(input: { plan: StreetPlan; districtId: string; audit: AuditDraft }): Promise<StreetPlan> {
      return core.transaction(() => {
        const { plan } = input;
        statements.upsertPlan.run({ streetId: plan.streetId, districtId: input.districtId, year: plan.year, record: JSON.stringify(plan) });
        core.appendAudit(input.audit);
        return plan;
      });
    },

    async listPlans(scope: ScopeFilter, year: number): Promise<StreetPlan[]> {
      const params: Record<string, unknown> = { year };
      const where = ['year = @year'];
      if (scope.kind === 'district') {
        params.scopeId = scope.id;
        where.push('district_id = @scopeId');
      } else if (scope.kind === 'street') {
        params.scopeId = scope.id;
        where.push('street_id = @scopeId');
      } else if (scope.kind === 'community') {
        params.scopeId = scope.id;
        where.push("street_id = (SELECT street_id FROM communities WHERE id = @scopeId)");
      }
      const sql = `SELECT record FROM street_plans WHERE ${where.join(' AND ')} ORDER BY street_id`;
      return (db.prepare(sql).pluck().all(params) as string[]).map((record) => JSON.parse(record) as StreetPlan);
    },

    async summaryTotals(scope: ScopeFilter, year: number, throughQuarter: number): Promise<SummaryTotal[]> {
      const params: Record<string, unknown> = { year, quarter: throughQuarter };
      const where = [...scopeClause(scope, params), 'year = @year', 'quarter <= @quarter'];
      const sql = `SELECT community_id AS communityId, metric, SUM(value) AS value FROM summary_totals WHERE ${where.join(' AND ')}
                   GROUP BY community_id, metric`;
      return db.prepare(sql).all(params) as SummaryTotal[];
    },

    async summaryCounts(input: { scope: ScopeFilter; today: string; year: number; from: string; through: string }): Promise<SummaryCount[]> {
      const counts = new Map<string, SummaryCount>();
      const entry = (communityId: string) => {
        let count = counts.get(communityId);
        if (!count) {
          count = { communityId, overdue: 0, meetingsHeld: 0, ratingSum: 0, ratingCount: 0 };
          counts.set(communityId, count);
        }
        return count;
      };
      const overdueParams: Record<string, unknown> = { today: input.today };
      const overdueWhere = [...scopeClause(input.scope, overdueParams), 'open_deadline_on IS NOT NULL', 'open_deadline_on < @today'];
      const overdue = db
        .prepare(`SELECT community_id AS communityId, COUNT(*) AS n FROM proposals WHERE ${overdueWhere.join(' AND ')} GROUP BY community_id`)
        .all(overdueParams) as { communityId: string; n: number }[];
      for (const row of overdue) entry(row.communityId).overdue = row.n;
      // A meeting counts as held once its day has come within the period.
      const heldBy = input.today < input.through ? input.today : input.through;
      const meetingParams: Record<string, unknown> = { from: input.from, heldBy };
      const meetingWhere = [...directoryWhere(input.scope, meetingParams), 'm.meeting_on >= @from', 'm.meeting_on <= @heldBy'];
      const meetings = db
        .prepare(
          `SELECT m.community_id AS communityId, COUNT(*) AS n FROM meetings m JOIN communities c ON c.id = m.community_id
           JOIN streets s ON s.id = c.street_id WHERE ${meetingWhere.join(' AND ')} GROUP BY m.community_id`,
        )
        .all(meetingParams) as { communityId: string; n: number }[];
      for (const row of meetings) entry(row.communityId).meetingsHeld = row.n;
      // The rated projects of the budget year, from the covering index of migration 24.
      const ratingParams: Record<string, unknown> = { year: input.year };
      const ratingWhere = [...scopeClause(input.scope, ratingParams), 'budget_year = @year', 'rating_count > 0'];
      const ratings = db
        .prepare(
          // Named: the planner otherwise prefers the subsidy list's index and opens every record of the year.
          `SELECT community_id AS communityId, SUM(rating_sum) AS ratingSum, SUM(rating_count) AS ratingCount FROM proposals INDEXED BY proposals_rated
           WHERE ${ratingWhere.join(' AND ')} GROUP BY community_id`,
        )
        .all(ratingParams) as { communityId: string; ratingSum: number; ratingCount: number }[];
      for (const row of ratings) Object.assign(entry(row.communityId), { ratingSum: row.ratingSum, ratingCount: row.ratingCount });
      return [...counts.values()];
    },

    async noticeDueCheck(input: { scopeId: string; kind: string; period: string; at: string; outbox: OutboxDraft[] }): Promise<boolean> {
      return core.transaction(() => {
        const noticed = statements.noticeDueCheck.run(input.scopeId, input.kind, input.period, input.at);
        if (noticed.changes === 0) return false;
        core.enqueue(input.outbox, input.at);
        return true;
      });
    },
  };
}
