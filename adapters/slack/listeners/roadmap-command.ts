/**
 * `/roadmap`, `/roadmap <stage>` and `/roadmap <any question>`: acknowledged at once (Slack
 * allows 3 seconds), then answered to the user only through the response_url, with a button
 * to share the answer in the channel. `Router.roadmap(arg)` decides which of the three it is.
 */
import type { App } from '@slack/bolt';
import { throttledReply, type CoreServices } from '../../../src/index.ts';
import { renderReply } from '../blocks.ts';
import { questionFromSlackText } from '../incoming-text.ts';
import { throttledFor, throttleUsers } from '../middleware/throttle-users.ts';

export const ROADMAP_COMMAND = '/roadmap';

export function registerRoadmapCommand(app: App, core: CoreServices): void {
  app.command(ROADMAP_COMMAND, throttleUsers(core.throttle), async ({ command, ack, respond, context }) => {
    await ack();
    const arg = questionFromSlackText(command.text);
    const wait = throttledFor(context);
    const reply = wait !== undefined ? throttledReply(wait) : core.router.roadmap(arg);
    await respond({
      response_type: 'ephemeral',
      ...renderReply(reply, {
        asked: `${ROADMAP_COMMAND} ${arg}`.trim(),
        share: reply.answered ? { roadmap: arg } : undefined,
      }),
    });
  });
}
