import cloud from 'wx-server-sdk';
import { runJobs, type JobsReport } from '../app/jobs/run-jobs';
import { systemClock } from '../app/ports/clock.port';
import { shanghaiDateOf } from '../domain/calendar';
import { seedCloudBaseDemoData } from '../store/cloudbase/cloudbase.seed';
import { WxServerDocDb } from '../store/cloudbase/wx-server-sdk.doc-db';
import { seedDemoProposals } from '../seed/demo-proposals';
import { templatesFromEnv } from '../wechat/subscribe-messages';
import { SubscribeNotifier } from '../wechat/subscribe.notifier';
import type { SubscribeMessageRequest, WxCloud } from '../wechat/wx-cloud';
import { createCloudRuntime, lazyRuntime } from './cloud-runtime';
import { CloudPhotoCheck, wxMediaApi } from '../wechat/cloud-photo-check';
import { seedDemoAllowed } from './seed-guard';
import { firstAdministrator, seedShenzhen } from '../seed/real-directory';

// The `cron` cloud function: a timer trigger every 10 minutes (config.json) runs the jobs of
// backend/app/jobs — flags overdue deadlines, reminds the staff whose deadline is near, rechecks
// held-back comments and delivers the outbox as subscribe messages — as the local server runs
// them on its own timer. Run by hand from the console with `{ "task": "seed-demo" }`, it seeds an
// empty demo or test environment with the demo data of the API reference (seed-guard.ts). With
// `{ "task": "seed-shenzhen", "adminOpenid": "<openid>", "adminName": "<name>" }` it makes a real
// start: an empty database gets Shenzhen's directory and its first city administrator, as
// `SEED=shenzhen npm start` does. A mini-program cannot use it: a call that carries a user's
// OPENID is refused.

const wx = cloud as unknown as WxCloud;
wx.init({ env: wx.DYNAMIC_CURRENT_ENV });

const runtime = lazyRuntime(() => createCloudRuntime(wx));

type CronAnswer =
  | { ok: true; data: JobsReport | { seeded: boolean } }
  | { ok: false; error: { code: 'forbidden' | 'invalid_input' | 'internal'; message: string } };

const MINIPROGRAM_STATES = new Set(['developer', 'trial', 'formal']);

async function seedDemo(now: Date): Promise<{ seeded: boolean }> {
  const { dispatch, store } = runtime();
  const seeded = await seedCloudBaseDemoData(new WxServerDocDb(wx), { at: now.toISOString(), year: Number(shanghaiDateOf(now.getTime()).slice(0, 4)) });
  if (seeded) {
    await seedDemoProposals(dispatch, now);
    // The seed's messages tell of days that have passed: nobody is to be told now.
    for (let batch = await store.takeUndelivered(100); batch.length > 0; batch = await store.takeUndelivered(100)) {
      await store.settleOutbox({ ids: batch.map((message) => message.id), at: now.toISOString(), outcome: 'skipped', detail: 'demo seed' });
    }
  }
  return { seeded };
}

export async function main(event: { task?: unknown; production?: unknown; adminOpenid?: unknown; adminName?: unknown } | null | undefined): Promise<CronAnswer> {
  if (wx.getWXContext().OPENID) return { ok: false, error: { code: 'forbidden', message: '该云函数仅由定时触发器调用' } };
  const now = systemClock.now();
  try {
    const task = event?.task;
    if (task === 'seed-demo') {
      // Issue 13: never into production by accident (seed-guard.ts).
      const allowed = seedDemoAllowed({ stage: process.env.DEPLOY_STAGE, envId: wx.getWXContext().ENV, event: { ...event } });
      if (!allowed.ok) return { ok: false, error: { code: 'forbidden', message: allowed.message } };
      return { ok: true, data: await seedDemo(now) };
    }
    if (task === 'seed-shenzhen') {
      // Issue 16 on CloudBase: the real directory and the first administrator, into an empty database only.
      const administrator = firstAdministrator.safeParse({ adminOpenid: event?.adminOpenid, adminName: event?.adminName });
      if (!administrator.success) {
        return { ok: false, error: { code: 'invalid_input', message: '请写明第一位市级管理员：{ "task": "seed-shenzhen", "adminOpenid": "<openid>", "adminName": "<姓名，可不填>" }' } };
      }
      return { ok: true, data: { seeded: await seedShenzhen(runtime().store, { at: now.toISOString(), ...administrator.data }) } };
    }
    if (task !== undefined) return { ok: false, error: { code: 'invalid_input', message: '未知的任务' } };
    const { store, calendar, contentCheck } = runtime();
    const state = process.env.WX_MINIPROGRAM_STATE;
    const notifier = new SubscribeNotifier((request: SubscribeMessageRequest) => wx.openapi.subscribeMessage.send(request), templatesFromEnv(), {
      miniprogramState: state && MINIPROGRAM_STATES.has(state) ? (state as SubscribeMessageRequest['miniprogramState']) : 'formal',
    });
    // Issue 14 L1: photos no proposal shows a day after are removed from cloud storage.
    const files = new CloudPhotoCheck(wxMediaApi(wx));
    const report = await runJobs({ store, calendar, contentCheck, notifier, clock: systemClock, files }, { log: (line) => console.error(line) });
    console.log('[cron]', JSON.stringify(report));
    return { ok: true, data: report };
  } catch (error) {
    console.error('[cron] failed', error);
    return { ok: false, error: { code: 'internal', message: '定时任务执行失败' } };
  }
}
