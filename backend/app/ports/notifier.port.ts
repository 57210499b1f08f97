import type { OutboxMessage } from './store.port';

/**
 * Delivers one outbox message to its person. In WeChat a subscribe message
 * (backend/wechat/subscribe.notifier.ts); locally a line in the server's log
 * (backend/local/log.notifier.ts). The delivery job claims, delivers and settles each message,
 * so a notifier only says how this one attempt went:
 * - `sent`: delivered;
 * - `skipped`: there is nothing to send it with (no template for its kind), never tried again;
 * - `refused`: the person has not allowed it (no subscription grant), never tried again;
 * - `failed`: it can never be delivered (a bad recipient or template), never tried again;
 * - `retry`: it may go through later (the service is down): tried again by a later run.
 */
export type DeliveryAttempt = { outcome: 'sent' } | { outcome: 'skipped' | 'refused' | 'failed' | 'retry'; detail: string };

export interface Notifier {
  deliver(message: OutboxMessage): Promise<DeliveryAttempt>;
}
