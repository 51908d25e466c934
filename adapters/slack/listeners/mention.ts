/**
 * `@roadmap-bot what comes after git?` in a channel: answered in a thread under the message,
 * or in the same thread when the mention is already in one (Bolt's `say` does not thread).
 */
import type { App } from '@slack/bolt';
import type { CoreServices } from '../../../src/index.ts';
import { throttleUsers } from '../middleware/throttle-users.ts';
import { answerMessage } from './answer-message.ts';

export function registerMention(app: App, core: CoreServices): void {
  app.event('app_mention', throttleUsers(core.throttle), async ({ event, context, client }) => {
    // In a 1:1 DM (channel ids starting with D) the direct-message listener answers already.
    if (event.channel.startsWith('D')) return;
    await answerMessage(core, client, context, {
      channel: event.channel,
      user: event.user,
      text: event.text,
      threadTs: event.thread_ts ?? event.ts,
    });
  });
}
