import { addDays } from '../../backend/domain/calendar';
import { bringTo, createApp, fingerprint } from '../support/app-harness';
import { recordFigure, scaled } from '../support/reliability-figures';

// Figure 11, community hopping (issue 14 M3): the attack of the security pass — one openid joins
// community after community and rates the project of each — repeated through the use cases.
// Every move inside 30 days of the last must be too_early, every rating by a newcomer forbidden,
// and a refused attempt must change nothing; the rating flips of one resident stop at 10 a day.

describe('Figure 11 — community hopping', () => {
  it('M3: hopping attempts are refused: moves within 30 days, ratings by newcomers, flips beyond 10 a day', async () => {
    const app = createApp();
    const hoppers = scaled(5, 25);
    const journeys = [await bringTo(app, 'completed', { community: 'c-zhongying' }), await bringTo(app, 'completed', { community: 'c-tianxin' })];
    const after = addDays(journeys[0].days.completedOn, 1);
    const counts = { moves: 0, movesRefused: 0, ratings: 0, ratingsRefused: 0, flips: 0, flipsRefused: 0, changedOnRefusal: 0, allowedWrongly: 0 };
    const communities = ['c-zhongying', 'c-qiaoyuan', 'c-tianxin'];
    for (let h = 0; h < hoppers; h += 1) {
      const openid = `u-hopper-${h}`;
      await app.ok(openid, after, 'me.join', { communityId: communities[h % 3], name: '跳跃者' });
      for (let step = 1; step <= 3; step += 1) {
        const before = fingerprint(app);
        counts.moves += 1;
        // Always another community than the one joined (a refused move leaves them where they were).
        const moved = await app.call(openid, addDays(after, step), 'me.join', { communityId: communities[(h + (step === 2 ? 2 : 1)) % 3], name: '跳跃者' });
        if (!moved.answer.ok && moved.answer.error.code === 'too_early') counts.movesRefused += 1;
        else counts.allowedWrongly += 1;
        if (JSON.stringify(fingerprint(app)) !== JSON.stringify(before)) counts.changedOnRefusal += 1;
      }
      for (const journey of journeys) {
        const before = fingerprint(app);
        counts.ratings += 1;
        const rated = await app.call(openid, after, 'rating.set', { proposalId: journey.id, stars: 1 });
        // A newcomer, or someone of another community: never a rating.
        if (!rated.answer.ok && rated.answer.error.code === 'forbidden') counts.ratingsRefused += 1;
        else counts.allowedWrongly += 1;
        if (JSON.stringify(fingerprint(app)) !== JSON.stringify(before)) counts.changedOnRefusal += 1;
      }
    }
    // Flips: each call changes the stars kept (the same rating again is no change and not counted).
    let kept: number | null = null;
    for (let n = 0; counts.flips < 15; n += 1) {
      const stars = (n % 5) + 1;
      if (stars === kept) continue;
      counts.flips += 1;
      const flipped = await app.call('u-res-2', after, 'rating.set', { proposalId: journeys[0].id, stars });
      if (!flipped.answer.ok && flipped.answer.error.code === 'rate_limited') counts.flipsRefused += 1;
      else kept = stars;
    }
    const pass = counts.allowedWrongly === 0 && counts.changedOnRefusal === 0 && counts.movesRefused === counts.moves && counts.ratingsRefused === counts.ratings && counts.flipsRefused === 5;
    recordFigure({
      number: 11,
      name: 'community hopping',
      goal: 'every move within 30 days too_early; every rating by a newcomer or non-resident forbidden; nothing changed by a refused attempt; rating flips stop at 10 a day',
      values: {
        hoppers,
        'moves tried': counts.moves,
        'moves refused': counts.movesRefused,
        'ratings tried': counts.ratings,
        'ratings refused': counts.ratingsRefused,
        'rating flips tried': counts.flips,
        'flips refused (beyond 10)': counts.flipsRefused,
        'refused attempts that changed data': counts.changedOnRefusal,
        'attempts wrongly allowed': counts.allowedWrongly,
      },
      pass,
    });
    expect(counts).toMatchObject({ allowedWrongly: 0, changedOnRefusal: 0, flipsRefused: 5 });
    expect(counts.movesRefused).toBe(counts.moves);
    expect(counts.ratingsRefused).toBe(counts.ratings);
  }, 120_000);
});
