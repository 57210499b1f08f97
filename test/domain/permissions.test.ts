import type { Role } from '../../types/api';
import type { ImplementerSide, Place, ProposalRecord } from '../../types/domain';
import {
  ACTIONS,
  allowedActions,
  authorize,
  can,
  targetOf,
  type Action,
  type RecordAction,
} from '../../backend/domain/permissions';
import { buildActor, buildContext, buildPolicy, buildProposal, ELSEWHERE, HOME } from './factories';

const ROLES: Role[] = ['resident', 'community', 'street', 'district', 'city', 'supervisor'];

/** Who may call each action (spec/api.md), apart from the actions with a special target below. */
type Rule = { anyone: true } | { signedIn: true } | { roles: Role[]; rule: string };

/** The actions whose target carries more than a place (tested below on their own). */
type Special = 'role.grant' | 'implementation.assign' | 'implementation.start' | 'implementation.complete' | 'payment.record' | 'implementation.accept' | 'inspection.record';

/** Actions whose target names a role or a kind of unit: their rows are in test/domain/staffing.test.ts (issue 16). */
const APPOINTING = ['directory.upsert', 'invitation.create', 'invitation.cancel', 'role.revoke'] as const;

const EXPECTED: Record<Exclude<Action, Special | (typeof APPOINTING)[number]>, Rule> = {
  'me.get': { signedIn: true },
  'me.join': { signedIn: true },
  // comment.mine, rating.mine (issue 17)
  'comment.mine': { signedIn: true },
  'rating.mine': { signedIn: true },
  'directory.get': { anyone: true },
  'role.list': { roles: ['street', 'district', 'city'], rule: 'staff onboarding (role.list)' },
  'proposal.submit': { roles: ['resident', 'community'], rule: 'R-COL-1' },
  'proposal.get': { anyone: true },
  'proposal.list': { anyone: true },
  'proposal.screen': { roles: ['community'], rule: 'R-COL-2' },
  'proposal.draftReport': { roles: ['community'], rule: 'R-REP-1' },
  'council.publishAgenda': { roles: ['community'], rule: 'R-COU-2' },
  'council.recordVote': { roles: ['community'], rule: 'R-COU-3' },
  'council.status': { anyone: true },
  'proposal.submitToStreet': { roles: ['community'], rule: 'R-REV-1' },
  'review.decide': { roles: ['street'], rule: 'R-REV-1' },
  'publicity.publish': { roles: ['community'], rule: 'R-PUB-1' },
  'comment.add': { roles: ['resident'], rule: 'R-PUB-2' },
  'comment.list': { anyone: true },
  'comment.reply': { roles: ['community'], rule: 'R-PUB-3' },
  'comment.moderate': { roles: ['community'], rule: 'R-PUB-2' },
  'rating.set': { roles: ['resident'], rule: 'R-EVA-1' },
  'rating.summary': { anyone: true },
  'evaluation.publish': { roles: ['community'], rule: 'R-EVA-1' },
  'audit.publish': { roles: ['street'], rule: 'R-AUD-1' },
  'change.request': { roles: ['community'], rule: 'R-CHG-1' },
  'change.decide': { roles: ['street'], rule: 'R-CHG-1' },
  'ledger.get': { anyone: true },
  'ledger.allocate': { roles: ['street'], rule: 'R-FUN-2' },
  'policy.get': { anyone: true },
  'policy.set': { roles: ['district'], rule: 'R-FUN-1' },
  'subsidy.application': { roles: ['district'], rule: 'R-FUN-3' },
  'oversight.overdue': { roles: ['street', 'district', 'city', 'supervisor'], rule: 'R-SUP-1' },
  'oversight.checklist': { roles: ['street', 'district', 'city', 'supervisor'], rule: 'R-SUP-1' },
  'audit.trail': { roles: ['community', 'street', 'district', 'city', 'supervisor'], rule: 'R-SUP-2' },
  'library.list': { anyone: true },
  'library.add': { roles: ['street', 'district', 'city'], rule: 'R-SUP-3' },
  // Issue 14 (audit anchoring) and issue 17 (personal data)
  'audit.heads': { anyone: true },
  'me.export': { signedIn: true },
  'me.delete': { signedIn: true },
  'me.consent': { signedIn: true },
  // Issue 16
  'calendar.get': { anyone: true },
  'calendar.set': { roles: ['city'], rule: 'R-TIME-1' },
  'library.update': { roles: ['street', 'district', 'city'], rule: 'R-SUP-3' },
  'export.create': { roles: ['community', 'street', 'district', 'city'], rule: 'R-SUP-1' },
  'notification.list': { signedIn: true },
  'notification.read': { signedIn: true },
  'inspection.list': { roles: ['street', 'district', 'city', 'supervisor'], rule: 'R-INS-1' },
  'inspection.resolve': { roles: ['street', 'district', 'city'], rule: 'R-INS-1' },
  'plan.set': { roles: ['street'], rule: 'R-PLN-1' },
  'report.summary': { roles: ['street', 'district', 'city', 'supervisor'], rule: 'R-RPT-1' },
  // issue 17 (first paint)
  'home.get': { anyone: true },
  // Archive, supervision, complaints and residents' agendas (issue 18)
  'document.attach': { roles: ['community', 'street'], rule: 'R-SUP-1' },
  'document.list': { anyone: true },
  'complaint.submit': { signedIn: true },
  'complaint.list': { roles: ['street', 'district', 'city', 'supervisor'], rule: 'supervision (complaints)' },
  'complaint.answer': { roles: ['street', 'district'], rule: 'supervision (complaints)' },
  'council.list': { anyone: true },
  // Directory upkeep and staff onboarding (issue 16)
  'directory.units': { anyone: true },
  'directory.import': { roles: ['city'], rule: 'directory import (city)' },
  'invitation.accept': { signedIn: true },
  'invitation.list': { roles: ['street', 'district', 'city'], rule: 'staff onboarding (invitation.list)' },
};

function ruleName(rule: Rule): string {
  if ('anyone' in rule) return 'R-TRN-1 (public)';
  if ('signedIn' in rule) return 'identity (signed in)';
  return rule.rule;
}

/** The expected answer for an actor of `role` (null: anonymous), in or out of scope. */
function expectedFor(rule: Rule, role: Role | null, inScope: boolean): boolean {
  if ('anyone' in rule) return true;
  if ('signedIn' in rule) return role !== null;
  // The city's scope covers every place: there is no outside for it.
  return role !== null && rule.roles.includes(role) && (inScope || role === 'city');
}

const MATRIX = (Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]).flatMap((action) =>
  [...ROLES, null].flatMap((role) =>
    [true, false].map((inScope) => [ruleName(EXPECTED[action]), action, role ?? 'anonymous caller', inScope ? 'in scope' : 'out of scope', expectedFor(EXPECTED[action], role, inScope)] as const),
  ),
);

describe('the permission matrix: role × action × in scope / out of scope', () => {
  it('the matrix lists every action of spec/api.md', () => {
    const special = [
      'role.grant',
      'implementation.assign',
      'implementation.start',
      'implementation.complete',
      'payment.record',
      'implementation.accept',
      'inspection.record',
      ...APPOINTING,
    ];
    expect([...Object.keys(EXPECTED), ...special].sort()).toEqual([...ACTIONS].sort());
  });

  test.each(MATRIX)('%s: %s by a %s %s is allowed: %p', (_rule, action, who, scope, allowed) => {
    const role = who === 'anonymous caller' ? null : (who as Role);
    const actor = buildActor(role, scope === 'in scope' ? HOME : ELSEWHERE);
    expect(can(actor, action, HOME)).toBe(allowed);
  });
});

describe('R-IMP-1: implementation actions follow the implementer side', () => {
  const cells = (['implementation.assign', 'implementation.start', 'implementation.complete', 'payment.record', 'implementation.accept'] as const).flatMap((action) =>
    (['community', 'street'] as ImplementerSide[]).flatMap((side) =>
      [...ROLES, null].flatMap((role) =>
        [true, false].map((inScope) => [action, side, role ?? 'anonymous caller', inScope ? 'in scope' : 'out of scope', role !== null && role === side && inScope] as const),
      ),
    ),
  );

  test.each(cells)('R-IMP-1: %s on the %s side by a %s %s is allowed: %p', (action, side, who, scope, allowed) => {
    const role = who === 'anonymous caller' ? null : (who as Role);
    const actor = buildActor(role, scope === 'in scope' ? HOME : ELSEWHERE);
    expect(can(actor, action, { ...HOME, side })).toBe(allowed);
  });

  test.each(ROLES)('R-IMP-1: before a budget names a side, a %s may not implement', (role) => {
    expect(can(buildActor(role), 'implementation.assign', HOME)).toBe(false);
  });
});

describe('R-INS-1: streets self-check, the district holds the census, the city samples', () => {
  const kinds = { self_check: 'street', census: 'district', sampling: 'city' } as const;
  const cells = (Object.keys(kinds) as (keyof typeof kinds)[]).flatMap((kind) =>
    [...ROLES, null].flatMap((role) =>
      [true, false].map((inScope) => [kind, role ?? 'anonymous caller', inScope ? 'in scope' : 'out of scope', role === kinds[kind] && (inScope || role === 'city')] as const),
    ),
  );

  test.each(cells)('R-INS-1: a %s recorded by a %s %s is allowed: %p', (kind, who, scope, allowed) => {
    const role = who === 'anonymous caller' ? null : (who as Role);
    const actor = buildActor(role, scope === 'in scope' ? HOME : ELSEWHERE);
    expect(can(actor, 'inspection.record', { ...HOME, inspectionKind: kind })).toBe(allowed);
  });

  it('R-INS-1: without naming the kind of check nobody records one', () => {
    expect(can(buildActor('city'), 'inspection.record', HOME)).toBe(false);
  });
});

describe('role.grant: a higher scope grants lower roles within its scope, never self-claimed', () => {
  const cells = ROLES.flatMap((grantor) =>
    ROLES.flatMap((grantRole) =>
      [true, false].map((inScope) => {
        const ranks = ROLES.indexOf(grantor) > ROLES.indexOf(grantRole);
        const allowed = ['street', 'district', 'city'].includes(grantor) && ranks && (inScope || grantor === 'city');
        return [grantor, grantRole, inScope ? 'in scope' : 'out of scope', allowed] as const;
      }),
    ),
  );

  test.each(cells)('a %s granting the role %s %s is allowed: %p', (grantor, grantRole, scope, allowed) => {
    const actor = buildActor(grantor, scope === 'in scope' ? HOME : ELSEWHERE);
    expect(can(actor, 'role.grant', { ...HOME, grantRole })).toBe(allowed);
  });

  it('nobody grants without naming the role', () => {
    expect(can(buildActor('city'), 'role.grant', HOME)).toBe(false);
  });

  it('an anonymous caller grants nothing', () => {
    expect(can(buildActor(null), 'role.grant', { ...HOME, grantRole: 'resident' })).toBe(false);
  });

  it('a district grants a street role for a street of its own, named by its street scope', () => {
    const streetScope = { streetId: HOME.streetId, districtId: HOME.districtId };
    expect(can(buildActor('district'), 'role.grant', { ...streetScope, grantRole: 'street' })).toBe(true);
    expect(can(buildActor('street'), 'role.grant', { ...streetScope, grantRole: 'street' })).toBe(false);
  });

  it('a grantor holding several grants uses the one that fits', () => {
    const actor = buildActor('community', HOME, {
      grants: [
        { role: 'community', scopeId: HOME.communityId },
        { role: 'street', scopeId: ELSEWHERE.streetId },
        { role: 'street', scopeId: HOME.streetId },
      ],
    });
    expect(can(actor, 'role.grant', { ...HOME, grantRole: 'community' })).toBe(true);
  });
});

describe('scopes nest community ⊂ street ⊂ district ⊂ city', () => {
  const street: Partial<Place> = { streetId: HOME.streetId, districtId: HOME.districtId };
  const district: Partial<Place> = { districtId: HOME.districtId };
  test.each<[string, Role, Partial<Place>, boolean]>([
    ['R-SUP-1: a street reads the checklist of its own street', 'street', street, true],
    ['R-SUP-1: a district reads the checklist of a street inside it', 'district', street, true],
    ['R-SUP-1: a street cannot read the checklist of its whole district', 'street', district, false],
    ['R-SUP-1: the city reads the checklist of any district', 'city', district, true],
    ['R-SUP-1: the city reads the checklist of the whole city', 'city', {}, true],
    ['R-SUP-1: a district cannot read the checklist of the whole city', 'district', {}, false],
  ])('%s', (_title, role, target, allowed) => {
    expect(can(buildActor(role), 'oversight.checklist', target)).toBe(allowed);
  });

  it('R-SUP-2: a community worker reads the trail of its community, not of its street', () => {
    expect(can(buildActor('community'), 'audit.trail', HOME)).toBe(true);
    expect(can(buildActor('community'), 'audit.trail', street)).toBe(false);
  });

  it('deny by default: an unknown action is allowed to nobody', () => {
    expect(can(buildActor('city'), 'proposal.delete' as Action, HOME)).toBe(false);
  });
});

describe('authorize: a refusal that says why', () => {
  test.each([
    ['a permitted caller', buildActor('community'), null],
    ['an anonymous caller', buildActor(null), 'unauthenticated'],
    ['a signed-in caller without the role', buildActor('resident'), 'forbidden'],
  ])('%s gets %p', (_who, actor, code) => {
    expect(authorize(actor, 'proposal.screen', HOME)?.code ?? null).toBe(code);
  });
});

describe('R-IMP-1: the permission target of a record names the implementer side', () => {
  test.each<[string, Partial<ProposalRecord>, ImplementerSide | undefined]>([
    ['before approval no side', { state: 'street_review' }, undefined],
    ['a 50,000 CNY goods project approved: the community', { state: 'approved' }, 'community'],
    ['a 150,000 CNY goods project approved: the street', { state: 'publicity', approvedBudgetFen: 15_000_000 }, 'street'],
    [
      'once assigned, the side recorded, even if the budget moved since',
      { state: 'implementing', approvedBudgetFen: 15_000_000 },
      'community',
    ],
  ])('%s', (_title, overrides, side) => {
    expect(targetOf(buildProposal(overrides), buildPolicy()).side).toBe(side);
  });
});

describe('allowedActions: what this actor may do on this record now', () => {
  const NOT_STARTED = { implementer: '某某公司', side: 'community' as const, assignedOn: '2026-04-07' };
  test.each<[string, Role | null, Place, Partial<ProposalRecord>, string, RecordAction[]]>([
    ['R-PUB-2: a resident of the community comments while the window is open', 'resident', HOME, { state: 'publicity' }, '2026-04-01', ['comment.add']],
    ['R-PUB-2: a resident of the community cannot comment after the window', 'resident', HOME, { state: 'publicity' }, '2026-04-03', []],
    ['R-PUB-2: a resident of another community cannot comment', 'resident', ELSEWHERE, { state: 'publicity' }, '2026-04-01', []],
    ['R-EVA-1: a resident rates a completed project', 'resident', HOME, { state: 'completed' }, '2026-07-01', ['rating.set']],
    ['R-EVA-1: a resident cannot rate once evaluated', 'resident', HOME, { state: 'evaluated' }, '2026-07-11', []],
    ['R-COL-2: a community worker screens a submitted proposal', 'community', HOME, { state: 'submitted' }, '2026-03-02', ['proposal.screen', 'audit.trail']],
    [
      'R-REP-1, R-COU-2: a community worker redrafts or puts a drafted report on an agenda',
      'community',
      HOME,
      { state: 'drafted' },
      '2026-03-05',
      ['proposal.draftReport', 'council.publishAgenda', 'audit.trail'],
    ],
    ['R-COU-3: no vote before the meeting day', 'community', HOME, { state: 'agenda_published' }, '2026-03-11', ['audit.trail']],
    ['R-COU-3: the vote on the meeting day', 'community', HOME, { state: 'agenda_published' }, '2026-03-12', ['council.recordVote', 'audit.trail']],
    ['R-REV-1: a community worker submits a passed proposal', 'community', HOME, { state: 'council_passed' }, '2026-03-13', ['proposal.submitToStreet', 'audit.trail']],
    ['R-REV-1: the street decides a proposal under review', 'street', HOME, { state: 'street_review' }, '2026-03-20', ['review.decide', 'audit.trail']],
    ['R-PUB-1: a community worker publishes an approved project', 'community', HOME, { state: 'approved' }, '2026-03-28', ['publicity.publish', 'change.request', 'audit.trail']],
    [
      'R-PUB-3: during publicity the community answers comments and may revise the plan',
      'community',
      HOME,
      { state: 'publicity' },
      '2026-04-01',
      ['comment.reply', 'comment.moderate', 'change.request', 'audit.trail'],
    ],
    [
      'R-IMP-1: after the window the community assigns a project below the threshold',
      'community',
      HOME,
      { state: 'publicity' },
      '2026-04-03',
      ['comment.reply', 'comment.moderate', 'implementation.assign', 'change.request', 'audit.trail'],
    ],
    ['R-IMP-1: the street does not assign a project below the threshold', 'street', HOME, { state: 'publicity' }, '2026-04-03', ['audit.trail']],
    [
      'R-IMP-1: the street assigns a project above the threshold',
      'street',
      HOME,
      { state: 'publicity', approvedBudgetFen: 15_000_000 },
      '2026-04-03',
      ['implementation.assign', 'audit.trail'],
    ],
    [
      'R-IMP-3: the community records the start of a project it implements',
      'community',
      HOME,
      { state: 'implementing', implementation: NOT_STARTED },
      '2026-04-10',
      ['comment.reply', 'comment.moderate', 'implementation.start', 'implementation.complete', 'change.request', 'audit.trail', 'payment.record', 'implementation.accept'],
    ],
    [
      'R-CMP-1: once started, the community records completion',
      'community',
      HOME,
      { state: 'implementing' },
      '2026-04-10',
      ['comment.reply', 'comment.moderate', 'implementation.complete', 'change.request', 'audit.trail', 'payment.record', 'implementation.accept'],
    ],
    [
      'R-EVA-1: the community publishes the evaluation of a completed project',
      'community',
      HOME,
      { state: 'completed' },
      '2026-07-01',
      ['comment.reply', 'comment.moderate', 'evaluation.publish', 'change.request', 'audit.trail', 'payment.record'],
    ],
    ['R-AUD-1: the street publishes the audit of an evaluated project', 'street', HOME, { state: 'evaluated' }, '2026-07-11', ['audit.publish', 'audit.trail']],
    [
      'R-CHG-1: the street decides a pending change',
      'street',
      HOME,
      { state: 'implementing', pendingChangeId: 'chg-1' },
      '2026-04-10',
      ['change.decide', 'audit.trail'],
    ],
    [
      'R-CHG-1: the community cannot ask for a second change while one is pending',
      'community',
      HOME,
      { state: 'approved', pendingChangeId: 'chg-1' },
      '2026-03-28',
      ['publicity.publish', 'audit.trail'],
    ],
    ['R-SUP-2: the district reads the trail', 'district', HOME, { state: 'audited' }, '2026-09-01', ['audit.trail']],
    ['R-SUP-2: the city reads the trail', 'city', ELSEWHERE, { state: 'submitted' }, '2026-03-02', ['audit.trail']],
    ['a community worker elsewhere may do nothing', 'community', ELSEWHERE, { state: 'submitted' }, '2026-03-02', []],
    ['an anonymous visitor may do nothing', null, HOME, { state: 'publicity' }, '2026-04-01', []],
    ['nothing is left to do on a rejected proposal but reading the trail', 'street', HOME, { state: 'rejected' }, '2026-04-01', ['audit.trail']],
  ])('%s', (_title, role, place, overrides, today, actions) => {
    expect(allowedActions(buildActor(role, place), buildProposal(overrides), buildContext({ today }))).toEqual(actions);
  });
});
