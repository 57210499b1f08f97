import { addDays } from '../../backend/domain/calendar';
import { bringTo, createApp, dataOf, expectRefused, fingerprint, newRequestId, recordOf, START } from '../support/app-harness';
import { attachPaper, attachStagePapers, uploadedFile } from '../support/archive';

describe('document.attach and document.list (issue 18)', () => {
  it('R-SUP-1: the community attaches the council\'s minutes; the checklist no longer asks for them, and the trail records the attach', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'council_passed');
    const before = dataOf(await app.call('u-street-shatoujiao', journey.day, 'oversight.checklist', { scopeId: 's-shatoujiao' })).items;
    expect(before.find((item: any) => item.id === journey.id).missing.map((m: any) => m.id)).toEqual(['minutes', 'sign_in']);
    const fileId = await uploadedFile(app, 'u-com-zhongying');
    const paper = dataOf(await app.call('u-com-zhongying', journey.day, 'document.attach', { proposalId: journey.id, kind: 'minutes', fileId, title: '第三季度议事会会议记录', requestId: 'req-doc-0001' }));
    expect(paper).toEqual({
      id: expect.any(String),
      proposalId: journey.id,
      kind: 'minutes',
      fileId,
      title: '第三季度议事会会议记录',
      stage: 'council_passed',
      attachedBy: 'u-com-zhongying',
      attachedAt: expect.any(String),
    });
    const after = dataOf(await app.call('u-street-shatoujiao', journey.day, 'oversight.checklist', { scopeId: 's-shatoujiao' })).items;
    expect(after.find((item: any) => item.id === journey.id).missing.map((m: any) => m.id)).toEqual(['sign_in']);
    const trail = await app.store.auditTrail(journey.id);
    expect(trail[trail.length - 1]).toMatchObject({ action: 'document.attach', from: 'council_passed', to: 'council_passed', detail: { event: 'DocumentAttached', kind: 'minutes' } });
    // The same request again answers the same paper, and attaches nothing more.
    const again = dataOf(await app.call('u-com-zhongying', journey.day, 'document.attach', { proposalId: journey.id, kind: 'minutes', fileId, title: '第三季度议事会会议记录', requestId: 'req-doc-0001' }));
    expect(again.id).toBe(paper.id);
    expect((await recordOf(app, journey.id)).documents).toHaveLength(1);
  });

  it('R-TRN-1: everyone sees the notice photo and the reports; the staff in scope and the supervisor see the whole archive', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'completed');
    await attachStagePapers(app, journey);
    await attachPaper(app, 'u-street-shatoujiao', journey.day, journey.id, 'invoice', '座椅采购发票');
    const kindsFor = async (openid: string | null) =>
      dataOf(await app.call(openid, journey.day, 'document.list', { proposalId: journey.id })).items.map((item: any) => item.kind);
    const all = ['minutes', 'sign_in', 'notice_photo', 'acceptance_report', 'invoice'];
    expect(await kindsFor('u-com-zhongying')).toEqual(all);
    expect(await kindsFor('u-street-shatoujiao')).toEqual(all);
    expect(await kindsFor('u-supervisor-yantian')).toEqual(all);
    expect(await kindsFor(null)).toEqual(['notice_photo', 'acceptance_report']);
    expect(await kindsFor('u-res-1')).toEqual(['notice_photo', 'acceptance_report']);
    expect(await kindsFor('u-com-tianxin')).toEqual(['notice_photo', 'acceptance_report']);
    // The proposal itself never carries the archive: papers are read through document.list.
    expect(dataOf(await app.call('u-com-zhongying', journey.day, 'proposal.get', { id: journey.id }))).not.toHaveProperty('documents');
    expectRefused(await app.call(null, journey.day, 'document.list', { proposalId: 'p-nowhere' }), 'not_found', 'proposalId');
  });

  it('R-SUP-1: a resident, another community, the supervisor and an anonymous caller attach nothing; a file not uploaded by the caller is refused', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const payload = async (openid: string) => ({ proposalId: journey.id, kind: 'contract', fileId: await uploadedFile(app, openid), title: '合同', requestId: newRequestId() });
    const before = fingerprint(app);
    expectRefused(await app.call('u-res-1', journey.day, 'document.attach', await payload('u-res-1')), 'forbidden');
    expectRefused(await app.call('u-com-tianxin', journey.day, 'document.attach', await payload('u-com-tianxin')), 'forbidden');
    expectRefused(await app.call('u-supervisor-yantian', journey.day, 'document.attach', await payload('u-supervisor-yantian')), 'forbidden');
    expectRefused(await app.call(null, journey.day, 'document.attach', await payload('u-res-1')), 'unauthenticated');
    const othersFile = await payload('u-res-1');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'document.attach', othersFile), 'invalid_input', 'fileId');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'document.attach', { ...(await payload('u-com-zhongying')), kind: 'selfie' }), 'invalid_input', 'kind');
    expectRefused(await app.call('u-com-zhongying', journey.day, 'document.attach', { ...(await payload('u-com-zhongying')), proposalId: 'p-nowhere' }), 'not_found', 'proposalId');
    expect((await recordOf(app, journey.id)).documents).toBeUndefined();
    expect(fingerprint(app).proposals).toEqual(before.proposals);
  });

  it('R-SUP-1: a contract is asked of a project at the tender threshold once implementation is assigned', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'implementing', { category: 'works', budgetLines: [{ item: '道路改造', amountFen: 45_000_000 }], tenderRef: 'ZB-2026-01', start: START });
    await attachStagePapers(app, journey, ['contract']);
    const missing = async () => dataOf(await app.call('u-district-yantian', addDays(journey.day, 1), 'oversight.checklist', { scopeId: 'd-yantian' })).items.find((item: any) => item.id === journey.id)?.missing.map((m: any) => m.id);
    expect(await missing()).toEqual(['contract']);
    await attachPaper(app, 'u-street-shatoujiao', journey.day, journey.id, 'contract', '施工合同');
    expect(await missing()).toBeUndefined();
  });
});
