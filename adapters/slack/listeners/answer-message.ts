/**
 * Answers a question typed in a conversation (a mention or a direct message): the reply is
 * posted where the question was, and a throttled user gets a note only they can see.
 */
import type { Context, webApi } from '@slack/bolt';
import { throttledReply, type CoreServices } from '../../../src/index.ts';
import { renderReply } from '../blocks.ts';
import { questionFromSlackText } from '../incoming-text.ts';
import { throttledFor } from '../middleware/throttle-users.ts';

export interface IncomingMessage {
  channel: string;
  user: string | undefined;
  /** Raw Slack text, still encoded. */
  text: string | undefined;
  /** Where the answer goes: a thread's ts, or undefined to answer in the conversation itself. */
  threadTs: string | undefined;
}

export async function answerMessage(core: CoreServices, client: webApi.WebClient, context: Context, message: IncomingMessage): Promise<void> {
  const wait = throttledFor(context);
  if (wait !== undefined) {
    if (!message.user) return;
    await client.chat.postEphemeral({
      channel: message.channel,
      user: message.user,
      ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
      ...renderReply(throttledReply(wait)),
    });
    return;
  }
  const question = questionFromSlackText(message.text, context.botUserId);
  await client.chat.postMessage({
    channel: message.channel,
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    ...renderReply(core.router.answer(question)),
  });
}
