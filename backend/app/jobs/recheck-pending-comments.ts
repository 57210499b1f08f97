import type { Clock } from '../ports/clock.port';
import type { ContentCheck } from '../ports/content-check.port';
import type { Cursor, Store } from '../ports/store.port';
import { commentChain } from '../proposals';

/** Who the audit trail names for what a job decides. */
export const JOBS_ACTOR = 'system:cron';

export interface RecheckReport {
  published: number;
  hidden: number;
  kept: number;
}

/**
 * Asks the content check again about the comments it held back (`pending`), those of the last
 * `maxAgeDays` days: one it now passes is published; one it finds risky is hidden (it would have
 * been refused); unsure or unreachable leaves it for a community worker (fail closed, R-PUB-2).
 */
export async function recheckPendingComments(
  ports: { store: Store; contentCheck: ContentCheck; clock: Clock },
  options: { maxAgeDays?: number; maxComments?: number } = {},
): Promise<RecheckReport> {
  const { store, contentCheck } = ports;
  const now = ports.clock.now();
  const maxComments = options.maxComments ?? 50;
  const since = new Date(now.getTime() - (options.maxAgeDays ?? 3) * 86_400_000).toISOString();
  const report: RecheckReport = { published: 0, hidden: 0, kept: 0 };
  let after: Cursor | undefined = { createdAt: since, id: '' };
  let checked = 0;
  while (checked < maxComments) {
    const slice = await store.listPendingComments(after, Math.min(50, maxComments - checked));
    for (const comment of slice.items) {
      checked += 1;
      const verdict = await contentCheck.check(comment.text, { openid: comment.authorOpenid, scene: 'comment' }).catch(() => 'review' as const);
      if (verdict === 'review') {
        report.kept += 1;
        continue;
      }
      const status = verdict === 'pass' ? 'published' : 'hidden';
      const moderated = await store.moderateComment({
        commentId: comment.id,
        publish: verdict === 'pass',
        at: now.toISOString(),
        audit: {
          chainId: commentChain(comment.proposalId),
          at: now.toISOString(),
          actor: JOBS_ACTOR,
          action: 'comment.moderate',
          from: null,
          to: null,
          detail: { commentId: comment.id, status, by: 'content-check' },
        },
      });
      // A worker may have decided meanwhile: then theirs stands.
      if (moderated.ok) report[verdict === 'pass' ? 'published' : 'hidden'] += 1;
    }
    const last = slice.items[slice.items.length - 1];
    if (!slice.more || !last) break;
    after = { createdAt: last.createdAt, id: last.id };
  }
  return report;
}
