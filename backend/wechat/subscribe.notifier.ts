import type { DeliveryAttempt, Notifier } from '../app/ports/notifier.port';
import type { OutboxMessage } from '../app/ports/store.port';
import { subscribeMessageFor, type SubscribeTemplates } from './subscribe-messages';
import { errCodeOf, type SubscribeMessageRequest } from './wx-cloud';

/** The user has not granted (or has used up) the subscription: WeChat refuses the message. */
export const REFUSED_GRANT = 43101;
/** Answers that no retry can change: a bad openid, template, data or page. */
const PERMANENT_ERRORS = new Set([40003, 40037, 47003, 41030]);

/**
 * The notifier of the WeChat door: an outbox message as a subscribe message
 * (`cloud.openapi.subscribeMessage.send`). A kind without a configured template is skipped; a
 * refused grant (43101) is refused; an answer no retry can change is failed; anything else
 * (the service down, a timeout) may go through later.
 */
export class SubscribeNotifier implements Notifier {
  constructor(
    private readonly send: (request: SubscribeMessageRequest) => Promise<unknown>,
    private readonly templates: SubscribeTemplates,
    private readonly options: { miniprogramState?: SubscribeMessageRequest['miniprogramState'] } = {},
  ) {}

  async deliver(message: OutboxMessage): Promise<DeliveryAttempt> {
    const request = subscribeMessageFor(message, this.templates, { miniprogramState: this.options.miniprogramState });
    if (!request) return { outcome: 'skipped', detail: `no template for ${message.kind}` };
    try {
      await this.send(request);
      return { outcome: 'sent' };
    } catch (error) {
      const code = errCodeOf(error);
      const detail = `errCode ${code ?? 'none'}: ${error instanceof Error ? error.message : String((error as { errMsg?: string })?.errMsg ?? error)}`;
      if (code === REFUSED_GRANT) return { outcome: 'refused', detail };
      if (code !== null && PERMANENT_ERRORS.has(code)) return { outcome: 'failed', detail };
      return { outcome: 'retry', detail };
    }
  }
}
