import type { Inspection, ProposalRecord, StreetPlan } from '../../../types/domain';
import type { AuditDraft, CommitOutcome, InspectionPlace, OutboxDraft, ScopeFilter, SummaryCount, SummaryTotal } from '../../app/ports/store.port';
import { summaryTotalsChanges } from '../../domain/summary';
import { Rollback, type CloudBaseCore, type Unit } from './cloudbase.core';
import { scopeConjunction } from './cloudbase.documents';
import { COLLECTIONS, dueCheckDocId, planDocId, summaryDocId } from './collections';
import { queryAll, type Conjunction, type Doc } from './doc-db';

/**
 * Issue 18 (reports): R-RPT-1, the summary's running figures of the project's community move with
 * each write of it, in its transaction: one document per community, year and quarter.
 */
export async function moveSummaryTotals(unit: Unit, before: ProposalRecord | null, after: ProposalRecord): Promise<void> {
  const byDoc = new Map<string, { year: number; quarter: number; moves: [string, number][] }>();
  for (const fact of summaryTotalsChanges(before, after)) {
    const id = summaryDocId(after.communityId, fact.year, fact.quarter);
    const entry = byDoc.get(id) ?? { year: fact.year, quarter: fact.quarter, moves: [] };
    entry.moves.push([fact.metric, fact.value]);
    byDoc.set(id, entry);
  }
  for (const [id, { year, quarter, moves }] of byDoc) {
    const doc = await unit.get(COLLECTIONS.summaries, id);
    const figures = { ...((doc?.figures as Record<string, number> | undefined) ?? {}) };
    for (const [metric, value] of moves) figures[metric] = (figures[metric] ?? 0) + value;
    unit.put(COLLECTIONS.summaries, id, {
      communityId: after.communityId,
      streetId: after.streetId,
      districtId: after.districtId,
      year,
      quarter,
      figures,
    });
  }
}

const BY_ID: [string, 'asc' | 'desc'][] = [['_id', 'asc']];
const LATEST_HELD: [string, 'asc' | 'desc'][] = [
  ['heldOn', 'desc'],
  ['_id', 'desc'],
];

function inspectionConjunction(scope: ScopeFilter): Conjunction {
  if (scope.kind === 'all') return {};
  return { [{ community: 'scopeId', street: 'streetId', district: 'districtId' }[scope.kind]]: scope.id };
}

/** Issue 18 (inspections, plans, reports): the checks, the streets' plans and the summary's figures. */
export function cloudBaseReports(core: CloudBaseCore) {
  const { db } = core;
  return {
    async saveInspection(input: { inspection: Inspection; place: InspectionPlace; audit: AuditDraft }): Promise<Inspection> {
      const { inspection, place } = input;
      return core.transact(async (unit) => {
        if (await unit.get(COLLECTIONS.inspections, inspection.id)) throw new Error(`inspection ${inspection.id} exists already`);
        unit.put(COLLECTIONS.inspections, inspection.id, {
          record: inspection,
          scopeId: inspection.scopeId,
          streetId: place.streetId ?? null,
          districtId: place.districtId ?? null,
          year: Number(inspection.heldOn.slice(0, 4)),
          heldOn: inspection.heldOn,
        });
        await core.appendAudit(unit, input.audit);
        return inspection;
      });
    },

    async findInspection(id: string): Promise<{ inspection: Inspection; place: InspectionPlace } | null> {
      const doc = await db.get(COLLECTIONS.inspections, id);
      if (!doc) return null;
      const place: InspectionPlace = {};
      if (doc.streetId) place.streetId = doc.streetId as string;
      if (doc.districtId) place.districtId = doc.districtId as string;
      return { inspection: doc.record as Inspection, place };
    },

    async updateInspection(input: { inspection: Inspection; expectedVersion: number; audit: AuditDraft; outbox: OutboxDraft[] }): Promise<CommitOutcome<Inspection>> {
      return core.atomically(async (unit) => {
        const current = await unit.get(COLLECTIONS.inspections, input.inspection.id);
        if (!current || (current.record as Inspection).version !== input.expectedVersion) throw new Rollback({ ok: false, code: 'conflict' });
        const inspection = { ...input.inspection, version: input.expectedVersion + 1 };
        const { _id: _ignored, ...fields } = current;
        unit.put(COLLECTIONS.inspections, inspection.id, { ...fields, record: inspection });
        await core.appendAudit(unit, input.audit);
        await core.enqueue(unit, input.outbox, input.audit.at);
        return inspection;
      });
    },

    async listInspections(scope: ScopeFilter, year: number | undefined): Promise<Inspection[]> {
      const where = { ...inspectionConjunction(scope), ...(year === undefined ? {} : { year }) };
      const docs = await db.query(COLLECTIONS.inspections, { where: [where], orderBy: LATEST_HELD, limit: 100 });
      return docs.map((doc) => doc.record as Inspection);
    },

    async savePlan(input: { plan: StreetPlan; districtId: string; audit: AuditDraft }): Promise<StreetPlan> {
      const { plan } = input;
      return core.transact(async (unit) => {
        unit.put(COLLECTIONS.plans, planDocId(plan.streetId, plan.year), { record: plan, streetId: plan.streetId, districtId: input.districtId, year: plan.year });
        await core.appendAudit(unit, input.audit);
        return plan;
      });
    },

    async listPlans(scope: ScopeFilter, year: number): Promise<StreetPlan[]> {
      if (scope.kind === 'street' || scope.kind === 'community') {
        const streetId = scope.kind === 'street' ? scope.id : ((await db.get(COLLECTIONS.places, scope.id))?.streetId as string | undefined);
        const doc = streetId ? await db.get(COLLECTIONS.plans, planDocId(streetId, year)) : null;
        return doc ? [doc.record as StreetPlan] : [];
      }
      const where: Conjunction = scope.kind === 'district' ? { districtId: scope.id, year } : { year };
      return (await queryAll(db, COLLECTIONS.plans, [where], BY_ID)).map((doc) => doc.record as StreetPlan);
    },

    async summaryTotals(scope: ScopeFilter, year: number, throughQuarter: number): Promise<SummaryTotal[]> {
      const docs: Doc[] =
        scope.kind === 'community'
          ? ((await Promise.all([1, 2, 3, 4].map((quarter) => db.get(COLLECTIONS.summaries, summaryDocId(scope.id, year, quarter))))).filter(Boolean) as Doc[])
          : await queryAll(db, COLLECTIONS.summaries, [{ ...scopeConjunction(scope), year }], BY_ID);
      const totals = new Map<string, SummaryTotal>();
      for (const doc of docs) {
        if ((doc.quarter as number) > throughQuarter) continue;
        for (const [metric, value] of Object.entries(doc.figures as Record<string, number>)) {
          const key = `${doc.communityId as string}|${metric}`;
          const total = totals.get(key) ?? { communityId: doc.communityId as string, metric, value: 0 };
          total.value += value;
          totals.set(key, total);
        }
      }
      return [...totals.values()];
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
      const scoped = scopeConjunction(input.scope);
      const overdue = await queryAll(db, COLLECTIONS.proposals, [{ ...scoped, openDeadlineOn: { lt: input.today, ne: null } }], BY_ID);
      for (const doc of overdue) entry(doc.communityId as string).overdue += 1;
      const rated = await queryAll(db, COLLECTIONS.proposals, [{ ...scoped, budgetYear: input.year, ratingCount: { gt: 0 } }], BY_ID);
      for (const doc of rated) {
        const count = entry(doc.communityId as string);
        count.ratingSum += doc.ratingSum as number;
        count.ratingCount += doc.ratingCount as number;
      }
      // Meetings are filed by community: ask for each community of the scope.
      const heldBy = input.today < input.through ? input.today : input.through;
      const places = input.scope.kind === 'community' ? [{ _id: input.scope.id }] : await queryAll(db, COLLECTIONS.places, [{ kind: 'community', ...scoped }], BY_ID);
      for (const place of places) {
        const meetings = await queryAll(db, COLLECTIONS.meetings, [{ communityId: place._id, meetingOn: { gte: input.from, lte: heldBy } }], BY_ID);
        if (meetings.length > 0) entry(place._id).meetingsHeld = meetings.length;
      }
      return [...counts.values()];
    },

    async noticeDueCheck(input: { scopeId: string; kind: string; period: string; at: string; outbox: OutboxDraft[] }): Promise<boolean> {
      const id = dueCheckDocId(input.scopeId, input.kind, input.period);
      if (await db.get(COLLECTIONS.dueChecks, id)) return false;
      return core.transact(async (unit) => {
        if (await unit.get(COLLECTIONS.dueChecks, id)) return false;
        unit.put(COLLECTIONS.dueChecks, id, { scopeId: input.scopeId, kind: input.kind, period: input.period, noticedAt: input.at });
        await core.enqueue(unit, input.outbox, input.at);
        return true;
      });
    },
  };
}
