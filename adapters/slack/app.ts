/**
 * The Bolt app with everything the bot does wired in: cross-cutting middleware first (ignore
 * bots, answer each event once), then one listener per way of asking.
 */
import { App, type LogLevel, type Logger, type webApi } from '@slack/bolt';
import type { CoreServices } from '../../src/index.ts';
import { registerButtons } from './listeners/buttons.ts';
import { registerDirectMessage } from './listeners/direct-message.ts';
import { registerMention } from './listeners/mention.ts';
import { registerRoadmapCommand } from './listeners/roadmap-command.ts';
import { ignoreBotMessages } from './middleware/ignore-bots.ts';
import { createSeenEvents, type SeenEventsOptions } from './middleware/seen-events.ts';
import { skipRedeliveries } from './middleware/skip-redeliveries.ts';
import type { SlackReceiver } from './receiver.ts';

export interface SlackAppOptions {
  botToken: string;
  receiver: SlackReceiver;
  logger: Logger;
  logLevel: LogLevel;
  clientOptions: webApi.WebClientOptions;
  dedupe?: SeenEventsOptions;
}

export function createSlackApp(core: CoreServices, options: SlackAppOptions): App {
  const app = new App({
    token: options.botToken,
    receiver: options.receiver.receiver,
    logger: options.logger,
    logLevel: options.logLevel,
    clientOptions: options.clientOptions,
    // auth.test runs in `await app.init()`, where its failure can be caught and explained;
    // in the constructor it would be an unhandled rejection.
    deferInitialization: true,
    // The bot keeps no conversation state.
    convoStore: false,
  });
  app.use(ignoreBotMessages);
  app.use(skipRedeliveries(createSeenEvents(options.dedupe), core.log));
  registerMention(app, core);
  registerDirectMessage(app, core);
  registerRoadmapCommand(app, core);
  registerButtons(app, core);
  app.error(async (error) => {
    core.log.error('slack: a listener failed', error);
  });
  return app;
}
