import type { Statement } from 'better-sqlite3';
import type { Role } from '../../../types/api';
import type { DirectoryUnit, UnitKind } from '../../domain/directory';
import { invitationStatus, type InvitationRecord } from '../../domain/invitations';
import type { AuditDraft, CommitOutcome, RateLimit, ScopeFilter } from '../../app/ports/store.port';
import { Rollback, type SqliteCore } from './sqlite.core';
import type { RequestGuards } from './sqlite.proposals';

/** The table and parent column of each kind of unit. */
const UNIT_TABLES: Record<UnitKind, { table: string; parent: string | null }> = {
  district: { table: 'districts', parent: null },
  street: { table: 'streets', parent: 'district_id' },
  community: { table: 'communities', parent: 'street_id' },
};
const KIND_ORDER: UnitKind[] = ['district', 'street', 'community'];

/** The scope ids at a unit and below it, as a clause on `i.scope_id` (the city: every invitation). */
const INVITATIONS_BELOW: Record<ScopeFilter['kind'], string> = {
  all: '1 = 1',
  community: 'i.scope_id = @scopeId',
  street: 'i.scope_id = @scopeId OR i.scope_id IN (SELECT id FROM communities WHERE street_id = @scopeId)',
  district: `i.scope_id = @scopeId OR i.scope_id IN (SELECT id FROM streets WHERE district_id = @scopeId)
    OR i.scope_id IN (SELECT c.id FROM communities c JOIN streets s ON s.id = c.street_id WHERE s.district_id = @scopeId)`,
};

const INVITATION_COLUMNS = `i.code, i.role, i.scope_id AS scopeId, i.created_by AS createdBy, i.created_at AS createdAt,
  i.expires_at AS expiresAt, i.accepted_by AS acceptedBy, i.accepted_at AS acceptedAt, i.cancelled_at AS cancelledAt`;

interface UnitRow {
  id: string;
  code: string | null;
  name: string;
  parentId: string;
  active: number;
  sort: number;
}

/** Directory upkeep (import, add, rename, move, retire) and staff invitations (issue 16). */
export function sqliteOnboarding(core: SqliteCore, guards: RequestGuards) {
  const { db } = core;
  const statements = {
    units: Object.fromEntries(
      KIND_ORDER.map((kind) => {
        const { table, parent } = UNIT_TABLES[kind];
        return [kind, db.prepare(`SELECT id, code, name, ${parent ?? "'city'"} AS parentId, active, sort_order AS sort FROM ${table} ORDER BY sort_order, id`)];
      }),
    ) as Record<UnitKind, Statement>,
    saveUnit: Object.fromEntries(
      KIND_ORDER.map((kind) => {
        const { table, parent } = UNIT_TABLES[kind];
        const parentColumns = parent ? `, ${parent}` : '';
        const parentValues = parent ? ', @parentId' : '';
        const parentUpdate = parent ? `, ${parent} = excluded.${parent}` : '';
        return [
          kind,
          db.prepare(
            `INSERT INTO ${table} (id, name, sort_order, code, active${parentColumns}) VALUES (@id, @name, @sort, @code, @active${parentValues})
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, sort_order = excluded.sort_order, code = excluded.code, active = excluded.active${parentUpdate}`,
          ),
        ];
      }),
    ) as Record<UnitKind, Statement>,
    unit: Object.fromEntries(
      KIND_ORDER.map((kind) => {
        const { table, parent } = UNIT_TABLES[kind];
        return [kind, db.prepare(`SELECT id, code, name, ${parent ?? "'city'"} AS parentId, active, sort_order AS sort FROM ${table} WHERE id = ?`)];
      }),
    ) as Record<UnitKind, Statement>,
    insertInvitation: db.prepare(
      `INSERT OR IGNORE INTO invitations (code, role, scope_id, created_by, created_at, expires_at)
       VALUES (@code, @role, @scopeId, @createdBy, @createdAt, @expiresAt)`,
    ),
    invitation: db.prepare(`SELECT ${INVITATION_COLUMNS} FROM invitations i WHERE i.code = ?`),
    accept: db.prepare('UPDATE invitations SET accepted_by = ?, accepted_at = ? WHERE code = ?'),
    cancel: db.prepare('UPDATE invitations SET cancelled_at = ? WHERE code = ?'),
    ensureUser: db.prepare('INSERT OR IGNORE INTO users (openid, name, community_id, created_at, updated_at) VALUES (?, NULL, NULL, ?, ?)'),
    // A name already held (a resident's) stays; a newcomer is known by the one given.
    nameIfNone: db.prepare('UPDATE users SET name = ? WHERE openid = ? AND name IS NULL'),
    insertGrant: db.prepare('INSERT OR IGNORE INTO role_grants (openid, role, scope_id, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)'),
    dropGrant: db.prepare('DELETE FROM role_grants WHERE openid = ? AND role = ? AND scope_id = ?'),
  };

  const readInvitation = (code: string) => (statements.invitation.get(code) as InvitationRecord | undefined) ?? null;

  return {
    async listUnits(): Promise<DirectoryUnit[]> {
      return KIND_ORDER.flatMap((kind) =>
        (statements.units[kind].all() as UnitRow[]).map((row) => ({ ...row, kind, active: row.active === 1 })),
      );
    },

    async findUnitLine(id: string): Promise<DirectoryUnit[]> {
      const line: DirectoryUnit[] = [];
      // Ids do not say their kind (a unit added by hand has a drawn id): a community's is looked up
      // among the communities, then its parent among the streets, and so on up to the city.
      let next: string = id;
      for (const kind of [...KIND_ORDER].reverse()) {
        const row = statements.unit[kind].get(next) as UnitRow | undefined;
        if (!row) {
          if (line.length > 0) break;
          continue;
        }
        line.push({ ...row, kind, active: row.active === 1 });
        next = row.parentId;
      }
      return line;
    },

    async saveUnits(input: { units: DirectoryUnit[]; audit: AuditDraft }): Promise<void> {
      const ordered = [...input.units].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
      core.transaction(() => {
        for (const unit of ordered) {
          statements.saveUnit[unit.kind].run({ id: unit.id, name: unit.name, sort: unit.sort, code: unit.code, active: unit.active ? 1 : 0, parentId: unit.parentId });
        }
        core.appendAudit(input.audit);
      });
    },

    async createInvitation(input: { invitation: InvitationRecord; audit: AuditDraft }): Promise<CommitOutcome<InvitationRecord>> {
      return core.atomically(() => {
        const inserted = statements.insertInvitation.run(input.invitation);
        if (inserted.changes === 0) throw new Rollback({ ok: false, code: 'conflict' });
        core.appendAudit(input.audit);
        return readInvitation(input.invitation.code) as InvitationRecord;
      });
    },

    async findInvitation(code: string): Promise<InvitationRecord | null> {
      return readInvitation(code);
    },

    async listInvitations(scope: ScopeFilter): Promise<InvitationRecord[]> {
      const sql = `SELECT ${INVITATION_COLUMNS} FROM invitations i
                   WHERE i.accepted_at IS NULL AND i.cancelled_at IS NULL AND (${INVITATIONS_BELOW[scope.kind]})
                   ORDER BY i.created_at DESC, i.code`;
      return db.prepare(sql).all({ scopeId: scope.kind === 'all' ? null : scope.id }) as InvitationRecord[];
    },

    async settleInvitation(input: {
      code: string;
      outcome: 'accept' | 'cancel';
      openid: string;
      name?: string;
      at: string;
      audit: AuditDraft[];
    }): Promise<CommitOutcome<InvitationRecord>> {
      return core.atomically(() => {
        const invitation = readInvitation(input.code);
        if (!invitation || invitationStatus(invitation, input.at) !== 'open') throw new Rollback({ ok: false, code: 'invalid_state' });
        if (input.outcome === 'accept') {
          statements.accept.run(input.openid, input.at, input.code);
          statements.ensureUser.run(input.openid, input.at, input.at);
          if (input.name !== undefined) statements.nameIfNone.run(input.name, input.openid);
          statements.insertGrant.run(input.openid, invitation.role, invitation.scopeId, invitation.createdBy, input.at);
        } else {
          statements.cancel.run(input.at, input.code);
        }
        for (const entry of input.audit) core.appendAudit(entry);
        return readInvitation(input.code) as InvitationRecord;
      });
    },

    async revokeRole(input: { openid: string; role: Role; scopeId: string; audit: AuditDraft }): Promise<boolean> {
      return core.transaction(() => {
        const dropped = statements.dropGrant.run(input.openid, input.role, input.scopeId);
        if (dropped.changes === 0) return false;
        core.appendAudit(input.audit);
        return true;
      });
    },

    async countAttempt(limit: RateLimit): Promise<boolean> {
      const counted = core.atomically(() => guards.countRate(limit));
      return counted.ok;
    },
  };
}
