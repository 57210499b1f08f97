import { DEFAULT_RATE_LIMITS, type RateLimits } from '../app/action';
import { createDispatch, type Dispatch } from '../app/dispatch';
import { defaultCalendar, type WorkCalendar } from '../domain/calendar';
import { openCloudBaseStore, type CloudBaseStore } from '../store/cloudbase/cloudbase.store';
import { WxServerDocDb } from '../store/cloudbase/wx-server-sdk.doc-db';
import { CloudPhotos } from '../wechat/cloud-photos';
import { CloudPhotoCheck, wxMediaApi } from '../wechat/cloud-photo-check';
import { WeChatContentCheck } from '../wechat/wechat.content-check';
import type { WxCloud } from '../wechat/wx-cloud';
// Issue 16: exported workbooks in cloud storage
import { CloudExportStorage, type WxCloudFiles } from '../wechat/cloud.export-storage';
import { WeChatMiniProgramCodes } from '../wechat/wxacode';

/**
 * What both cloud functions run on, built once per function instance (WeChat keeps an instance
 * warm between calls): the CloudBase store over `cloud.database()`, the msgSecCheck content
 * check, the calendar and the dispatch. Configuration comes from the function's environment
 * variables (see docs/deploy-cloudbase.md).
 */
export interface CloudRuntime {
  cloud: WxCloud;
  store: CloudBaseStore;
  contentCheck: WeChatContentCheck;
  calendar: WorkCalendar;
  dispatch: Dispatch;
}

function positiveNumber(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && text !== '' && Number.isFinite(value) && value > 0 ? value : fallback;
}

export function rateLimitsFromEnv(env: Record<string, string | undefined> = process.env): RateLimits {
  return {
    proposalsPerDay: positiveNumber(env.RATE_PROPOSALS_PER_DAY, DEFAULT_RATE_LIMITS.proposalsPerDay),
    commentsPerHour: positiveNumber(env.RATE_COMMENTS_PER_HOUR, DEFAULT_RATE_LIMITS.commentsPerHour),
  };
}

export function createCloudRuntime(cloud: WxCloud, env: Record<string, string | undefined> = process.env): CloudRuntime {
  const store = openCloudBaseStore({ db: new WxServerDocDb(cloud) });
  const contentCheck = new WeChatContentCheck(() => cloud.openapi.security, { timeoutMs: positiveNumber(env.CONTENT_CHECK_TIMEOUT_MS, 3000) });
  const dispatch = createDispatch({
    store,
    calendar: defaultCalendar,
    contentCheck,
    // Photos must be the caller's own uploads in this environment's storage.
    photos: new CloudPhotos(cloudEnvOf(cloud)),
    // Issue 13: checked for type, size and content before any proposal shows them.
    photoCheck: new CloudPhotoCheck(wxMediaApi(cloud)),
    exports: new CloudExportStorage(cloud as unknown as WxCloudFiles), // issue 16
    limits: rateLimitsFromEnv(env),
    // Invitations' mini-program codes (issue 16).
    miniProgramCodes: new WeChatMiniProgramCodes(cloud),
    logError: (error, action) => console.error(`[api] ${action} failed`, error),
  });
  return { cloud, store, contentCheck, calendar: defaultCalendar, dispatch };
}

/** One runtime per function instance, made on first use (loading the function touches nothing). */
export function lazyRuntime(make: () => CloudRuntime): () => CloudRuntime {
  let runtime: CloudRuntime | undefined;
  return () => (runtime ??= make());
}

/** The environment id the function runs in, as its context reports it; undefined outside CloudBase. */
function cloudEnvOf(cloud: WxCloud): string | undefined {
  const env = cloud.getWXContext().ENV;
  return typeof env === 'string' && env.length > 0 ? env : undefined;
}
