import { maskName, maskPhone, personNameFor, proposerNameFor } from '../../backend/domain/privacy';
import { buildActor, buildProposal, ELSEWHERE } from './factories';

describe('R-TRN-1: personal data of residents is never public', () => {
  test.each([
    ['张小明', '张*明'],
    ['张三', '张*'],
    ['欧阳小明', '欧**明'],
    ['张', '*'],
    ['', ''],
    ['  李四 ', '李*'],
    ['𠀋小明', '𠀋*明'],
  ])('the name %p shows as %p', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  test.each([
    ['13812341234', '138****1234'],
    ['138 1234 1234', '138****1234'],
    ['138-1234-1234', '138****1234'],
    ['0755-8888-1234', '********1234'],
    ['1234', '****'],
    ['', ''],
  ])('the phone number %p shows as %p', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  test.each([
    ['the proposer', () => buildActor('resident', undefined, { openid: 'u-res-1' }), '张小明'],
    ['a community worker in scope', () => buildActor('community'), '张小明'],
    ['the street in scope', () => buildActor('street'), '张小明'],
    ['the district in scope', () => buildActor('district'), '张小明'],
    ['the city', () => buildActor('city'), '张小明'],
    ['another resident of the community', () => buildActor('resident'), '张*明'],
    ['an anonymous visitor', () => buildActor(null), '张*明'],
    ['a community worker elsewhere', () => buildActor('community', ELSEWHERE), '张*明'],
    ['a street elsewhere', () => buildActor('street', ELSEWHERE), '张*明'],
  ])('R-TRN-1: %s sees the proposer as %s', (_who, viewer, shown) => {
    expect(proposerNameFor(buildProposal(), viewer())).toBe(shown);
  });

  test.each([
    ['the author', () => buildActor('resident', undefined, { openid: 'u-res-2' }), '李秀英'],
    ['a community worker in scope', () => buildActor('community'), '李秀英'],
    ['the proposer of the project', () => buildActor('resident', undefined, { openid: 'u-res-1' }), '李*英'],
    ['an anonymous visitor', () => buildActor(null), '李*英'],
  ])('R-TRN-1: %s sees a commenter as %s', (_who, viewer, shown) => {
    const place = buildProposal();
    expect(personNameFor({ openid: 'u-res-2', name: '李秀英' }, place, viewer())).toBe(shown);
  });

  test.each([
    ['an anonymous visitor', () => buildActor(null)],
    ['a community worker in scope', () => buildActor('community')],
  ])('R-TRN-1: %s sees a deleted account as 已注销用户, unmasked', (_who, viewer) => {
    const place = buildProposal();
    expect(personNameFor({ openid: 'erased-0001', name: '已注销用户' }, place, viewer())).toBe('已注销用户');
    expect(proposerNameFor(buildProposal({ proposerOpenid: 'erased-0001', proposerName: '已注销用户' }), viewer())).toBe('已注销用户');
  });
});
