import type { ContentCheck, ContentVerdict } from '../app/ports/content-check.port';
import { normalizeText } from './normalize-text';
import { errCodeOf, type MsgSecCheckRequest, type WxOpenApi } from './wx-cloud';

/**
 * The content check in WeChat: `security.msgSecCheck` v2. Its answer `result.suggest` is pass,
 * review or risky — with errcode 0 even when risky, so the suggestion is what counts. An error
 * answer, a rejection or no answer within the timeout rejects (the port's "cannot be reached"):
 * the use cases then treat the text as `review` — a comment waits for a community worker, a
 * rating's words are not kept (fail closed). WeChat is asked about the text as a reader sees it
 * (normalize-text.ts: full-width forms folded, invisible characters removed, traditional made
 * simplified), so that a word split by a soft hyphen reaches it whole.
 */

export class ContentCheckUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentCheckUnavailable';
  }
}

/** msgSecCheck's scenes: a proposal is a post (论坛); everything else a comment (评论). */
const SCENES: Record<'proposal' | 'comment' | 'reply' | 'rating', MsgSecCheckRequest['scene']> = {
  proposal: 3,
  comment: 2,
  reply: 2,
  rating: 2,
};

/** msgSecCheck takes at most 2500 characters: longer text is checked in parts, the worst counts. */
const MAX_CONTENT = 2500;

const SEVERITY: Record<ContentVerdict, number> = { pass: 0, review: 1, risky: 2 };

export interface WeChatContentCheckOptions {
  /** How long to wait for WeChat, in ms (3 s by default). */
  timeoutMs?: number;
}

export class WeChatContentCheck implements ContentCheck {
  private readonly timeoutMs: number;

  /** `security` is `cloud.openapi.security` (a getter, so the SDK is asked only when needed). */
  constructor(
    private readonly security: () => WxOpenApi['security'],
    options: WeChatContentCheckOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 3000;
  }

  async check(text: string, context: { openid: string; scene: 'proposal' | 'comment' | 'reply' | 'rating' }): Promise<ContentVerdict> {
    const characters = Array.from(normalizeText(text));
    let worst: ContentVerdict = 'pass';
    for (let start = 0; start < Math.max(1, characters.length); start += MAX_CONTENT) {
      const verdict = await this.checkPart(characters.slice(start, start + MAX_CONTENT).join(''), context);
      if (SEVERITY[verdict] > SEVERITY[worst]) worst = verdict;
      if (worst === 'risky') break;
    }
    return worst;
  }

  private async checkPart(content: string, context: { openid: string; scene: keyof typeof SCENES }): Promise<ContentVerdict> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new ContentCheckUnavailable(`msgSecCheck gave no answer in ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      const answer = await Promise.race([
        this.security().msgSecCheck({ openid: context.openid, scene: SCENES[context.scene], version: 2, content }),
        timeout,
      ]);
      const code = answer?.errCode ?? answer?.errcode ?? 0;
      if (code !== 0) throw new ContentCheckUnavailable(`msgSecCheck answered errcode ${code}`);
      const suggest = answer.result?.suggest;
      // An answer we do not know is not a pass.
      return suggest === 'pass' || suggest === 'review' || suggest === 'risky' ? suggest : 'review';
    } catch (error) {
      if (error instanceof ContentCheckUnavailable) throw error;
      throw new ContentCheckUnavailable(`msgSecCheck failed (errcode ${errCodeOf(error) ?? 'none'}): ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }
}
