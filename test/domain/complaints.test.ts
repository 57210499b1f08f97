import { answerComplaint, canReadComplaint, newComplaint } from '../../backend/domain/complaints';
import type { ComplaintRecord } from '../../types/domain';
import { buildActor, ELSEWHERE, HOME } from './factories';

const AT = '2026-05-06T02:00:00.000Z';
const CONTEXT = { id: 'cp-1', place: HOME, authorOpenid: 'u-res-1', at: AT };

function open(overrides: Partial<ComplaintRecord> = {}): ComplaintRecord {
  return { id: 'cp-1', ...HOME, authorOpenid: 'u-res-1', text: '路灯不亮', status: 'open', createdAt: AT, ...overrides };
}

describe('complaints and suggestions (二(二)4, 二(三)3)', () => {
  it('a complaint is open, at the community\'s place, with its text trimmed and the project it is about', () => {
    expect(newComplaint({ text: ' 路灯不亮 ', proposalId: 'p-1' }, CONTEXT)).toEqual({ ok: true, value: open({ proposalId: 'p-1' }) });
    expect(newComplaint({ text: '路灯不亮' }, CONTEXT)).toEqual({ ok: true, value: open() });
  });

  test.each([
    ['blank', ' '],
    ['over 1000 characters', '长'.repeat(1001)],
  ])('a complaint whose text is %s is refused', (_what, text) => {
    expect(newComplaint({ text }, CONTEXT)).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid_input', field: 'text' }) });
  });

  test.each<[string, ReturnType<typeof buildActor>, boolean]>([
    ['its author', { openid: 'u-res-1', communityId: HOME.communityId, grants: [{ role: 'resident', scopeId: HOME.communityId }] }, true],
    ['another resident', buildActor('resident'), false],
    ['an anonymous caller', buildActor(null), false],
    ['the community worker', buildActor('community'), false],
    ['the street', buildActor('street'), true],
    ['the district', buildActor('district'), true],
    ['the city', buildActor('city'), true],
    ['the supervisor of the district', buildActor('supervisor'), true],
    ['another street', buildActor('street', ELSEWHERE), false],
    ['a supervisor of another district', buildActor('supervisor', ELSEWHERE), false],
  ])('private: %s may read it: %p', (_who, actor, allowed) => {
    expect(canReadComplaint(open(), actor)).toBe(allowed);
  });

  it('an answer closes the complaint with its outcome, who answered and when', () => {
    expect(answerComplaint(open(), { text: ' 已维修 ', outcome: 'upheld' }, { by: 'u-street-shatoujiao', at: AT })).toEqual({
      ok: true,
      value: open({ status: 'answered', answer: { text: '已维修', outcome: 'upheld', by: 'u-street-shatoujiao', answeredAt: AT } }),
    });
  });

  test.each<[string, ComplaintRecord, string, string, string | undefined]>([
    ['a second answer', open({ status: 'answered' }), '再答复', 'invalid_state', undefined],
    ['a blank answer', open(), ' ', 'invalid_input', 'answer'],
    ['an answer over 1000 characters', open(), '长'.repeat(1001), 'invalid_input', 'answer'],
  ])('refuses %s', (_what, complaint, text, code, field) => {
    const result = answerComplaint(complaint, { text, outcome: 'dismissed' }, { by: 'u-street-shatoujiao', at: AT });
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code, ...(field ? { field } : {}) }) });
  });
});
