import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Directory } from '../../types/api';
import { DiskExportStorage } from '../../backend/local/disk.export-storage';
import { yearOf } from '../../backend/domain/calendar';
import { advance, dataOf, expectRefused, GOODS_LINES, MAIN_PATH, proposalPayload, START, timelineFrom, totalOf, type Journey } from '../support/app-harness';
import { ADMIN, createShenzhenApp } from '../support/shenzhen-app';

// From SEED=shenzhen to a finished project, with no openid typed by hand: a city administrator
// invites a district administrator, who invites a street reviewer, who invites a community
// worker; the worker runs one proposal to its end; the street revokes the worker, whose next
// action is refused; the street's Excel export lists the project under its community's real name.

const YANTIAN = 'd-440308';
const SHATOUJIAO = 's-440308003';
const DISTRICT_ADMIN = 'u-wx-district-0001';
const REVIEWER = 'u-wx-street-0001';
const WORKER = 'u-wx-worker-0001';

/** The community 中英街社区 of 沙头角街道, found by its name in the real directory. */
function zhongyingOf(directory: Directory): { id: string; name: string } {
  const street = directory.districts.find((district) => district.id === YANTIAN)?.streets.find((candidate) => candidate.id === SHATOUJIAO);
  const community = street?.communities.find((candidate) => candidate.name === '中英街社区');
  if (!community) throw new Error('中英街社区 is not in the directory');
  return community;
}

describe('a real start: staff onboarded by invitation, a project run, a worker revoked', () => {
  it('runs from SEED=shenzhen to the revocation and the street\'s Excel export', async () => {
    const exports = new DiskExportStorage(path.join(os.tmpdir(), `wss-scenario-exports-${randomUUID()}`));
    const app = await createShenzhenApp({ exports });
    const days = timelineFrom(START);

    // The real directory: 9 districts; 盐田区 by its code; no demo unit.
    const directory = await app.ok<Directory>(null, START, 'directory.get', {});
    expect(directory.districts).toHaveLength(9);
    expect(directory.districts.find((district) => district.id === YANTIAN)?.name).toBe('盐田区');
    const zhongying = zhongyingOf(directory);
    expect(zhongying.id).toBe('c-440308003004');

    // Nobody but the administrator holds a role; the administrator is not a resident.
    expect(await app.ok(ADMIN, START, 'me.get', {})).toMatchObject({ communityId: null, roles: [{ role: 'city', scopeId: 'city' }] });

    // City → district → street → community, each by a code the next person redeems.
    const toDistrict = await app.ok(ADMIN, START, 'invitation.create', { role: 'district', scopeId: YANTIAN });
    expect(toDistrict).toEqual({ code: expect.stringMatching(/^[2-9A-HJKMNP-Z]{8}$/), role: 'district', scopeId: YANTIAN, expiresAt: expect.any(String) });
    expect(await app.ok(DISTRICT_ADMIN, START, 'invitation.accept', { code: toDistrict.code })).toEqual({ role: 'district', scopeId: YANTIAN });

    const toStreet = await app.ok(DISTRICT_ADMIN, START, 'invitation.create', { role: 'street', scopeId: SHATOUJIAO, expiresInDays: 3 });
    await app.ok(REVIEWER, START, 'invitation.accept', { code: toStreet.code.toLowerCase() });

    const toWorker = await app.ok(REVIEWER, START, 'invitation.create', { role: 'community', scopeId: zhongying.id });
    expect((await app.ok(REVIEWER, START, 'invitation.list', { scopeId: SHATOUJIAO })).items.map((item: { code: string }) => item.code)).toEqual([toWorker.code]);
    await app.ok(WORKER, START, 'invitation.accept', { code: toWorker.code });
    expect((await app.ok(REVIEWER, START, 'invitation.list', { scopeId: SHATOUJIAO })).items).toEqual([]);

    // A code works once.
    expectRefused(await app.call('u-wx-someone-else', START, 'invitation.accept', { code: toWorker.code }), 'invalid_state', 'code');

    // The street sees its staff, named by who invited them.
    const staff = (await app.ok(REVIEWER, START, 'role.list', { scopeId: SHATOUJIAO })).items;
    expect(staff.map((item: { openid: string; role: string; grantedBy: string }) => `${item.role}:${item.openid}<${item.grantedBy}`)).toEqual([
      `community:${WORKER}<${REVIEWER}`,
      `street:${REVIEWER}<${DISTRICT_ADMIN}`,
    ]);

    // The street allocates the community's funds of the year, then the worker runs one proposal to its end.
    const year = yearOf(days.reviewedOn);
    await app.ok(REVIEWER, START, 'ledger.allocate', { communityId: zhongying.id, year, allocatedFen: 100_000_000 });
    const submitted = await app.ok(WORKER, START, 'proposal.submit', proposalPayload({ communityId: zhongying.id }));
    const journey: Journey = {
      id: submitted.id,
      cast: { communityId: 'c-zhongying', streetId: SHATOUJIAO, districtId: YANTIAN, resident: WORKER, neighbour: null, worker: WORKER, street: REVIEWER },
      days,
      day: START,
      category: 'goods',
      budgetLines: GOODS_LINES,
      approvedBudgetFen: totalOf(GOODS_LINES),
      implementer: WORKER,
      proposer: WORKER,
      state: 'submitted',
    };
    // The journey's cast names the community by the demo's key; the proposal itself is in the real one.
    journey.cast = { ...journey.cast, communityId: zhongying.id as 'c-zhongying' };
    for (const milestone of MAIN_PATH.slice(1)) await advance(app, journey, milestone);
    const finished = await app.ok(null, journey.day, 'proposal.get', { id: journey.id });
    expect(finished).toMatchObject({ state: 'audited', communityId: zhongying.id, streetId: SHATOUJIAO, districtId: YANTIAN });

    // The street's list of proposals names the community by its real name (the directory's).
    const listed = await app.ok(REVIEWER, journey.day, 'proposal.list', { streetId: SHATOUJIAO });
    const named = zhongyingOf(await app.ok<Directory>(null, journey.day, 'directory.get', {}));
    const names = new Map([[named.id, named.name]]);
    expect(listed.items.map((item: { id: string; communityId: string }) => [item.id, names.get(item.communityId)])).toEqual([[journey.id, '中英街社区']]);

    // The street revokes the worker, who left: the very next action is refused; the project stays.
    expect(await app.ok(REVIEWER, journey.day, 'role.revoke', { openid: WORKER, role: 'community', scopeId: zhongying.id })).toEqual({
      openid: WORKER,
      role: 'community',
      scopeId: zhongying.id,
    });
    expectRefused(await app.call(WORKER, journey.day, 'proposal.submit', proposalPayload({ communityId: zhongying.id })), 'forbidden');
    expect((await app.ok(null, journey.day, 'proposal.get', { id: journey.id })).state).toBe('audited');
    expect((await app.ok(REVIEWER, journey.day, 'role.list', { scopeId: SHATOUJIAO })).items.map((item: { openid: string }) => item.openid)).toEqual([REVIEWER]);
    expect(dataOf(await app.call(WORKER, journey.day, 'me.get', {}))).toMatchObject({ roles: [] });

    // The street's Excel export of the year lists the project with 中英街社区 as its community.
    const file = await app.ok<{ fileName: string; url: string; rows: number }>(REVIEWER, journey.day, 'export.create', {
      kind: 'proposals',
      scopeId: SHATOUJIAO,
      year: yearOf(START),
      format: 'xlsx',
    });
    expect(file.fileName.startsWith('沙头角街道-')).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(exports.find(file.url.replace('/exports/', ''))!.path)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(file.rows).toBe(1);
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(2).getCell(2).value, sheet.getRow(2).getCell(3).value]).toEqual([journey.id, '沙头角街道', '中英街社区']);
  });
});
