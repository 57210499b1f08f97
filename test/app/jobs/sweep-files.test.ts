import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runJobs } from '../../../backend/app/jobs/run-jobs';
import { sweepUnreferencedFiles } from '../../../backend/app/jobs/sweep-files';
import { defaultCalendar } from '../../../backend/domain/calendar';
import { DiskFileStorage } from '../../../backend/local/disk.file-storage';
import { LogNotifier } from '../../../backend/local/log.notifier';
import { LocalContentCheck } from '../../../backend/wechat/local/local.content-check';
import { createApp, dataOf, proposalPayload } from '../../support/app-harness';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d68a1d0000000049454e44ae426082',
  'hex',
);

describe('the upload sweep (jobs/sweep-files)', () => {
  it('L1: a day after, the uploads no proposal shows are removed — bytes and row — and the shown ones stay', async () => {
    const app = createApp();
    const folder = mkdtempSync(path.join(os.tmpdir(), 'weishishi-sweep-'));
    const files = new DiskFileStorage(folder, app.store);
    const at = '2026-03-02T02:00:00.000Z';
    const shown = await files.save({ ownerOpenid: 'u-res-1', bytes: PNG, contentType: 'image/png', at });
    const orphan = await files.save({ ownerOpenid: 'u-res-1', bytes: PNG, contentType: 'image/png', at });
    dataOf(await app.call('u-res-1', '2026-03-02', 'proposal.submit', proposalPayload({ communityId: 'c-zhongying', photos: [shown.fileId] })));
    const clock = (instant: string) => ({ now: () => new Date(instant) });

    // Less than a day old: nothing goes.
    expect(await sweepUnreferencedFiles({ store: app.store, files, clock: clock('2026-03-03T01:59:00.000Z') })).toBe(0);
    expect(readdirSync(folder).sort()).toEqual([orphan.fileId, shown.fileId].sort());

    // Both doors run it with the other jobs: the local server passes its upload folder.
    const report = await runJobs({
      store: app.store,
      calendar: defaultCalendar,
      contentCheck: new LocalContentCheck(),
      notifier: new LogNotifier(() => undefined),
      clock: clock('2026-03-03T02:01:00.000Z'),
      files,
    });
    expect(report).toMatchObject({ removedFiles: 1, errors: [] });
    expect(readdirSync(folder)).toEqual([shown.fileId]);
    expect(await app.store.findFile(orphan.fileId)).toBeNull();
    expect(await app.store.findFile(shown.fileId)).not.toBeNull();
    // Run again: nothing left to remove.
    expect(await sweepUnreferencedFiles({ store: app.store, files, clock: clock('2026-03-09T02:00:00.000Z') })).toBe(0);
  });

  it('L1: the disk storage removes only inside its own folder', async () => {
    const app = createApp();
    const files = new DiskFileStorage(mkdtempSync(path.join(os.tmpdir(), 'weishishi-sweep-')), app.store);
    await expect(files.remove({ id: 'f-x.png', path: '/etc/passwd' })).rejects.toThrow(/not in the upload folder/);
  });
});
