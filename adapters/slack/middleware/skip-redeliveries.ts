/**
 * Global middleware: answers each Slack event once. Slack redelivers an event when it thinks
 * the first delivery failed (HTTP: `X-Slack-Retry-Num`; Socket Mode: `retry_attempt`), and
 * Bolt runs the listeners again for every copy. Events are acknowledged before this runs, so
 * a skipped copy still gets its 200 and Slack stops retrying.
 *
 * Two checks, because either alone leaves a gap: a retry number > 0 is skipped even when this
 * process never saw the first copy (it may have been answered by a process that restarted:
 * a missed answer is better than a double one), and a repeated `event_id` is skipped even when
 * it arrives without a retry number.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../../src/index.ts';
import type { SeenEvents } from './seen-events.ts';

export function skipRedeliveries(seen: SeenEvents, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if ((context.retryNum ?? 0) > 0) {
      log.debug(`slack: skipped redelivery ${String(eventId ?? '')} (retry ${context.retryNum}, ${context.retryReason ?? 'no reason'})`);
      return;
    }
    if (typeof eventId === 'string' && !seen.firstTime(eventId)) {
      log.debug(`slack: skipped duplicate event ${eventId}`);
      return;
    }
    await next();
  };
}
