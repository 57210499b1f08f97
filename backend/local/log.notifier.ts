import type { DeliveryAttempt, Notifier } from '../app/ports/notifier.port';
import type { OutboxMessage } from '../app/ports/store.port';

/**
 * The notifier of the local door: a message is delivered by writing it to the server's log, one
 * line each, `[outbox] to <openid>: <kind> <payload>` (the reliability suite counts these lines).
 */
export class LogNotifier implements Notifier {
  constructor(private readonly log: (line: string) => void) {}

  async deliver(message: OutboxMessage): Promise<DeliveryAttempt> {
    this.log(`[outbox] to ${message.recipientOpenid}: ${message.kind} ${JSON.stringify(message.payload)}`);
    return { outcome: 'sent' };
  }
}
