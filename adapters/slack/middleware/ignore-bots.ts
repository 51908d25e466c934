/**
 * Global middleware: drops events written by bots. Bolt's built-in `ignoreSelf` already drops
 * our own messages; this also drops other bots' (an integration that @mentions us, a bot in
 * a DM), so two bots can never answer each other in a loop.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

interface MaybeBotEvent {
  bot_id?: string;
  subtype?: string;
}

export const ignoreBotMessages: Middleware<AnyMiddlewareArgs> = async (args) => {
  const event = 'event' in args ? (args.event as MaybeBotEvent | undefined) : undefined;
  if (event && (event.bot_id || event.subtype === 'bot_message')) return;
  await args.next();
};
