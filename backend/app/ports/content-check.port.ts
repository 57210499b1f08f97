/**
 * The content check for text that people type (proposals, comments, answers, ratings). In WeChat
 * it is `security.msgSecCheck` v2 (suggest: pass / review / risky); locally a word list.
 * Fail closed: a check that is unsure or unreachable never lets a comment be published unseen.
 */
export type ContentVerdict = 'pass' | 'review' | 'risky';

export interface ContentCheck {
  /** Resolves `review` when the checker cannot decide; rejects when it cannot be reached. */
  check(text: string, context: { openid: string; scene: 'proposal' | 'comment' | 'reply' | 'rating' }): Promise<ContentVerdict>;
}
