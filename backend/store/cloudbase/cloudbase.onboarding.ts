import type { Role } from '../../../types/api';
import type { DirectoryUnit, UnitKind } from '../../domain/directory';
import { invitationStatus, type InvitationRecord } from '../../domain/invitations';
import { sameGrant } from '../../domain/residency';
import type { AuditDraft, CommitOutcome, RateLimit, ScopeFilter } from '../../app/ports/store.port';
import { Rollback, type CloudBaseCore, type Unit } from './cloudbase.core';
import { compareText, grantsOf, userDoc } from './cloudbase.documents';
import { countRate } from './cloudbase.proposals';
import { COLLECTIONS } from './collections';
import { queryAll, type Conjunction, type Doc } from './doc-db';

const KIND_ORDER: UnitKind[] = ['district', 'street', 'community'];

function unitOf(doc: Doc): DirectoryUnit {
  const kind = doc.kind as UnitKind;
  const parentId = kind === 'district' ? 'city' : kind === 'street' ? (doc.districtId as string) : (doc.streetId as string);
  return {
    id: doc._id,
    kind,
    code: (doc.code as string | null | undefined) ?? null,
    name: doc.name as string,
    parentId,
    active: doc.active !== false,
    sort: (doc.sort as number | undefined) ?? 0,
  };
}

function invitationOf(doc: Doc): InvitationRecord {
  return {
    code: doc._id,
    role: doc.role as Role,
    scopeId: doc.scopeId as string,
    createdBy: doc.createdBy as string,
    createdAt: doc.createdAt as string,
    expiresAt: doc.expiresAt as string,
    acceptedBy: (doc.acceptedBy as string | null | undefined) ?? null,
    acceptedAt: (doc.acceptedAt as string | null | undefined) ?? null,
    cancelledAt: (doc.cancelledAt as string | null | undefined) ?? null,
  };
}

/** Directory upkeep (import, add, rename, move, retire) and staff invitations (issue 16). */
export function cloudBaseOnboarding(core: CloudBaseCore) {
  /** The place ids of a unit (its own and its parents'), read in the transaction. */
  async function placeIds(unit: Unit, scopeId: string): Promise<Record<string, string>> {
    const place = await unit.get(COLLECTIONS.places, scopeId);
    if (!place) return {};
    const ids: Record<string, string> = { districtId: place.districtId as string };
    if (place.streetId) ids.streetId = place.streetId as string;
    if (place.communityId) ids.communityId = place.communityId as string;
    return ids;
  }

  return {
    async listUnits(): Promise<DirectoryUnit[]> {
      const places = await queryAll(core.db, COLLECTIONS.places, [{}], [['_id', 'asc']]);
      return places
        .map(unitOf)
        .sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.sort - b.sort || compareText(a.id, b.id));
    },

    async findUnitLine(id: string): Promise<DirectoryUnit[]> {
      const line: DirectoryUnit[] = [];
      // At most three reads: the unit, then each parent up to the city.
      for (let next = id; next !== 'city' && line.length < KIND_ORDER.length; ) {
        const doc = await core.db.get(COLLECTIONS.places, next);
        if (!doc) break;
        const unit = unitOf(doc);
        line.push(unit);
        next = unit.parentId;
      }
      return line;
    },

    async saveUnits(input: { units: DirectoryUnit[]; audit: AuditDraft }): Promise<void> {
      const ordered = [...input.units].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
      // A moved street takes its communities to its new district: they carry the district id.
      const movedStreets = ordered.filter((unit) => unit.kind === 'street').map((unit) => unit.id);
      const children = movedStreets.length === 0 ? [] : await queryAll(core.db, COLLECTIONS.places, [{ kind: 'community', streetId: { in: movedStreets } }], [['_id', 'asc']]);
      await core.transact(async (unit) => {
        const written = new Map<string, Record<string, unknown>>();
        for (const saved of ordered) {
          const previous = await unit.get(COLLECTIONS.places, saved.id);
          const base = { ...(previous ?? {}), kind: saved.kind, name: saved.name, sort: saved.sort, code: saved.code, active: saved.active };
          let doc: Record<string, unknown>;
          if (saved.kind === 'district') doc = { ...base, districtId: saved.id };
          else if (saved.kind === 'street') {
            doc = { ...base, streetId: saved.id, districtId: saved.parentId };
          } else {
            const street = written.get(saved.parentId) ?? (await unit.get(COLLECTIONS.places, saved.parentId));
            doc = { ...base, communityId: saved.id, streetId: saved.parentId, districtId: street?.districtId as string };
          }
          delete doc._id;
          unit.put(COLLECTIONS.places, saved.id, doc);
          written.set(saved.id, doc);
        }
        for (const child of children) {
          if (written.has(child._id)) continue;
          const street = written.get(child.streetId as string);
          if (!street || street.districtId === child.districtId) continue;
          const current = await unit.get(COLLECTIONS.places, child._id);
          if (current) unit.put(COLLECTIONS.places, child._id, { ...current, districtId: street.districtId });
        }
        await core.appendAudit(unit, input.audit);
      });
    },

    async createInvitation(input: { invitation: InvitationRecord; audit: AuditDraft }): Promise<CommitOutcome<InvitationRecord>> {
      return core.atomically(async (unit) => {
        if (await unit.get(COLLECTIONS.invitations, input.invitation.code)) throw new Rollback({ ok: false, code: 'conflict' });
        const { code, ...fields } = input.invitation;
        const doc = unit.put(COLLECTIONS.invitations, code, { ...fields, ...(await placeIds(unit, fields.scopeId)), open: true });
        await core.appendAudit(unit, input.audit);
        return invitationOf(doc);
      });
    },

    async findInvitation(code: string): Promise<InvitationRecord | null> {
      const doc = await core.db.get(COLLECTIONS.invitations, code);
      return doc ? invitationOf(doc) : null;
    },

    async listInvitations(scope: ScopeFilter): Promise<InvitationRecord[]> {
      const where: Conjunction = scope.kind === 'all' ? { open: true } : { open: true, [`${scope.kind}Id`]: scope.id };
      const docs = await queryAll(core.db, COLLECTIONS.invitations, [where], [
        ['createdAt', 'desc'],
        ['_id', 'desc'],
      ]);
      // Newest first, then by code (as the SQLite store orders them).
      return docs.map(invitationOf).sort((a, b) => compareText(b.createdAt, a.createdAt) || compareText(a.code, b.code));
    },

    async settleInvitation(input: {
      code: string;
      outcome: 'accept' | 'cancel';
      openid: string;
      name?: string;
      at: string;
      audit: AuditDraft[];
    }): Promise<CommitOutcome<InvitationRecord>> {
      return core.atomically(async (unit) => {
        const doc = await unit.get(COLLECTIONS.invitations, input.code);
        if (!doc || invitationStatus(invitationOf(doc), input.at) !== 'open') throw new Rollback({ ok: false, code: 'invalid_state' });
        const settled =
          input.outcome === 'accept'
            ? { ...doc, open: false, acceptedBy: input.openid, acceptedAt: input.at }
            : { ...doc, open: false, cancelledAt: input.at };
        unit.put(COLLECTIONS.invitations, input.code, settled);
        if (input.outcome === 'accept') {
          const existing = await unit.get(COLLECTIONS.users, input.openid);
          const grants = grantsOf(existing);
          const grant = { role: doc.role as Role, scopeId: doc.scopeId as string };
          if (!grants.some((held) => sameGrant(held, grant))) grants.push({ ...grant, grantedBy: doc.createdBy as string, grantedAt: input.at });
          unit.put(
            COLLECTIONS.users,
            input.openid,
            userDoc(
              input.openid,
              // A name already held (a resident's) stays; a newcomer is known by the one given.
              (existing?.name as string | null | undefined) ?? input.name ?? null,
              (existing?.communityId as string | null | undefined) ?? null,
              grants,
              (existing?.createdAt as string | undefined) ?? input.at,
              (existing?.updatedAt as string | undefined) ?? input.at,
            ),
          );
        }
        for (const entry of input.audit) await core.appendAudit(unit, entry);
        return invitationOf({ ...settled, _id: input.code });
      });
    },

    async revokeRole(input: { openid: string; role: Role; scopeId: string; audit: AuditDraft }): Promise<boolean> {
      return core.transact(async (unit) => {
        const existing = await unit.get(COLLECTIONS.users, input.openid);
        const grants = grantsOf(existing);
        const kept = grants.filter((grant) => !sameGrant(grant, input));
        if (!existing || kept.length === grants.length) return false;
        unit.put(
          COLLECTIONS.users,
          input.openid,
          userDoc(
            input.openid,
            (existing.name as string | null | undefined) ?? null,
            (existing.communityId as string | null | undefined) ?? null,
            kept,
            (existing.createdAt as string | undefined) ?? input.audit.at,
            input.audit.at,
          ),
        );
        await core.appendAudit(unit, input.audit);
        return true;
      });
    },

    async countAttempt(limit: RateLimit): Promise<boolean> {
      const counted = await core.atomically((unit) => countRate(unit, limit, limit.windowStart));
      return counted.ok;
    },
  };
}
