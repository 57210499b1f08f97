/**
 * A fake `wx` for the built mini-program: it records every call, answers like WeChat (success /
 * fail / complete callbacks, errMsg `name:ok`) and can be told to fail a call the way WeChat does
 * (privacy refusal errno 104, 112 not declared, user cancel …). Calls that cross to the server
 * (`wx.cloud.callFunction`) are answered by the host's `callFunction`. Only what crosses the
 * process boundary to WeChat is faked; the mini-program's own code runs as built.
 */

export interface WxCall {
  api: string;
  options: Record<string, any>;
}

export interface WxFailure {
  errMsg: string;
  errno?: number;
}

export interface FakeWxHost {
  callFunction(name: string, data: unknown): Promise<unknown>;
  /** Navigation is applied by the harness (it opens the page). */
  navigate(kind: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack', url: string | undefined, delta?: number): void;
  /** Issue 13: what an upload puts in cloud storage (the server reads it back to check it). */
  stored?(fileID: string): void;
}

export interface FakeWx {
  wx: Record<string, unknown>;
  calls: WxCall[];
  callsOf(api: string): Record<string, any>[];
  /** The next calls of `api` fail with this (until `succeed(api)`). */
  fail(api: string, failure: WxFailure): void;
  succeed(api: string): void;
  /** What a successful call of `api` answers (besides errMsg). */
  answer(api: string, result: Record<string, unknown> | ((options: Record<string, any>) => Record<string, unknown>)): void;
  storage: Map<string, unknown>;
  /** Files written to the user folder (wx.getFileSystemManager().writeFileSync), by path. */
  files: Map<string, string>;
  /** Toasts and modals as the user saw them. */
  toasts(): string[];
  modals(): { title?: string; content?: string }[];
  /** The handler the app gave wx.onNeedPrivacyAuthorization, if any. */
  privacyHandler(): ((resolve: (result: { event: string; buttonId?: string }) => void, event: { referrer: string }) => void) | undefined;
}

const WINDOW = { windowWidth: 375, windowHeight: 812, screenWidth: 375, screenHeight: 812, pixelRatio: 2, statusBarHeight: 44 };

export function createFakeWx(host: FakeWxHost): FakeWx {
  const calls: WxCall[] = [];
  const failures = new Map<string, WxFailure>();
  const answers = new Map<string, Record<string, unknown> | ((options: Record<string, any>) => Record<string, unknown>)>();
  const storage = new Map<string, unknown>();
  const files = new Map<string, string>();
  let privacyHandler: ReturnType<FakeWx['privacyHandler']>;

  /** An asynchronous API: success/fail/complete callbacks, as WeChat calls them (never synchronously). */
  function asyncApi(api: string, defaultAnswer: (options: Record<string, any>) => Record<string, unknown> | Promise<Record<string, unknown>> = () => ({})) {
    return (options: Record<string, any> = {}): Promise<unknown> | undefined => {
      calls.push({ api, options });
      const failure = failures.get(api);
      const outcome = new Promise<{ ok: boolean; value: Record<string, unknown> }>((resolve) => {
        setTimeout(async () => {
          if (failure) return resolve({ ok: false, value: { ...failure } });
          try {
            const configured = answers.get(api);
            const answer = configured ? (typeof configured === 'function' ? configured(options) : configured) : await defaultAnswer(options);
            resolve({ ok: true, value: { errMsg: `${api}:ok`, ...answer } });
          } catch (error) {
            resolve({ ok: false, value: { errMsg: `${api}:fail ${error instanceof Error ? error.message : String(error)}` } });
          }
        }, 0);
      });
      const callbacks = ['success', 'fail', 'complete'].some((name) => typeof options[name] === 'function');
      if (callbacks) {
        void outcome.then(({ ok, value }) => {
          (ok ? options.success : options.fail)?.(value);
          options.complete?.(value);
        });
        return undefined;
      }
      // Without callbacks, WeChat's promise style: resolves with the answer, rejects with the error.
      return outcome.then(({ ok, value }) => (ok ? value : Promise.reject(value)));
    };
  }

  function syncApi<T>(api: string, body: (...args: any[]) => T) {
    return (...args: any[]) => {
      calls.push({ api, options: { args } });
      const failure = failures.get(api);
      if (failure) throw new Error(failure.errMsg);
      return body(...args);
    };
  }

  const navigation = (kind: Parameters<FakeWxHost['navigate']>[0]) =>
    asyncApi(kind, (options) => {
      host.navigate(kind, options.url, options.delta);
      return {};
    });

  const wx: Record<string, unknown> = {
    cloud: {
      init: syncApi('cloud.init', () => undefined),
      callFunction: asyncApi('cloud.callFunction', async (options) => ({ result: await host.callFunction(options.name, options.data) })),
      uploadFile: asyncApi('cloud.uploadFile', (options) => {
        const fileID = `cloud://weishishi-test-7g2k.7765-weishishi/${options.cloudPath}`;
        host.stored?.(fileID);
        return { fileID, statusCode: 204 };
      }),
      deleteFile: asyncApi('cloud.deleteFile', (options) => ({ fileList: (options.fileList ?? []).map((fileID: string) => ({ fileID, status: 0 })) })),
      // Archive papers (issue 18): a PDF opened from cloud storage
      downloadFile: asyncApi('cloud.downloadFile', () => ({ tempFilePath: 'wxfile://tmp_paper.pdf', statusCode: 200 })),
    },
    getStorageSync: syncApi('getStorageSync', (key: string) => storage.get(key) ?? ''),
    setStorageSync: syncApi('setStorageSync', (key: string, value: unknown) => void storage.set(key, value)),
    removeStorageSync: syncApi('removeStorageSync', (key: string) => void storage.delete(key)),
    getSystemInfoSync: syncApi('getSystemInfoSync', () => ({ ...WINDOW, platform: 'devtools', SDKVersion: '3.7.0', language: 'zh_CN', version: '8.0.50' })),
    getWindowInfo: syncApi('getWindowInfo', () => WINDOW),
    getAppBaseInfo: syncApi('getAppBaseInfo', () => ({ SDKVersion: '3.7.0', language: 'zh_CN', version: '8.0.50', theme: 'light' })),
    getDeviceInfo: syncApi('getDeviceInfo', () => ({ platform: 'devtools', system: 'iOS 17.0', brand: 'devtools', model: 'iPhone' })),
    getMenuButtonBoundingClientRect: syncApi('getMenuButtonBoundingClientRect', () => ({ top: 48, bottom: 80, left: 281, right: 368, width: 87, height: 32 })),
    getLaunchOptionsSync: syncApi('getLaunchOptionsSync', () => ({ path: 'pages/home/index', query: {}, scene: 1001 })),
    getEnterOptionsSync: syncApi('getEnterOptionsSync', () => ({ path: 'pages/home/index', query: {}, scene: 1001 })),
    nextTick: (callback: () => void) => setTimeout(callback, 0),
    onNeedPrivacyAuthorization: syncApi('onNeedPrivacyAuthorization', (handler: typeof privacyHandler) => {
      privacyHandler = handler;
    }),
    canIUse: () => true,
    navigateTo: navigation('navigateTo'),
    redirectTo: navigation('redirectTo'),
    switchTab: navigation('switchTab'),
    reLaunch: navigation('reLaunch'),
    navigateBack: navigation('navigateBack'),
    showToast: asyncApi('showToast'),
    hideToast: asyncApi('hideToast'),
    showLoading: asyncApi('showLoading'),
    hideLoading: asyncApi('hideLoading'),
    showModal: asyncApi('showModal', () => ({ confirm: true, cancel: false })),
    showActionSheet: asyncApi('showActionSheet', () => ({ tapIndex: 0 })),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh'),
    pageScrollTo: asyncApi('pageScrollTo'),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle'),
    setClipboardData: asyncApi('setClipboardData'),
    chooseMedia: asyncApi('chooseMedia', () => ({ type: 'image', tempFiles: [{ tempFilePath: 'wxfile://tmp_photo_1.jpg', size: 812_000, fileType: 'image' }] })),
    chooseImage: asyncApi('chooseImage', () => ({ tempFilePaths: ['wxfile://tmp_photo_1.jpg'], tempFiles: [{ path: 'wxfile://tmp_photo_1.jpg', size: 812_000 }] })),
    compressImage: asyncApi('compressImage', (options) => ({ tempFilePath: String(options.src).replace(/(\.\w+)$/, '_compressed$1') })),
    getFileInfo: asyncApi('getFileInfo', () => ({ size: 240_000 })),
    previewImage: asyncApi('previewImage'),
    chooseLocation: asyncApi('chooseLocation', () => ({ name: '中英街历史博物馆', address: '深圳市盐田区沙头角中英街', latitude: 22.55, longitude: 114.23 })),
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', (options) => Object.fromEntries((options.tmplIds ?? []).map((id: string) => [id, 'accept']))),
    getPrivacySetting: asyncApi('getPrivacySetting', () => ({ needAuthorization: false, privacyContractName: '《民生微实事小程序隐私保护指引》' })),
    openPrivacyContract: asyncApi('openPrivacyContract'),
    requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize'),
    downloadFile: asyncApi('downloadFile', () => ({ tempFilePath: 'wxfile://tmp_download.xlsx', statusCode: 200 })),
    openDocument: asyncApi('openDocument'),
    // Issue 17: me.export saved as a file and sent to a chat.
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getFileSystemManager: () => ({
      writeFileSync: syncApi('fs.writeFileSync', (filePath: string, data: string) => void files.set(filePath, data)),
    }),
    shareFileMessage: asyncApi('shareFileMessage'),
    // Notifications: the 消息 tab's unread badge.
    setTabBarBadge: asyncApi('setTabBarBadge'),
    removeTabBarBadge: asyncApi('removeTabBarBadge'),
    // Archive papers (issue 18): a PDF forwarded into a chat
    chooseMessageFile: asyncApi('chooseMessageFile', () => ({ tempFiles: [{ path: 'wxfile://tmp_paper.pdf', size: 120_000, name: '议事会会议记录.pdf', type: 'file', time: 0 }] })),
    createSelectorQuery: () => {
      const query = { in: () => query, select: () => query, selectAll: () => query, selectViewport: () => query, boundingClientRect: () => query, scrollOffset: () => query, fields: () => query, exec: (cb?: (r: unknown[]) => void) => cb?.([]) };
      return query;
    },
    createIntersectionObserver: () => ({ relativeToViewport: () => ({ observe: () => undefined }), observe: () => undefined, disconnect: () => undefined }),
    onAppShow: () => undefined,
    onAppHide: () => undefined,
    offAppShow: () => undefined,
    offAppHide: () => undefined,
    onWindowResize: () => undefined,
    offWindowResize: () => undefined,
    reportAnalytics: () => undefined,
  };

  return {
    wx,
    calls,
    callsOf: (api) => calls.filter((call) => call.api === api).map((call) => call.options),
    fail: (api, failure) => void failures.set(api, failure),
    succeed: (api) => void failures.delete(api),
    answer: (api, result) => void answers.set(api, result),
    storage,
    files,
    toasts: () => calls.filter((call) => call.api === 'showToast').map((call) => String(call.options.title)),
    modals: () => calls.filter((call) => call.api === 'showModal').map((call) => ({ title: call.options.title, content: call.options.content })),
    privacyHandler: () => privacyHandler,
  };
}
