import { addDays } from '../../backend/domain/calendar';
import { bringTo, createApp, dataOf, type Milestone } from '../support/app-harness';

/**
 * The server decides which buttons exist: `allowedActions` on proposal.get, for each role at the
 * key states of a 中英街社区 goods project of 5,000,000 fen (below the street threshold, so the
 * community implements). Viewed on the day of the state's last step unless said otherwise.
 */
type Viewer = 'anonymous' | 'proposer' | 'neighbour' | 'outsider' | 'worker' | 'otherWorker' | 'street' | 'otherStreet' | 'district' | 'city';

const OPENID: Record<Viewer, string | null> = {
  anonymous: null,
  proposer: 'u-res-1',
  neighbour: 'u-res-2',
  outsider: 'u-res-3',
  worker: 'u-com-zhongying',
  otherWorker: 'u-com-tianxin',
  street: 'u-street-shatoujiao',
  otherStreet: 'u-street-haishan',
  district: 'u-district-yantian',
  city: 'u-city',
};

const TRAIL = ['audit.trail'];
/** Issue 18 (payments, acceptance): what the implementing side may add while the work is under way (R-PAY-1, R-ACC-1). */
const PAY_ACCEPT = ['payment.record', 'implementation.accept'];
const NOTHING: string[] = [];
const COMMENTS_STAFF = ['comment.reply', 'comment.moderate'];

/** What the public, residents and out-of-scope staff may do: never anything, except where noted. */
const OUTSIDERS = { anonymous: NOTHING, outsider: NOTHING, otherWorker: NOTHING, otherStreet: NOTHING };

const TABLE: [string, Milestone, ((days: any) => string) | null, Partial<Record<Viewer, string[]>>][] = [
  ['submitted', 'submitted', null, { ...OUTSIDERS, proposer: NOTHING, worker: ['proposal.screen', ...TRAIL], street: TRAIL, district: TRAIL, city: TRAIL }],
  ['adopted', 'adopted', null, { ...OUTSIDERS, proposer: NOTHING, worker: ['proposal.draftReport', ...TRAIL], street: TRAIL }],
  ['drafted', 'drafted', null, { ...OUTSIDERS, worker: ['proposal.draftReport', 'council.publishAgenda', ...TRAIL], street: TRAIL }],
  ['agenda_published, before the meeting day', 'agenda_published', null, { ...OUTSIDERS, worker: TRAIL, street: TRAIL }],
  ['agenda_published, on the meeting day', 'agenda_published', (days) => days.meetingOn, { worker: ['council.recordVote', ...TRAIL] }],
  ['council_passed', 'council_passed', null, { ...OUTSIDERS, worker: ['proposal.submitToStreet', ...TRAIL], street: TRAIL }],
  ['street_review', 'street_review', null, { ...OUTSIDERS, proposer: NOTHING, worker: TRAIL, street: ['review.decide', ...TRAIL], otherStreet: NOTHING, district: TRAIL }],
  ['approved', 'approved', null, { ...OUTSIDERS, worker: ['publicity.publish', 'change.request', ...TRAIL], street: TRAIL }],
  [
    'publicity, while the window is open',
    'publicity',
    null,
    { ...OUTSIDERS, anonymous: NOTHING, proposer: ['comment.add'], neighbour: ['comment.add'], worker: [...COMMENTS_STAFF, 'change.request', ...TRAIL], street: TRAIL },
  ],
  [
    'publicity, after the window',
    'publicity',
    (days) => days.assignedOn,
    { ...OUTSIDERS, neighbour: NOTHING, worker: [...COMMENTS_STAFF, 'implementation.assign', 'change.request', ...TRAIL], street: TRAIL },
  ],
  [
    'implementing, not yet started',
    'implementing',
    null,
    { ...OUTSIDERS, neighbour: NOTHING, worker: [...COMMENTS_STAFF, 'implementation.start', 'implementation.complete', 'change.request', ...TRAIL, ...PAY_ACCEPT], street: TRAIL },
  ],
  ['implementing, started', 'started', null, { worker: [...COMMENTS_STAFF, 'implementation.complete', 'change.request', ...TRAIL, ...PAY_ACCEPT] }],
  [
    'completed',
    'completed',
    null,
    { ...OUTSIDERS, proposer: ['rating.set'], neighbour: ['rating.set'], worker: [...COMMENTS_STAFF, 'evaluation.publish', 'change.request', ...TRAIL, 'payment.record'], street: TRAIL },
  ],
  ['evaluated', 'evaluated', null, { ...OUTSIDERS, neighbour: NOTHING, worker: [...COMMENTS_STAFF, ...TRAIL, 'payment.record'], street: ['audit.publish', ...TRAIL] }],
  ['audited', 'audited', null, { ...OUTSIDERS, neighbour: NOTHING, worker: [...COMMENTS_STAFF, ...TRAIL, 'payment.record'], street: TRAIL, district: TRAIL, city: TRAIL }],
  ['not_adopted', 'not_adopted', null, { proposer: NOTHING, worker: TRAIL, street: TRAIL }],
  ['rejected', 'rejected', null, { worker: TRAIL, street: TRAIL }],
  ['withdrawn', 'withdrawn', null, { worker: TRAIL, street: TRAIL }],
];

const CASES = TABLE.flatMap(([label, milestone, dayOf, expected]) =>
  (Object.entries(expected) as [Viewer, string[]][]).map(([viewer, actions]) => [label, viewer, actions, milestone, dayOf] as const),
);

describe('allowedActions on proposal.get', () => {
  it.each(CASES)('at %s, the %s may: %j', async (_, viewer, actions, milestone, dayOf) => {
    const app = createApp();
    const journey = await bringTo(app, milestone);
    const day = dayOf ? dayOf(journey.days) : journey.day;
    const view = dataOf(await app.call(OPENID[viewer], day, 'proposal.get', { id: journey.id }));
    expect(view.allowedActions).toEqual(actions);
  });

  it('with a change pending, the street may decide it and the community may not ask another', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'approved');
    await app.ok('u-com-zhongying', journey.day, 'change.request', { id: journey.id, kind: 'withdraw', reason: '暂缓' });
    const seen = async (openid: string) => dataOf(await app.call(openid, journey.day, 'proposal.get', { id: journey.id })).allowedActions;
    expect(await seen('u-street-shatoujiao')).toEqual(['change.decide', 'audit.trail']);
    expect(await seen('u-com-zhongying')).toEqual(['publicity.publish', 'audit.trail']);
  });

  it('R-IMP-1: above the street threshold, after the window, the street assigns the implementer and the community may not', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'publicity', { budgetLines: [{ item: '设备', amountFen: 15_000_000 }] });
    const day = addDays(journey.days.publicityEndsOn, 1);
    const seen = async (openid: string) => dataOf(await app.call(openid, day, 'proposal.get', { id: journey.id })).allowedActions;
    expect(await seen('u-street-shatoujiao')).toEqual(['implementation.assign', 'audit.trail']);
    expect(await seen('u-com-zhongying')).toEqual([...COMMENTS_STAFF, 'change.request', ...TRAIL]);
  });
});
