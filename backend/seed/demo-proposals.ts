import type { Dispatch } from '../app/dispatch';
import { addDays, defaultCalendar, shanghaiDateOf } from '../domain/calendar';
import { earliestMeetingOn, publicityEndsOn } from '../domain/deadlines';

/**
 * The sample proposals of the demo store, made by the real use cases on past days, so that their
 * records, deadlines, ledgers and audit trails are exactly what the system would have produced:
 * in 中英街社区 one proposal in each main state (submitted, publicity with its window open
 * today, implementing, completed and open for ratings, audited); in 桥园社区 one not adopted
 * and one in street review. 田心社区 starts empty.
 */
export async function seedDemoProposals(dispatch: Dispatch, now: Date): Promise<void> {
  const today = shanghaiDateOf(now.getTime());
  let counter = 0;

  async function step(openid: string, day: string, action: string, payload: Record<string, unknown>): Promise<any> {
    counter += 1;
    // Seconds keep the steps of one day in order.
    const at = new Date(`${day}T09:00:${String(counter % 60).padStart(2, '0')}+08:00`);
    const { answer } = await dispatch(action, payload, { openid }, at);
    if (!answer.ok) throw new Error(`demo seed: ${action} on ${day} failed: ${answer.error.code} ${answer.error.message}`);
    return answer.data;
  }

  /** Takes a proposal from submission to approval: submitted on `from`, approved soon after. */
  async function approve(
    community: { id: string; resident: string; worker: string },
    proposal: { title: string; category: string; location: string; description: string },
    report: { reason: string; overview: string; plan: string; budgetLines: { item: string; amountFen: number; fee?: boolean }[] },
    from: string,
  ): Promise<{ id: string; approvedOn: string }> {
    const { id } = await step(community.resident, from, 'proposal.submit', {
      communityId: community.id,
      ...proposal,
      source: 'resident',
      requestId: `demo-seed-${counter}-${from}`,
    });
    await step(community.worker, from, 'proposal.screen', { id, adopt: true });
    await step(community.worker, from, 'proposal.draftReport', { id, ...report });
    const meetingOn = earliestMeetingOn(from, defaultCalendar).on;
    const meeting = await step(community.worker, from, 'council.publishAgenda', { communityId: community.id, meetingOn, proposalIds: [id] });
    await step(community.worker, meetingOn, 'council.recordVote', { meetingId: meeting.id, proposalId: id, attendance: 25, for: 21, against: 2, abstain: 2 });
    await step(community.worker, meetingOn, 'proposal.submitToStreet', { id });
    const approvedOn = addDays(meetingOn, 2);
    const budget = report.budgetLines.reduce((sum, line) => sum + line.amountFen, 0);
    await step('u-street-shatoujiao', approvedOn, 'review.decide', { id, outcome: 'approved', approvedBudgetFen: budget });
    return { id, approvedOn };
  }

  /** Publishes the notice on `on` and, once the window has ended, assigns and starts. */
  async function implement(id: string, on: string, worker: string, implementer: string): Promise<string> {
    await step(worker, on, 'publicity.publish', { id });
    const assignedOn = addDays(publicityEndsOn(on, defaultCalendar).on, 1);
    await step(worker, assignedOn, 'implementation.assign', { id, implementer, assignedOn });
    await step(worker, assignedOn, 'implementation.start', { id, startedOn: assignedOn });
    return assignedOn;
  }

  const zhongying = { id: 'c-zhongying', resident: 'u-res-1', worker: 'u-com-zhongying' };
  const qiaoyuan = { id: 'c-qiaoyuan', resident: 'u-res-4', worker: 'u-com-qiaoyuan' };

  // Audited: a goods project of last season, completed, rated, evaluated and audited.
  const benches = await approve(
    zhongying,
    { title: '中英街口袋公园增设休息座椅', category: 'goods', location: '中英街历史博物馆旁口袋公园', description: '公园里没有座椅，老人散步走累了只能站着休息，希望增设几张带靠背的座椅。' },
    {
      reason: '辖区老年人多，公园缺少休息设施',
      overview: '采购并安装带靠背户外座椅 8 张',
      plan: '社区采购防腐木座椅，由物业配合安装，完工后由物业日常管养',
      budgetLines: [
        { item: '户外座椅 8 张', amountFen: 3_200_000 },
        { item: '运输安装', amountFen: 400_000 },
      ],
    },
    addDays(today, -120),
  );
  const benchesAssigned = await implement(benches.id, addDays(benches.approvedOn, 1), zhongying.worker, '沙头角园林服务有限公司');
  const benchesCompleted = addDays(benchesAssigned, 20);
  await step(zhongying.worker, benchesCompleted, 'implementation.complete', { id: benches.id, completedOn: benchesCompleted, maintenanceUnit: '中英街物业服务中心', maintenanceFunding: '物业管理费列支' });
  await step('u-res-2', addDays(benchesCompleted, 1), 'rating.set', { proposalId: benches.id, stars: 5, text: '座椅很结实，老人们都说好' });
  await step('u-res-1', addDays(benchesCompleted, 2), 'rating.set', { proposalId: benches.id, stars: 4 });
  await step(zhongying.worker, addDays(benchesCompleted, 10), 'evaluation.publish', { id: benches.id, summary: '居民满意度高，座椅使用频繁，建议在其他公园推广。' });
  await step('u-street-shatoujiao', addDays(benchesCompleted, 20), 'audit.publish', { id: benches.id, auditor: '深圳市盐田区审计事务所', spentFen: 3_520_000, report: '资金使用规范，结余 800 元已退回。' });

  // Completed and open for ratings: a works project.
  const ramp = await approve(
    zhongying,
    { title: '海景二路人行道无障碍坡道改造', category: 'works', location: '海景二路 12 号至 30 号', description: '人行道台阶高，轮椅和婴儿车上下很不方便，希望改成无障碍坡道。' },
    {
      reason: '方便轮椅和婴儿车通行',
      overview: '改造人行道台阶 6 处为无障碍坡道',
      plan: '由社区委托施工单位分段施工，施工期间设置围挡和临时通道',
      budgetLines: [
        { item: '坡道土建', amountFen: 9_000_000 },
        { item: '防滑铺装', amountFen: 2_500_000 },
      ],
    },
    addDays(today, -80),
  );
  const rampAssigned = await implement(ramp.id, addDays(ramp.approvedOn, 1), zhongying.worker, '盐田建设工程有限公司');
  const rampCompleted = addDays(rampAssigned, 15);
  await step(zhongying.worker, rampCompleted, 'implementation.complete', { id: ramp.id, completedOn: rampCompleted, maintenanceUnit: '沙头角街道市政管养所', maintenanceFunding: '街道市政管养经费' });
  await step('u-res-2', addDays(rampCompleted, 1), 'rating.set', { proposalId: ramp.id, stars: 4, text: '坡道平缓，推车方便多了' });

  // Implementing: a services project with a 10% service fee.
  const classes = await approve(
    zhongying,
    { title: '长者智能手机课堂', category: 'services', location: '中英街社区党群服务中心', description: '很多老人不会用手机挂号、缴费，希望社区开设手机使用课。' },
    {
      reason: '帮助老年人跨越数字鸿沟',
      overview: '开设 12 期智能手机使用课堂',
      plan: '委托社会组织每周开课一次，每期 20 人，课后一对一辅导',
      budgetLines: [
        { item: '授课及辅导服务', amountFen: 4_000_000 },
        { item: '教材印制', amountFen: 500_000 },
        { item: '服务管理费', amountFen: 500_000, fee: true },
      ],
    },
    addDays(today, -45),
  );
  await implement(classes.id, addDays(classes.approvedOn, 1), zhongying.worker, '盐田区乐龄社工服务中心');

  // Publicity, with the window open today, and a comment answered by the community.
  const lights = await approve(
    zhongying,
    { title: '沙头角老街巷道照明提升', category: 'goods', location: '中英街 3 巷至 7 巷', description: '老巷子晚上太暗，下班回家不安全，希望加装路灯。' },
    {
      reason: '夜间照明不足，存在安全隐患',
      overview: '采购安装太阳能巷道灯 20 盏',
      plan: '采购太阳能壁灯，安装于巷道两侧墙面，由社区统一管养',
      budgetLines: [
        { item: '太阳能巷道灯 20 盏', amountFen: 6_000_000 },
        { item: '安装调试', amountFen: 1_000_000 },
      ],
    },
    addDays(today, -30),
  );
  await step(zhongying.worker, today, 'publicity.publish', { id: lights.id });
  const comment = await step('u-res-2', today, 'comment.add', { proposalId: lights.id, text: '建议 5 巷口也装一盏，那里最黑。', requestId: 'demo-seed-comment-1' });
  await step(zhongying.worker, today, 'comment.reply', { commentId: comment.id, text: '感谢建议，已将 5 巷口纳入安装点位。' });

  // Submitted today: waiting for the community's screening.
  await step('u-res-2', today, 'proposal.submit', {
    communityId: 'c-zhongying',
    title: '社区儿童游乐设施维修',
    category: 'works',
    location: '中英街社区小广场',
    description: '小广场的滑梯有裂缝，秋千链条生锈，孩子玩耍有安全隐患。',
    source: 'resident',
    requestId: 'demo-seed-submitted-1',
  });

  // 桥园社区: one not adopted (it is the property company's duty), one waiting for the street.
  const leak = await step(qiaoyuan.resident, addDays(today, -10), 'proposal.submit', {
    communityId: 'c-qiaoyuan',
    title: '桥园小区 3 栋楼道漏水维修',
    category: 'works',
    location: '桥园小区 3 栋',
    description: '楼道天花板漏水多年，墙面发霉。',
    source: 'resident',
    requestId: 'demo-seed-leak-1',
  });
  await step(qiaoyuan.worker, addDays(today, -8), 'proposal.screen', {
    id: leak.id,
    adopt: false,
    exclusion: 'property_duty',
    explanation: '楼道维修属于物业管理公司的职责，社区已转交物业处理并跟进进度。',
  });
  const library = await step(qiaoyuan.resident, addDays(today, -25), 'proposal.submit', {
    communityId: 'c-qiaoyuan',
    title: '桥园社区共享图书角',
    category: 'goods',
    location: '桥园社区党群服务中心一楼',
    description: '希望有个安静的地方给孩子和老人看书。',
    source: 'resident',
    requestId: 'demo-seed-library-1',
  });
  await step(qiaoyuan.worker, addDays(today, -25), 'proposal.screen', { id: library.id, adopt: true });
  await step(qiaoyuan.worker, addDays(today, -25), 'proposal.draftReport', {
    id: library.id,
    reason: '社区缺少公共阅读空间',
    overview: '建设共享图书角，配置书架和图书 1000 册',
    plan: '采购书架、桌椅和图书，由社区志愿者管理借阅',
    budgetLines: [
      { item: '书架及桌椅', amountFen: 1_800_000 },
      { item: '图书 1000 册', amountFen: 2_500_000 },
    ],
  });
  const meetingOn = earliestMeetingOn(addDays(today, -25), defaultCalendar).on;
  const meeting = await step(qiaoyuan.worker, addDays(today, -25), 'council.publishAgenda', { communityId: 'c-qiaoyuan', meetingOn, proposalIds: [library.id] });
  await step(qiaoyuan.worker, meetingOn, 'council.recordVote', { meetingId: meeting.id, proposalId: library.id, attendance: 18, for: 15, against: 1, abstain: 2 });
  await step(qiaoyuan.worker, addDays(today, -2), 'proposal.submitToStreet', { id: library.id });
}
