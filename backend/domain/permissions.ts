/**
 * Who may do what: ONE switch over every action of spec/api.md, deny by default. Each case names
 * the rule it enforces. Scopes nest community ⊂ street ⊂ district ⊂ city (see `scope.ts`).
 *
 * `can` answers the role-and-scope question only; whether the record's state and the day allow
 * the action is the lifecycle's (`readiness`, `canComment`, `canRate`). `allowedActions` asks both.
 */
import type { Role } from '../../types/api';
import type { Actor, ImplementerSide, InspectionKind, Policy, ProposalRecord } from '../../types/domain';
import { acceptanceReadiness } from './acceptance';
import { INSPECTOR_ROLE } from './inspections';
import { paymentReadiness } from './payments';
import { canComment, hasCommentsOpenToStaff } from './comments';
import { readiness, type TransitionAction, type TransitionContext } from './lifecycle';
import { canRate } from './ratings';
import { implementerSide } from './policy';
import { refusal, type Refusal } from './result';
import { grantCovers, holdsRole, isSignedIn, ROLE_RANK, type ScopeTarget } from './scope';
import { levelOf, mayAppoint, mayEditDirectory } from './staffing';

/** Every action name of spec/api.md. */
export const ACTIONS = [
  'me.get',
  'me.join',
  'directory.get',
  'role.grant',
  'role.list',
  'proposal.submit',
  'proposal.get',
  'proposal.list',
  'proposal.screen',
  'proposal.draftReport',
  'council.publishAgenda',
  'council.recordVote',
  'council.status',
  'proposal.submitToStreet',
  'review.decide',
  'publicity.publish',
  'comment.add',
  'comment.list',
  'comment.reply',
  'comment.moderate',
  'implementation.assign',
  'implementation.start',
  'implementation.complete',
  'rating.set',
  'rating.summary',
  'evaluation.publish',
  'audit.publish',
  'change.request',
  'change.decide',
  'ledger.get',
  'ledger.allocate',
  'policy.get',
  'policy.set',
  'subsidy.application',
  'oversight.overdue',
  'oversight.checklist',
  'audit.trail',
  'library.list',
  'library.add',
  // Issue 14 (audit anchoring) and issue 17 (personal data)
  'audit.heads',
  'me.export',
  'me.delete',
  'me.consent',
  // Issue 16: calendar, library editing, exports
  'calendar.get',
  'calendar.set',
  'library.update',
  'export.create',
  // Notifications
  'notification.list',
  'notification.read',
  // Issue 18 (payments, acceptance, inspections, plans, reports)
  'payment.record',
  'implementation.accept',
  'inspection.record',
  'inspection.list',
  'inspection.resolve',
  'plan.set',
  'report.summary',
  // comment.mine, rating.mine (issue 17)
  'comment.mine',
  'rating.mine',
  // issue 17 (first paint): the home page's first screen in one request
  'home.get',
  // Archive, supervision, complaints and residents' agendas (issue 18)
  'document.attach',
  'document.list',
  'complaint.submit',
  'complaint.list',
  'complaint.answer',
  'council.list',
  // Directory upkeep and staff onboarding (issue 16)
  'directory.units',
  'directory.import',
  'directory.upsert',
  'invitation.create',
  'invitation.accept',
  'invitation.list',
  'invitation.cancel',
  'role.revoke',
] as const;

export type Action = (typeof ACTIONS)[number];

/** What an action is about: its place, as much of it as the scope has, and what some cases need. */
export interface Target extends ScopeTarget {
  /** R-IMP-1: for implementation actions, the side that implements the project. */
  side?: ImplementerSide;
  /** For `role.grant`: the role being granted (the place is the scope it is granted for). */
  grantRole?: Role;
  /** Issue 18 (inspections): for `inspection.record`, the kind of check (R-INS-1 names who holds it). */
  inspectionKind?: InspectionKind;
  /** For `directory.upsert`: the kind of unit being written (the place is where it lies). */
  unitKind?: 'district' | 'street' | 'community';
}

/** Who reads the checks and reports of a scope (R-INS-1, R-RPT-1), the read-only supervisor included. */
export const REPORT_READERS: readonly Role[] = ['street', 'district', 'city', 'supervisor'];

/** Staff roles that may grant roles, each only below its own rank and within its scope. */
const GRANTOR_ROLES: readonly Role[] = ['street', 'district', 'city'];

function canGrant(actor: Actor, target: Target): boolean {
  const { grantRole } = target;
  if (grantRole === undefined) return false;
  // Supervision (issue 18): a supervisor is granted at a district's own scope only.
  if (grantRole === 'supervisor' && (target.streetId !== undefined || target.districtId === undefined)) return false;
  return actor.grants.some((grant) => GRANTOR_ROLES.includes(grant.role) && ROLE_RANK[grant.role] > ROLE_RANK[grantRole] && grantCovers(grant, target));
}

function implementerMay(actor: Actor, target: Target): boolean {
  return target.side !== undefined && holdsRole(actor, [target.side], target);
}

/** May `actor` take `action` on `target`, by role and scope? Deny by default. */
export function can(actor: Actor, action: Action, target: Target): boolean {
  switch (action) {
    case 'me.get': // Identity comes from the platform: any signed-in caller reads their own
      return isSignedIn(actor);
    case 'me.join': // A signed-in caller becomes a resident of a community
      return isSignedIn(actor);
    // comment.mine, rating.mine (issue 17)
    case 'comment.mine': // R-PUB-2: a person reads their own comments, pending and hidden ones too
      return isSignedIn(actor);
    case 'rating.mine': // R-EVA-1: a person reads their own ratings
      return isSignedIn(actor);
    case 'directory.get': // R-TRN-1: the directory is public
      return true;
    case 'role.grant': // Staff roles are granted by a higher scope, within it, never self-claimed
      return canGrant(actor, target);
    case 'role.list': // Who holds which staff role is read by the scopes that grant them, within scope
      return holdsRole(actor, GRANTOR_ROLES, target);
    case 'proposal.submit': // R-COL-1: residents of the community and its workers propose
      return holdsRole(actor, ['resident', 'community'], target);
    case 'proposal.get': // R-TRN-1: proposals are public
      return true;
    case 'proposal.list': // R-TRN-1: collection status is public
      return true;
    case 'proposal.screen': // R-COL-2: the community screens
      return holdsRole(actor, ['community'], target);
    case 'proposal.draftReport': // R-REP-1: the community drafts the application report
      return holdsRole(actor, ['community'], target);
    case 'council.publishAgenda': // R-COU-2: the community publishes the council agenda
      return holdsRole(actor, ['community'], target);
    case 'council.recordVote': // R-COU-3: the community records the council's vote
      return holdsRole(actor, ['community'], target);
    case 'council.status': // R-COU-1, R-TRN-1: when a community's council last met is public
      return true;
    case 'proposal.submitToStreet': // R-REV-1: the community submits to its street
      return holdsRole(actor, ['community'], target);
    case 'review.decide': // R-REV-1..3: the street reviews its communities' proposals
      return holdsRole(actor, ['street'], target);
    case 'publicity.publish': // R-PUB-1: the community publishes the publicity notice
      return holdsRole(actor, ['community'], target);
    case 'comment.add': // R-PUB-2: residents of that community comment
      return holdsRole(actor, ['resident'], target);
    case 'comment.list': // R-TRN-1: published comments are public
      return true;
    case 'comment.reply': // R-PUB-3: the community answers comments
      return holdsRole(actor, ['community'], target);
    case 'comment.moderate': // R-PUB-2: a community worker publishes or hides a pending comment
      return holdsRole(actor, ['community'], target);
    case 'implementation.assign': // R-IMP-1: the side the threshold names sets the implementer
      return implementerMay(actor, target);
    case 'implementation.start': // R-IMP-1, R-IMP-3: the implementing side records the start
      return implementerMay(actor, target);
    case 'implementation.complete': // R-IMP-1, R-CMP-1: the implementing side records completion
      return implementerMay(actor, target);
    case 'rating.set': // R-EVA-1: residents of that community rate
      return holdsRole(actor, ['resident'], target);
    case 'rating.summary': // R-TRN-1: evaluation results are public
      return true;
    case 'evaluation.publish': // R-EVA-1: the community publishes the evaluation
      return holdsRole(actor, ['community'], target);
    case 'audit.publish': // R-AUD-1: the street has the project audited and publishes it
      return holdsRole(actor, ['street'], target);
    case 'change.request': // R-CHG-1: the community asks for a change or withdrawal
      return holdsRole(actor, ['community'], target);
    case 'change.decide': // R-CHG-1: the street reviews changes and withdrawals
      return holdsRole(actor, ['street'], target);
    case 'ledger.get': // R-FUN-4: every ledger is public
      return true;
    case 'home.get': // R-TRN-1, R-FUN-4 (issue 17): public parts, and the caller's own identity
      return true;
    case 'ledger.allocate': // R-FUN-2: the street allocates its communities' funds
      return holdsRole(actor, ['street'], target);
    case 'policy.get': // R-TRN-1: the policy in force is public
      return true;
    case 'policy.set': // R-FUN-1, R-IMP-1: the district sets its thresholds and quotas
      return holdsRole(actor, ['district'], target);
    case 'subsidy.application': // R-FUN-3: the district applies for the city subsidy
      return holdsRole(actor, ['district'], target);
    case 'oversight.overdue': // R-SUP-1: streets self-check, the district inspects, the city samples; supervisors read
      return holdsRole(actor, ['street', 'district', 'city', 'supervisor'], target);
    case 'oversight.checklist': // R-SUP-1: the checklist of missing records, for any scope above the community; supervisors read
      return holdsRole(actor, ['street', 'district', 'city', 'supervisor'], target);
    case 'audit.trail': // R-SUP-2: the trail is read by its community, street, district and city, and the supervisors
      return holdsRole(actor, ['community', 'street', 'district', 'city', 'supervisor'], target);
    case 'library.list': // R-SUP-3: the project library is public
      return true;
    case 'library.add': // R-SUP-3: street, district and city curate their libraries
      return holdsRole(actor, ['street', 'district', 'city'], target);
    // Issue 14 (audit anchoring) and issue 17 (personal data)
    case 'audit.heads': // R-SUP-2: the daily heads of the audit trail are public, so that anyone can keep them
      return true;
    case 'me.export': // PIPL: a signed-in person takes out everything stored about them
      return isSignedIn(actor);
    case 'me.delete': // PIPL: a signed-in person deletes their own account, never another's
      return isSignedIn(actor);
    case 'me.consent': // PIPL: a signed-in person records agreeing to the privacy notice
      return isSignedIn(actor);
    // Issue 16: calendar, library editing, exports
    case 'calendar.get': // R-TIME-3: which years are known, and where from, is public
      return true;
    case 'calendar.set': // R-TIME-1: the city loads the State Council's schedule for the whole city
      return holdsRole(actor, ['city'], target);
    case 'library.update': // R-SUP-3: a library entry is edited by the scope it belongs to (or the city)
      return holdsRole(actor, ['street', 'district', 'city'], target);
    case 'export.create': // R-SUP-1, R-FUN-3: staff export the lists of their own scope
      return holdsRole(actor, ['community', 'street', 'district', 'city'], target);
    // Notifications: anyone signed in reads and marks their own inbox (the store keeps it theirs)
    case 'notification.list':
      return isSignedIn(actor);
    case 'notification.read':
      return isSignedIn(actor);
    // Issue 18 (payments, acceptance, inspections, plans, reports)
    case 'payment.record': // R-PAY-1, R-IMP-1: the implementing side records what it paid
      return implementerMay(actor, target);
    case 'implementation.accept': // R-ACC-1, R-IMP-1: the implementing side holds the acceptance
      return implementerMay(actor, target);
    case 'inspection.record': // R-INS-1: streets self-check, the district holds the census, the city samples
      return target.inspectionKind !== undefined && holdsRole(actor, [INSPECTOR_ROLE[target.inspectionKind]], target);
    case 'inspection.list': // R-INS-1: a unit reads the checks of its own and of the units below it
      return holdsRole(actor, REPORT_READERS, target);
    case 'inspection.resolve': // R-INS-1: the staff over the inspected unit record how a finding was fixed
      return holdsRole(actor, ['street', 'district', 'city'], target);
    case 'plan.set': // R-PLN-1: the street plans its communities' year
      return holdsRole(actor, ['street'], target);
    case 'report.summary': // R-RPT-1: streets and districts report upward; each reads its own scope
      return holdsRole(actor, REPORT_READERS, target);
    // Archive, supervision, complaints and residents' agendas (issue 18)
    case 'document.attach': // R-SUP-1: the community and the street keep the project's papers
      return holdsRole(actor, ['community', 'street'], target);
    case 'document.list': // R-TRN-1: public papers for everyone; the whole archive for the staff in scope (archive.ts)
      return true;
    case 'complaint.submit': // Supervision: anyone signed in may complain or suggest, at any stage
      return isSignedIn(actor);
    case 'complaint.list': // Supervision: complaints are read by the street above and the scopes over it, supervisors included
      return holdsRole(actor, ['street', 'district', 'city', 'supervisor'], target);
    case 'complaint.answer': // Supervision: the street (or the district) answers a complaint
      return holdsRole(actor, ['street', 'district'], target);
    case 'council.list': // R-TRN-1, R-COU-2: published agendas are public
      return true;
    // Directory upkeep and staff onboarding (issue 16)
    case 'directory.units': // R-TRN-1: the directory, retired units and codes included, is public
      return true;
    case 'directory.import': // The city loads the national directory
      return holdsRole(actor, ['city'], target);
    case 'directory.upsert': // A district keeps its streets and communities; the city every unit
      return target.unitKind !== undefined && mayEditDirectory(actor, target.unitKind, target);
    case 'invitation.create': // Staff are appointed by a higher scope, within it (domain/staffing.ts)
      return target.grantRole !== undefined && mayAppoint(actor, target.grantRole, target, levelOf(target));
    case 'invitation.accept': // Anyone signed in may redeem a code handed to them
      return isSignedIn(actor);
    case 'invitation.list': // Open invitations are read by the scopes that issue them, within scope
      return holdsRole(actor, GRANTOR_ROLES, target);
    case 'invitation.cancel': // Who may issue an invitation may withdraw it
      return target.grantRole !== undefined && mayAppoint(actor, target.grantRole, target, levelOf(target));
    case 'role.revoke': // Who may appoint a role at a unit may take it away (domain/staffing.ts)
      return target.grantRole !== undefined && mayAppoint(actor, target.grantRole, target, levelOf(target));
    default: {
      // Deny by default: an unknown action is allowed to nobody. And the compiler checks that
      // every permission of ACTIONS has its case above (`action` is `never` here).
      const unknown: never = action;
      return unknown && false;
    }
  }
}

/** `can` as a refusal: `unauthenticated` for an anonymous caller, `forbidden` otherwise. */
export function authorize(actor: Actor, action: Action, target: Target): Refusal | null {
  if (can(actor, action, target)) return null;
  return isSignedIn(actor)
    ? refusal('forbidden', '您没有权限进行此操作')
    : refusal('unauthenticated', '请先登录');
}

/**
 * The permission target of a proposal: its place and, once a budget is approved, the side that
 * implements it (as assigned, else as the policy's threshold names it).
 */
export function targetOf(record: ProposalRecord, policy: Policy): Target {
  const place = { communityId: record.communityId, streetId: record.streetId, districtId: record.districtId };
  const side =
    record.implementation?.side ??
    (record.approvedBudgetFen === undefined ? undefined : implementerSide(policy, record.category, record.approvedBudgetFen));
  return side === undefined ? place : { ...place, side };
}

/** The per-record actions, in the order a page shows them. */
export const RECORD_ACTIONS = [
  'proposal.screen',
  'proposal.draftReport',
  'council.publishAgenda',
  'council.recordVote',
  'proposal.submitToStreet',
  'review.decide',
  'publicity.publish',
  'comment.add',
  'comment.reply',
  'comment.moderate',
  'implementation.assign',
  'implementation.start',
  'implementation.complete',
  'rating.set',
  'evaluation.publish',
  'audit.publish',
  'change.request',
  'change.decide',
  'audit.trail',
  // Issue 18 (payments, acceptance)
  'payment.record',
  'implementation.accept',
] as const satisfies readonly Action[];

export type RecordAction = (typeof RECORD_ACTIONS)[number];

/** Whether the record's state and the day allow the action now, whoever asks. */
function availableNow(record: ProposalRecord, action: RecordAction, context: TransitionContext): boolean {
  switch (action) {
    case 'comment.add':
      return canComment(record, context.today, context.calendar).ok;
    case 'rating.set':
      return canRate(record).ok;
    case 'comment.reply':
    case 'comment.moderate':
      return hasCommentsOpenToStaff(record);
    case 'change.decide':
      return record.pendingChangeId !== undefined;
    case 'audit.trail':
      return true;
    // Issue 18 (payments, acceptance)
    case 'payment.record':
      return paymentReadiness(record) === null;
    case 'implementation.accept':
      return acceptanceReadiness(record) === null;
    default:
      return readiness(record, action satisfies TransitionAction, context) === null;
  }
}

/**
 * The actions this actor may take on this record NOW — permitted by role and scope, and allowed
 * by the record's state and the day. The server sends them with each record; a page shows a
 * button only for an action in this list.
 */
export function allowedActions(actor: Actor, record: ProposalRecord, context: TransitionContext): RecordAction[] {
  const target = targetOf(record, context.policy);
  return RECORD_ACTIONS.filter((action) => can(actor, action, target) && availableNow(record, action, context));
}

// Archive and complaints (issue 18): actions beside the lifecycle, open at every stage — a paper
// joins the archive (R-SUP-1), a complaint may be made (二(二)4). They travel in `sideActions`, so
// that `allowedActions` stays the list of the lifecycle's buttons.
export const SIDE_ACTIONS = ['document.attach', 'complaint.submit'] as const satisfies readonly Action[];

export type SideAction = (typeof SIDE_ACTIONS)[number];

/** The side actions this actor may take on this record: permitted by role and scope, at any state. */
export function sideActions(actor: Actor, record: ProposalRecord, policy: Policy): SideAction[] {
  const target = targetOf(record, policy);
  return SIDE_ACTIONS.filter((action) => can(actor, action, target));
}
