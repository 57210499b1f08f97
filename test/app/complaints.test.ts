import { bringTo, createApp, dataOf, expectRefused, fingerprint, newRequestId, outboxOf, START } from '../support/app-harness';

const submit = (communityId: string, text: string, proposalId?: string) => ({ communityId, text, requestId: newRequestId(), ...(proposalId ? { proposalId } : {}) });

describe('complaint.submit, complaint.list and complaint.answer (issue 18)', () => {
  it('a resident complains about a project at any stage: open, routed to the street of the community, which is told', async () => {
    const app = createApp();
    const journey = await bringTo(app, 'implementing');
    const complaint = dataOf(await app.call('u-res-2', journey.day, 'complaint.submit', submit('c-zhongying', '施工噪音太大，晚上十点还在施工。', journey.id)));
    expect(complaint).toEqual({
      id: expect.any(String),
      communityId: 'c-zhongying',
      streetId: 's-shatoujiao',
      districtId: 'd-yantian',
      proposalId: journey.id,
      text: '施工噪音太大，晚上十点还在施工。',
      status: 'open',
      createdAt: expect.any(String),
      mine: true,
      allowedActions: [],
    });
    const told = (await outboxOf(app)).filter((message) => message.kind === 'complaint_received');
    expect(told.map((message) => message.recipientOpenid)).toEqual(['u-street-shatoujiao']);
    // The trail keeps who and when, not the private text.
    const trail = await app.store.auditTrail(`complaint:${complaint.id}`);
    expect(trail).toEqual([expect.objectContaining({ action: 'complaint.submit', actor: 'u-res-2' })]);
    expect(JSON.stringify(trail)).not.toContain('噪音');
  });

  it('private: the author sees their own; the street, district, city and the supervisor see their scope; nobody else', async () => {
    const app = createApp();
    const first = dataOf(await app.call('u-res-1', START, 'complaint.submit', submit('c-zhongying', '社区议事会没有提前公示。')));
    await app.ok('u-res-3', START, 'complaint.submit', submit('c-tianxin', '田心公园路灯坏了。'));
    const ids = async (openid: string, scopeId?: string) =>
      dataOf(await app.call(openid, START, 'complaint.list', scopeId ? { scopeId } : {})).items.map((item: any) => item.text);
    expect(await ids('u-res-1')).toEqual(['社区议事会没有提前公示。']);
    expect(await ids('u-res-2')).toEqual([]);
    expect(await ids('u-street-shatoujiao', 's-shatoujiao')).toEqual(['社区议事会没有提前公示。']);
    expect(await ids('u-street-haishan', 's-haishan')).toEqual(['田心公园路灯坏了。']);
    expect(await ids('u-district-yantian', 'd-yantian')).toEqual(['田心公园路灯坏了。', '社区议事会没有提前公示。']);
    expect(await ids('u-supervisor-yantian', 'd-yantian')).toEqual(['田心公园路灯坏了。', '社区议事会没有提前公示。']);
    expect(await ids('u-city', 'city')).toHaveLength(2);
    expect(await ids('u-street-shatoujiao', 'c-zhongying')).toEqual(['社区议事会没有提前公示。']);
    expectRefused(await app.call('u-street-shatoujiao', START, 'complaint.list', { scopeId: 's-haishan' }), 'forbidden');
    expectRefused(await app.call('u-com-zhongying', START, 'complaint.list', { scopeId: 'c-zhongying' }), 'forbidden');
    expectRefused(await app.call('u-res-1', START, 'complaint.list', { scopeId: 'c-zhongying' }), 'forbidden');
    expectRefused(await app.call(null, START, 'complaint.list', {}), 'unauthenticated');
    expect(dataOf(await app.call('u-street-shatoujiao', START, 'complaint.list', { scopeId: 's-shatoujiao' })).items[0]).not.toHaveProperty('authorOpenid');
    expect(first.mine).toBe(true);
  });

  it('offers the answer form only to whoever may answer an open complaint: the street and district, not the supervisor or the author', async () => {
    const app = createApp();
    await app.ok('u-res-1', START, 'complaint.submit', submit('c-zhongying', '健身器材缺少说明牌。'));
    const offered = async (openid: string, scopeId?: string) => dataOf(await app.call(openid, START, 'complaint.list', scopeId ? { scopeId } : {})).items[0].allowedActions;
    expect(await offered('u-street-shatoujiao', 's-shatoujiao')).toEqual(['complaint.answer']);
    expect(await offered('u-district-yantian', 'd-yantian')).toEqual(['complaint.answer']);
    expect(await offered('u-supervisor-yantian', 'd-yantian')).toEqual([]);
    expect(await offered('u-city', 'city')).toEqual([]);
    expect(await offered('u-res-1')).toEqual([]);
    const [open] = dataOf(await app.call('u-street-shatoujiao', START, 'complaint.list', { scopeId: 's-shatoujiao' })).items;
    const answered = dataOf(await app.call('u-street-shatoujiao', START, 'complaint.answer', { id: open.id, answer: '已补装说明牌。', outcome: 'upheld' }));
    expect(answered.allowedActions).toEqual([]);
  });

  it('the street answers with an outcome; the author is told with the answer text; a second answer is refused', async () => {
    const app = createApp();
    const complaint = dataOf(await app.call('u-res-1', START, 'complaint.submit', submit('c-zhongying', '座椅安装位置挡住了盲道。')));
    const answered = dataOf(await app.call('u-street-shatoujiao', START, 'complaint.answer', { id: complaint.id, answer: '已责成施工方调整座椅位置。', outcome: 'upheld' }));
    expect(answered).toMatchObject({ status: 'answered', answer: { text: '已责成施工方调整座椅位置。', outcome: 'upheld', by: 'u-street-shatoujiao' }, mine: false });
    const told = (await outboxOf(app)).filter((message) => message.kind === 'complaint_answered');
    expect(told).toEqual([expect.objectContaining({ recipientOpenid: 'u-res-1', payload: expect.objectContaining({ complaintId: complaint.id, text: '已责成施工方调整座椅位置。', outcome: 'upheld' }) })]);
    const before = fingerprint(app);
    expectRefused(await app.call('u-street-shatoujiao', START, 'complaint.answer', { id: complaint.id, answer: '再答复', outcome: 'dismissed' }), 'invalid_state');
    expect(fingerprint(app)).toEqual(before);
    expect(dataOf(await app.call('u-street-shatoujiao', START, 'complaint.list', { scopeId: 's-shatoujiao', status: 'answered' })).items).toHaveLength(1);
    expect(dataOf(await app.call('u-street-shatoujiao', START, 'complaint.list', { scopeId: 's-shatoujiao', status: 'open' })).items).toHaveLength(0);
  });

  it('the supervisor, the community, another street and the author answer nothing; bad input changes nothing', async () => {
    const app = createApp();
    const complaint = dataOf(await app.call('u-res-1', START, 'complaint.submit', submit('c-zhongying', '公示栏被遮挡。')));
    const answer = { id: complaint.id, answer: '已处理', outcome: 'referred' };
    const before = fingerprint(app);
    for (const openid of ['u-supervisor-yantian', 'u-com-zhongying', 'u-street-haishan', 'u-res-1']) {
      expectRefused(await app.call(openid, START, 'complaint.answer', answer), 'forbidden');
    }
    expectRefused(await app.call('u-street-shatoujiao', START, 'complaint.answer', { ...answer, outcome: 'ignored' }), 'invalid_input', 'outcome');
    expectRefused(await app.call('u-street-shatoujiao', START, 'complaint.answer', { ...answer, id: 'cp-nowhere' }), 'not_found', 'id');
    expectRefused(await app.call('u-res-1', START, 'complaint.submit', submit('c-nowhere', '无')), 'not_found', 'communityId');
    expectRefused(await app.call('u-res-1', START, 'complaint.submit', submit('c-tianxin', '无', 'p-nowhere')), 'not_found', 'proposalId');
    expectRefused(await app.call('u-res-1', START, 'complaint.submit', submit('c-zhongying', ' ')), 'invalid_input', 'text');
    expectRefused(await app.call(null, START, 'complaint.submit', submit('c-zhongying', '匿名')), 'unauthenticated');
    expect(fingerprint(app)).toEqual(before);
    // The district may answer too.
    expect((await app.call('u-district-yantian', START, 'complaint.answer', answer)).status).toBe(200);
  });

  it('the same requestId answers the first complaint, never a second one', async () => {
    const app = createApp();
    const payload = submit('c-zhongying', '重复提交');
    const first = dataOf(await app.call('u-res-1', START, 'complaint.submit', payload));
    const second = dataOf(await app.call('u-res-1', START, 'complaint.submit', payload));
    expect(second.id).toBe(first.id);
    expect(dataOf(await app.call('u-res-1', START, 'complaint.list', {})).items).toHaveLength(1);
  });
});
