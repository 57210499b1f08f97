/**
 * The parts of `wx-server-sdk`'s `cloud` object the backend uses, typed structurally so that the
 * cloud functions, the WeChat services and the tests' stand-in agree on one shape.
 */

export interface WxContext {
  OPENID?: string;
  APPID?: string;
  UNIONID?: string;
  /** The environment id the function runs in. */
  ENV?: string;
}

export interface MsgSecCheckRequest {
  openid: string;
  /** 1 资料, 2 评论, 3 论坛, 4 社交日志. */
  scene: 1 | 2 | 3 | 4;
  version: 2;
  content: string;
}

export interface MsgSecCheckAnswer {
  errCode?: number;
  errcode?: number;
  errMsg?: string;
  result?: { suggest?: string; label?: number };
}

export interface SubscribeMessageRequest {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState?: 'developer' | 'trial' | 'formal';
  lang?: 'zh_CN';
}

export interface WxOpenApi {
  security: {
    msgSecCheck(request: MsgSecCheckRequest): Promise<MsgSecCheckAnswer>;
    /** Issue 13: WeChat's check of an image (rejects with errCode 87014 for risky content). */
    imgSecCheck?(request: { media: { contentType: string; value: Buffer } }): Promise<{ errCode?: number }>;
  };
  subscribeMessage: { send(request: SubscribeMessageRequest): Promise<{ errCode?: number; errMsg?: string }> };
}

export interface WxCloud {
  init(options?: Record<string, unknown>): void;
  DYNAMIC_CURRENT_ENV: unknown;
  getWXContext(): WxContext;
  database(config?: Record<string, unknown>): unknown;
  openapi: WxOpenApi;
  // Issue 13: cloud storage, for checking and removing uploaded photos.
  downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer }>;
  deleteFile(options: { fileList: string[] }): Promise<{ fileList?: { fileID: string; status: number; errMsg?: string }[] }>;
}

/** The error code an openapi call rejected with (wx-server-sdk puts it on `errCode`). */
export function errCodeOf(error: unknown): number | null {
  if (error && typeof error === 'object') {
    const { errCode, errcode } = error as { errCode?: unknown; errcode?: unknown };
    const code = errCode ?? errcode;
    if (typeof code === 'number') return code;
    if (typeof code === 'string' && /^-?\d+$/.test(code)) return Number(code);
  }
  return null;
}
