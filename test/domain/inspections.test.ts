import type { Inspection } from '../../types/domain';
import { checkInspection, dueChecksOf, openFindings, resolveFinding } from '../../backend/domain/inspections';
import { checkPlanItems } from '../../backend/domain/plans';

const inspection = (overrides: Partial<Inspection> = {}): Inspection => ({
  id: 'ins-1',
  scopeId: 's-shatoujiao',
  kind: 'self_check',
  heldOn: '2026-05-12',
  findings: [{ text: '缺少验收记录', fixBy: '2026-05-30' }, { text: '签到表未归档' }],
  recordedBy: 'u-street-shatoujiao',
  recordedAt: '2026-05-12T02:00:00.000Z',
  version: 1,
  ...overrides,
});

describe('R-INS-1: the checks of streets, district and city', () => {
  it.each([
    ['a street self-check in May', 'self_check', 'street', '2026-05-12', null],
    ['a street self-check in November', 'self_check', 'street', '2026-11-03', null],
    ['a street self-check in June', 'self_check', 'street', '2026-06-01', 'window_closed'],
    ['a district census in November', 'census', 'district', '2026-11-10', null],
    ['a district census in May', 'census', 'district', '2026-05-10', 'window_closed'],
    ['a census of a street', 'census', 'street', '2026-11-10', 'invalid_input'],
    ['a sampling of a community in July', 'sampling', 'community', '2026-07-10', null],
    ['a sampling of the whole city', 'sampling', 'city', '2026-07-10', 'invalid_input'],
    ['a check dated after today', 'sampling', 'district', '2026-12-30', 'invalid_input'],
  ] as const)('%s: %p', (_, kind, level, heldOn, code) => {
    expect(checkInspection({ kind, heldOn, findings: [] }, level, '2026-12-01')?.code ?? null).toBe(code);
  });

  it('refuses a blank finding and a fix-by day before the check', () => {
    expect(checkInspection({ kind: 'sampling', heldOn: '2026-07-10', findings: [{ text: ' ' }] }, 'street', '2026-12-01')?.field).toBe('findings.0.text');
    expect(checkInspection({ kind: 'sampling', heldOn: '2026-07-10', findings: [{ text: '问题', fixBy: '2026-07-01' }] }, 'street', '2026-12-01')?.field).toBe('findings.0.fixBy');
  });

  it('a finding is resolved once, with its day and note', () => {
    const result = resolveFinding(inspection(), { findingIndex: 0, resolvedOn: '2026-05-20', note: '已补录' }, '2026-05-21');
    const resolved = result.ok ? result.value : inspection();
    expect(resolved.findings[0]).toMatchObject({ resolvedOn: '2026-05-20', note: '已补录' });
    expect(openFindings(resolved)).toBe(1);
    expect(resolveFinding(resolved, { findingIndex: 0, resolvedOn: '2026-05-21', note: '再' }, '2026-05-21')).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(resolveFinding(resolved, { findingIndex: 9, resolvedOn: '2026-05-21', note: '再' }, '2026-05-21')).toMatchObject({ ok: false, error: { field: 'findingIndex' } });
    expect(resolveFinding(resolved, { findingIndex: 1, resolvedOn: '2026-05-01', note: '早' }, '2026-05-21')).toMatchObject({ ok: false, error: { field: 'resolvedOn' } });
  });

  it('the due checks: streets in May and November; the district its census in November and its streets\' self-checks in May', () => {
    expect(dueChecksOf('street', 5)).toEqual(['self_check']);
    expect(dueChecksOf('street', 11)).toEqual(['self_check']);
    expect(dueChecksOf('street', 6)).toEqual([]);
    expect(dueChecksOf('district', 11)).toEqual(['census']);
    expect(dueChecksOf('district', 5)).toEqual(['self_check']);
    expect(dueChecksOf('district', 3)).toEqual([]);
  });
});

describe('R-PLN-1: a street plans its own communities, each once', () => {
  const streetOf = { 'c-zhongying': 's-shatoujiao', 'c-qiaoyuan': 's-shatoujiao', 'c-tianxin': 's-haishan', 'c-nowhere': null };
  it.each([
    ['its own communities', ['c-zhongying', 'c-qiaoyuan'], null],
    ['a community of another street', ['c-zhongying', 'c-tianxin'], 'items.1.communityId'],
    ['a community that does not exist', ['c-nowhere'], 'items.0.communityId'],
    ['a community twice', ['c-zhongying', 'c-zhongying'], 'items.1.communityId'],
  ])('%s', (_, ids, field) => {
    const items = ids.map((communityId) => ({ communityId, plannedCount: 1, plannedFen: 100 }));
    expect(checkPlanItems(items, 's-shatoujiao', streetOf)?.field ?? null).toBe(field);
  });
});
