import { createApp } from '../support/app-harness';

// What the summary, inspection and plan screens render: the server says which checks are due
// and what the caller may do, so the pages check no roles (R-INS-1, R-PLN-1, R-RPT-1).

describe('inspection.list for the inspection screen', () => {
  it('R-INS-1: the street sees its May self-check due until it records one, and may record and resolve', async () => {
    const app = createApp();
    const before = await app.ok('u-street-shatoujiao', '2026-05-04', 'inspection.list', { scopeId: 's-shatoujiao', year: 2026 });
    expect(before).toMatchObject({ items: [], due: [{ kind: 'self_check', year: 2026, month: 5, done: false }], recordKinds: ['self_check'], allowedActions: ['inspection.record', 'inspection.resolve'] });
    await app.ok('u-street-shatoujiao', '2026-05-12', 'inspection.record', { scopeId: 's-shatoujiao', kind: 'self_check', heldOn: '2026-05-12', findings: [] });
    // Asked for last year's list, the due check still reads this month's.
    const after = await app.ok('u-street-shatoujiao', '2026-05-13', 'inspection.list', { scopeId: 's-shatoujiao', year: 2025 });
    expect(after).toMatchObject({ items: [], due: [{ kind: 'self_check', done: true }] });
  });

  it('R-INS-1: the district is due its census in November; the city samples; nothing is due in June', async () => {
    const app = createApp();
    expect(await app.ok('u-district-yantian', '2026-11-02', 'inspection.list', { scopeId: 'd-yantian' })).toMatchObject({
      due: [{ kind: 'census', month: 11, done: false }],
      recordKinds: ['census'],
      allowedActions: ['inspection.record', 'inspection.resolve'],
    });
    expect(await app.ok('u-district-yantian', '2026-11-02', 'inspection.list', { scopeId: 's-haishan' })).toMatchObject({ due: [{ kind: 'self_check', done: false }], recordKinds: [] });
    expect(await app.ok('u-city', '2026-06-02', 'inspection.list', { scopeId: 'city' })).toMatchObject({ due: [], recordKinds: ['sampling'], allowedActions: ['inspection.record', 'inspection.resolve'] });
    expect(await app.ok('u-street-shatoujiao', '2026-06-02', 'inspection.list', { scopeId: 's-shatoujiao' })).toMatchObject({ due: [], recordKinds: ['self_check'] });
  });
});

describe('report.summary for the summary screen', () => {
  it('R-PLN-1: the street\'s own summary offers plan.set; the district\'s view of the street and the district\'s summary do not', async () => {
    const app = createApp();
    expect((await app.ok('u-street-shatoujiao', '2026-03-02', 'report.summary', { scopeId: 's-shatoujiao', year: 2026 })).allowedActions).toEqual(['plan.set', 'export.create']);
    expect((await app.ok('u-district-yantian', '2026-03-02', 'report.summary', { scopeId: 's-shatoujiao', year: 2026 })).allowedActions).toEqual(['export.create']);
    expect((await app.ok('u-district-yantian', '2026-03-02', 'report.summary', { scopeId: 'd-yantian', year: 2026 })).allowedActions).toEqual(['export.create']);
  });

  it('R-RPT-1: the summary offers its export (kind summary) to whoever may export in the scope', async () => {
    const app = createApp();
    expect((await app.ok('u-city', '2026-03-02', 'report.summary', { scopeId: 'city', year: 2026 })).allowedActions).toEqual(['export.create']);
  });
});
