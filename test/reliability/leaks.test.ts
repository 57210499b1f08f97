import { CITY_SCOPE_ID, demoUsers } from '../../backend/seed/demo-directory';
import { recordFigure } from '../support/reliability-figures';
import { drive, inspect, openWorld, PLACES, shanghaiToday, startBefore, uniqueRequestId, yearOf } from '../support/reliability-world';
import { apiAt } from '../support/http-api';
import { startServerProcess, type ServerProcess } from '../support/local-server-process';

// Figure 8 (issue 7), R-TRN-1: personal data of residents — names and phone numbers — is never
// public. Every read action is called on every record and scope as an anonymous caller, as
// residents (of the community and of others) and as staff of another scope, and each answer is
// scanned for phone numbers (1[3-9]\d{9}) and for the full names of residents who are not the
// caller and whose community is not in the caller's staff scope. Staff in scope are scanned too,
// as the control: they must see the full names (else the scan proves nothing). Staff names are
// counted apart: they are not residents' personal data, but where they appear is reported.

// Not inside a longer run of letters and digits: record ids and hashes are hexadecimal and hold such runs.
const PHONE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;
/** Residents planted beside the demo ones: names that are phone numbers, or hold one. */
const PLANTED = [
  { openid: 'u-leak-phone-1', communityId: 'c-zhongying', name: '13912345678' },
  { openid: 'u-leak-phone-2', communityId: 'c-qiaoyuan', name: '钱13800138000' },
  { openid: 'u-leak-name-1', communityId: 'c-tianxin', name: '欧阳秀兰' },
];
const STREET_OF: Record<string, string> = { 'c-zhongying': 's-shatoujiao', 'c-qiaoyuan': 's-shatoujiao', 'c-tianxin': 's-haishan' };

interface Person {
  openid: string;
  name: string;
  communityId: string;
}

const residents: Person[] = [
  ...demoUsers.filter((user) => user.grants.some((grant) => grant.role === 'resident')).map((user) => ({ openid: user.openid, name: user.name as string, communityId: user.communityId as string })),
  ...PLANTED,
];
const staffNames = demoUsers.filter((user) => !user.grants.some((grant) => grant.role === 'resident')).map((user) => user.name as string);

/** Whether `viewer` may see `person`'s full name: it is them, or staff whose scope holds their community. */
function maySee(viewer: string | null, person: Person): boolean {
  if (viewer === person.openid) return true;
  const user = demoUsers.find((u) => u.openid === viewer);
  return (user?.grants ?? []).some(
    (grant) =>
      grant.role === 'city' ||
      (grant.role === 'district' && grant.scopeId === 'd-yantian') ||
      (grant.role === 'street' && grant.scopeId === STREET_OF[person.communityId]) ||
      (grant.role === 'community' && grant.scopeId === person.communityId),
  );
}

/** The callers whose answers must not show residents' data, and the controls that must. */
const OUTSIDERS: (string | null)[] = [null, 'u-res-3', 'u-res-4', 'u-res-1', 'u-com-tianxin', 'u-com-qiaoyuan', 'u-street-haishan'];
const CONTROLS = ['u-com-zhongying', 'u-street-shatoujiao', 'u-district-yantian', 'u-city'];

describe('Figure 8 — leaks of residents\' names and phone numbers', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await startServerProcess({ env: { RATE_PROPOSALS_PER_DAY: '1000000', RATE_COMMENTS_PER_HOUR: '1000000' } });
    const world = await openWorld({ file: server.dbFile, seed: 'none' });
    const today = shanghaiToday();
    // Records by every resident, planted ones included: proposals, comments (one pending), ratings.
    // They joined before the projects they rate were completed (a newcomer may not rate: M3).
    for (const person of PLANTED) await world.ok(person.openid, startBefore(today, 90), 'me.join', { communityId: person.communityId, name: person.name });
    const places = { 'c-zhongying': PLACES.zhongying, 'c-qiaoyuan': PLACES.qiaoyuan, 'c-tianxin': PLACES.tianxin };
    for (const person of residents) {
      const place = { ...places[person.communityId as keyof typeof places], resident: person.openid };
      await drive(world, place, 'submitted', { start: today });
      const open = await drive(world, place, 'publicity', { start: startBefore(today, 30), publicityOn: today, budgetFen: () => 10_000 });
      await world.ok(person.openid, today, 'comment.add', { proposalId: open.ids[0], text: '我支持', requestId: uniqueRequestId('leak') });
      await world.ok(person.openid, today, 'comment.add', { proposalId: open.ids[0], text: '详情加微信', requestId: uniqueRequestId('leak-pending') });
      const done = await drive(world, place, 'completed', { start: startBefore(today, 45), budgetFen: () => 10_000 });
      await world.ok(person.openid, today, 'rating.set', { proposalId: done.ids[0], stars: 5, text: '很好' });
    }
    // A proposal submitted by a community worker: the staff name is the proposer's.
    await world.ok('u-com-zhongying', today, 'proposal.submit', {
      communityId: 'c-zhongying', title: '社区工作人员的提议', category: 'works', location: '社区', description: '工作人员提交。', source: 'resident', requestId: uniqueRequestId('leak-staff'),
    });
    await world.close();
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('R-TRN-1: no read action shows a resident\'s full name or a phone number to anyone but them and the staff in scope', async () => {
    const today = shanghaiToday();
    const api = apiAt(server.url);
    const db = inspect(server.dbFile, { readonly: true });
    const rows = db.prepare('SELECT id, community_id AS communityId FROM proposals ORDER BY id').all() as { id: string; communityId: string }[];
    const proposals = rows.map((row) => row.id);
    const communityOf = new Map(rows.map((row) => [row.id, row.communityId]));
    db.close();
    const communities = ['c-zhongying', 'c-qiaoyuan', 'c-tianxin'];
    const scopes = [CITY_SCOPE_ID, 'd-yantian', 's-shatoujiao', 's-haishan', ...communities];
    const year = yearOf(today);

    /** Every read of the API, over every record and scope. */
    const reads: [string, Record<string, unknown>][] = [
      ['me.get', {}],
      ['directory.get', {}],
      ['policy.get', { districtId: 'd-yantian' }],
      ['library.list', { limit: 50 }],
      ['subsidy.application', { year, districtId: 'd-yantian' }],
      ['proposal.list', { limit: 50 }],
      ...scopes.filter((s) => s !== CITY_SCOPE_ID).map((s): [string, Record<string, unknown>] => [
        'proposal.list',
        { [s.startsWith('c-') ? 'communityId' : s.startsWith('s-') ? 'streetId' : 'districtId']: s, limit: 50 },
      ]),
      ...communities.flatMap((c): [string, Record<string, unknown>][] => [
        ['ledger.get', { communityId: c, year }],
        ['council.status', { communityId: c }],
      ]),
      ...scopes.flatMap((s): [string, Record<string, unknown>][] => [
        ['oversight.overdue', { scopeId: s, limit: 50 }],
        ['oversight.checklist', { scopeId: s, limit: 50 }],
      ]),
      ...proposals.flatMap((id): [string, Record<string, unknown>][] => [
        ['proposal.get', { id }],
        ['comment.list', { proposalId: id, limit: 50 }],
        ['rating.summary', { proposalId: id }],
        ['audit.trail', { id }],
      ]),
    ];

    let answers = 0;
    let leaks = 0;
    let phoneLeaks = 0;
    let pendingShown = 0;
    let controlSightings = 0;
    let staffNameSightings = 0;
    const leakNotes: string[] = [];
    const staffNotes = new Set<string>();
    const readActions = new Set<string>();
    for (const viewer of [...OUTSIDERS, ...CONTROLS]) {
      const outsider = OUTSIDERS.includes(viewer);
      for (const [action, payload] of reads) {
        const { body } = await api(viewer, today, action, payload);
        answers += 1;
        readActions.add(action);
        const text = JSON.stringify(body);
        for (const person of residents) {
          if (!text.includes(person.name)) continue;
          if (maySee(viewer, person)) {
            if (!outsider) controlSightings += 1;
            continue;
          }
          leaks += 1;
          if (leakNotes.length < 10) leakNotes.push(`${viewer ?? 'anonymous'} × ${action} ${JSON.stringify(payload)} shows ${person.name}`);
        }
        if (outsider) {
          for (const [phone] of text.matchAll(PHONE)) {
            // A phone number inside a resident's name is seen as that name may be seen (the caller's own, staff in scope).
            const owner = residents.find((p) => p.name.includes(phone));
            if (owner && maySee(viewer, owner)) continue;
            phoneLeaks += 1;
            if (leakNotes.length < 10) leakNotes.push(`${viewer ?? 'anonymous'} × ${action} shows the phone number ${phone}`);
          }
          // A comment waiting for moderation is its author's and its community's workers' only.
          const worker = demoUsers.find((u) => u.openid === viewer)?.grants.some((g) => g.role === 'community' && g.scopeId === communityOf.get(payload.proposalId as string));
          if (action === 'comment.list' && body.ok && !worker && body.data.items.some((c: any) => c.status === 'pending' && !c.mine)) pendingShown += 1;
        }
        for (const name of staffNames) {
          if (text.includes(name)) {
            staffNameSightings += 1;
            staffNotes.add(`${name} in ${action} to ${viewer ?? 'anonymous'}`);
          }
        }
      }
    }

    const pass = leaks === 0 && phoneLeaks === 0 && pendingShown === 0 && controlSightings > 0;
    recordFigure({
      number: 8,
      name: 'leaks',
      goal: 'leaks = 0 (names and phone numbers of residents, to anyone but them and staff in scope); the control (staff in scope) does see names',
      values: {
        'read actions': readActions.size,
        callers: OUTSIDERS.length + CONTROLS.length,
        answers,
        'name leaks': leaks,
        'phone leaks': phoneLeaks,
        'pending comments shown to others': pendingShown,
        'control: names seen by staff in scope': controlSightings,
        'staff names seen': staffNameSightings,
      },
      pass,
      notes: [...leakNotes, ...[...staffNotes].slice(0, 10).map((line) => `staff name (not a resident's): ${line}`)],
    });
    expect(leakNotes).toEqual([]);
    expect({ leaks, phoneLeaks, pendingShown }).toEqual({ leaks: 0, phoneLeaks: 0, pendingShown: 0 });
    expect(controlSightings).toBeGreaterThan(0);
  }, 180_000);
});
