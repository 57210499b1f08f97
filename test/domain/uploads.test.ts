import { checkUploadQuota, startOfShanghaiDay } from '../../backend/domain/uploads';
import { UPLOAD_LIMITS } from '../../common/limits';

describe('upload quota (L1)', () => {
  it('L1: the 50th upload of a day fits, the 51st is rate_limited naming the file', () => {
    expect(checkUploadQuota({ count: 49, bytes: 0 }, 1000)).toBeNull();
    expect(checkUploadQuota({ count: 50, bytes: 0 }, 1000)).toEqual({ code: 'rate_limited', message: expect.stringContaining('每天最多 50 张'), field: 'file' });
  });

  it('L1: an upload that would pass the day\'s bytes is rate_limited, one that reaches them exactly fits', () => {
    const limit = UPLOAD_LIMITS.bytesPerDay;
    expect(checkUploadQuota({ count: 3, bytes: limit - 10 }, 10)).toBeNull();
    expect(checkUploadQuota({ count: 3, bytes: limit - 10 }, 11)).toEqual({ code: 'rate_limited', message: expect.stringContaining('100 MB'), field: 'file' });
    expect(checkUploadQuota({ count: 0, bytes: 0 }, 2, { perDay: 5, bytesPerDay: 1 })?.code).toBe('rate_limited');
  });

  it('L1: the day counts from 00:00 in Asia/Shanghai, whatever the server\'s zone', () => {
    expect(startOfShanghaiDay('2026-08-03')).toBe('2026-08-02T16:00:00.000Z');
  });
});
