import { foldText, gramToken, gramTokens, isShortQuery, searchedFields, shanghaiYearBounds, shanghaiYearOf } from '../../backend/domain/search';

describe('proposal search text', () => {
  it('R-TRN-1: both the index and the query fold case, so LED finds led', () => {
    expect(foldText('LED路灯')).toBe('led路灯');
  });

  it('R-TRN-1: searches the title, the description and the location, in that order', () => {
    expect(searchedFields({ title: '题', description: '述', location: '地' })).toEqual(['题', '述', '地']);
  });

  it('R-TRN-1: a one- or two-character query is found through its gram token, which the text holds', () => {
    const tokens = gramTokens(['花园', null, undefined, 'A b']).split(' ');
    expect(tokens).toEqual([gramToken('花'), gramToken('花园'), gramToken('园'), gramToken('a'), gramToken('b')]);
    // Whitespace is never part of a gram, and the tokens are plain ASCII.
    expect(tokens.every((token) => /^g[0-9a-z]+(x[0-9a-z]+)?$/.test(token))).toBe(true);
    expect(gramTokens(['花花花'])).toBe(`${gramToken('花')} ${gramToken('花花')}`);
  });

  it('R-TRN-1: fewer than three characters is a short query; an emoji counts as one', () => {
    expect(isShortQuery('花园')).toBe(true);
    expect(isShortQuery('😀园')).toBe(true);
    expect(isShortQuery('花园改')).toBe(false);
  });

  it('R-TIME-1: the submission year is the Asia/Shanghai one', () => {
    expect(shanghaiYearOf('2025-12-31T15:59:59.000Z')).toBe(2025);
    expect(shanghaiYearOf('2025-12-31T16:00:00.000Z')).toBe(2026);
  });

  it('R-TIME-1: a submission year runs from 00:00 on 1 January Shanghai time to the next, as a range of instants', () => {
    const { from, to } = shanghaiYearBounds(2026);
    expect({ from, to }).toEqual({ from: '2025-12-31T16:00:00.000Z', to: '2026-12-31T16:00:00.000Z' });
    expect(shanghaiYearOf(from)).toBe(2026);
    expect(shanghaiYearOf(new Date(Date.parse(to) - 1).toISOString())).toBe(2026);
    expect(shanghaiYearOf(to)).toBe(2027);
  });
});
