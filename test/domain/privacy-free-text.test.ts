import { freeTextFor, maskPhonesInText } from '../../backend/domain/privacy';
import { buildActor, buildProposal } from './factories';

describe('R-TRN-1: phone numbers written into free text are masked for the public', () => {
  test.each([
    ['请联系13812345678谢谢', '请联系138****5678谢谢'],
    ['电话 138 1234 5678', '电话 138****5678'],
    ['电话138-1234-5678。', '电话138****5678。'],
    ['电话+86 13812345678', '电话138****5678'],
    ['电话008613812345678', '电话138****5678'],
    // Also readable as a landline (0086 138 1234): masked once, as the mobile it is.
    ['电话0086 138 1234 5678', '电话138****5678'],
    ['电话：１３８１２３４５６７８', '电话：138****5678'],
    ['物业0755-12345678', '物业0755-****5678'],
    ['物业（0755）1234 5678', '物业0755-****5678'],
    ['物业020-87654321', '物业020-****4321'],
    ['物业0755-1234567', '物业0755-****4567'],
    ['一个 138 一个 0755-12345678 和 13987654321', '一个 138 一个 0755-****5678 和 139****4321'],
  ])('%p reads %p', (text, masked) => {
    expect(maskPhonesInText(text)).toBe(masked);
  });

  test.each([['座椅三张，预算 12000 元'], ['编号 123456789012345'], ['12812345678 不是手机号'], ['']])('%p has no phone number and stays as typed', (text) => {
    expect(maskPhonesInText(text)).toBe(text);
  });

  test('R-TRN-1: the author and the staff in scope read the text as written; anyone else reads it masked', () => {
    const place = buildProposal();
    const text = '我的电话13812345678';
    const author = buildActor('resident');
    expect(freeTextFor(text, author.openid, place, author)).toBe(text);
    expect(freeTextFor(text, 'u-someone-else', place, buildActor('community'))).toBe(text);
    expect(freeTextFor(text, 'u-someone-else', place, buildActor(null))).toBe('我的电话138****5678');
    expect(freeTextFor(text, null, place, author)).toBe('我的电话138****5678');
  });
});
