/**
 * A direct message to the bot (a `message` event with channel_type "im"): answered in the DM,
 * threaded only when the question was. Edits, joins and other subtyped messages are not
 * questions and are left alone.
 */
import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { CoreServices } from '../../../src/index.ts';
import { throttleUsers } from '../middleware/throttle-users.ts';
import { answerMessage } from './answer-message.ts';

interface MessageFields {
  channel_type?: string;
  subtype?: string;
  user?: string;
}

const onlyUserDirectMessages: Middleware<AnyMiddlewareArgs> = async (args) => {
  const event = 'event' in args ? (args.event as MessageFields) : undefined;
  if (event?.channel_type === 'im' && event.subtype === undefined && event.user) await args.next();
};

export function registerDirectMessage(app: App, core: CoreServices): void {
  app.message(onlyUserDirectMessages, throttleUsers(core.throttle), async ({ message, context, client }) => {
    const m = message as { channel: string; user?: string; text?: string; thread_ts?: string };
    await answerMessage(core, client, context, { channel: m.channel, user: m.user, text: m.text, threadTs: m.thread_ts });
  });
}
