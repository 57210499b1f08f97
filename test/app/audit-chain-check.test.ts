import { createHash } from 'node:crypto';
import { checkChain } from '../../common/audit-hash';
import { sha256Hex } from '../../common/sha256';
import { bringTo, createApp, dataOf } from '../support/app-harness';

const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('the pure SHA-256 the mini-program checks the chain with', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('R-SUP-2: hashes %j as FIPS 180-4 says', (text, expected) => {
    expect(sha256Hex(text)).toBe(expected);
  });

  it('R-SUP-2: agrees with node:crypto on Chinese text, emoji, lone surrogates and every padding length', () => {
    const texts = ['中英街社区口袋公园', '👍🏽 评价', 'a\uD800b', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), '街'.repeat(300)];
    for (let length = 0; length < 130; length += 1) texts.push('民'.repeat(length % 7) + 'a'.repeat(length));
    for (const text of texts) expect(sha256Hex(text)).toBe(nodeSha256(text));
  });
});

describe('checkChain: the chain recomputed from what audit.trail shows', () => {
  it('R-SUP-2: a real trail verifies whole; an edited detail, a changed hash link or a dropped entry is found', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    const { entries } = dataOf(await app.call('u-street-shatoujiao', journey.day, 'audit.trail', { id: journey.id, full: true }));
    expect(entries.length).toBeGreaterThan(4);
    expect(checkChain(entries)).toEqual({ verified: entries.length, broken: null });

    const edited = entries.map((entry: any, index: number) => (index === 2 ? { ...entry, detail: { ...entry.detail, reason: '改过' } } : entry));
    expect(checkChain(edited)).toEqual({ verified: 2, broken: { seq: 3, reason: 'hash' } });
    const relinked = entries.map((entry: any, index: number) => (index === 3 ? { ...entry, prevHash: '0'.repeat(64) } : entry));
    expect(checkChain(relinked)).toEqual({ verified: 3, broken: { seq: 4, reason: 'prevHash' } });
    expect(checkChain([entries[0], ...entries.slice(2)])).toEqual({ verified: 1, broken: { seq: 3, reason: 'seq' } });
  });
});
