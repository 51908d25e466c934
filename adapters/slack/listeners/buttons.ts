/**
 * The bot's buttons. Navigation and related-entry buttons carry a core `ref` that
 * `Router.open` turns back into a reply; "Share in channel" carries what rebuilds the reply.
 *
 * Where a followed button answers depends on the message it sits on: on a private (ephemeral)
 * answer it replaces that answer, still private; on a public message it answers in that
 * message's thread, where the conversation already is.
 */
import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { throttledReply, type CoreServices, type Reply } from '../../../src/index.ts';
import { decodeShare, OPEN_ACTION, SHARE_ACTION } from '../action-ids.ts';
import { renderReply } from '../blocks.ts';
import { throttledFor, throttleUsers } from '../middleware/throttle-users.ts';

// Direct-message channel ids start with D; there a plain reply reads better than a thread.
const isDirectMessage = (channel: string) => channel.startsWith('D');

export function registerButtons(app: App, core: CoreServices): void {
  app.action<BlockAction<ButtonAction>>(OPEN_ACTION, throttleUsers(core.throttle), async ({ ack, action, body, respond, client, context }) => {
    await ack();
    const wait = throttledFor(context);
    if (wait !== undefined) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderReply(throttledReply(wait)) });
      return;
    }
    const ref = action.value ?? '';
    const reply: Reply = core.router.open(ref);
    if (body.container?.is_ephemeral === true || !body.message || !body.channel) {
      await respond({ response_type: 'ephemeral', replace_original: true, ...renderReply(reply, { share: reply.answered ? { ref } : undefined }) });
      return;
    }
    const channel = body.channel.id;
    const threadTs = (body.message.thread_ts as string | undefined) ?? (isDirectMessage(channel) ? undefined : body.message.ts);
    await client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...renderReply(reply) });
  });

  app.action<BlockAction<ButtonAction>>(SHARE_ACTION, throttleUsers(core.throttle), async ({ ack, action, body, respond, context }) => {
    await ack();
    const wait = throttledFor(context);
    if (wait !== undefined) {
      await respond({ response_type: 'ephemeral', replace_original: false, ...renderReply(throttledReply(wait)) });
      return;
    }
    const source = decodeShare(action.value);
    if (!source) return;
    const reply = 'ref' in source ? core.router.open(source.ref) : core.router.roadmap(source.roadmap);
    const asked = 'roadmap' in source ? `/roadmap ${source.roadmap}`.trim() : undefined;
    // Post the public copy first, then remove the private one, so a failure never loses both.
    await respond({ response_type: 'in_channel', replace_original: false, ...renderReply(reply, { asked, sharedBy: body.user.id }) });
    await respond({ delete_original: true });
  });
}
