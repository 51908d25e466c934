/**
 * The Slack adapter: `startSlack(core, settings)` connects the core to a Slack workspace with
 * Bolt and hands back a handle to stop it. Routing and knowledge stay in the core; this folder
 * only turns Slack events into questions and Replies into Block Kit.
 */
import { LogLevel, type App, type webApi } from '@slack/bolt';
import type { AddressInfo } from 'node:net';
import { AdapterStartError, type CoreServices, type RunningAdapter, type SlackSettings } from '../../src/index.ts';
import { createSlackApp } from './app.ts';
import { boltLogger } from './bolt-logger.ts';
import type { SeenEventsOptions } from './middleware/seen-events.ts';
import { createReceiver, type SlackReceiver } from './receiver.ts';
import { startError } from './start-errors.ts';

export { renderReply, SLACK_LIMITS } from './blocks.ts';

const DEFAULT_API_URL = 'https://slack.com/api/';
const SLOW_START_MS = 15_000;

export interface SlackStartOptions {
  /**
   * Retries for failed Web API calls. Bolt's default retries one call for about 30 minutes,
   * right for production; tests pass `{ retries: 0 }` so a failure shows at once.
   */
  retryConfig?: webApi.RetryOptions;
  /** Interface the HTTP receiver listens on; all interfaces when unset (tests use 127.0.0.1). */
  host?: string;
  /** Bolt's log level (its lines go to the core logger). Default info. */
  logLevel?: LogLevel;
  /** How event ids are remembered to answer each event once. */
  dedupe?: SeenEventsOptions;
}

export interface RunningSlack extends RunningAdapter {
  mode: 'socket' | 'http';
  /** HTTP mode: the port the receiver listens on (useful with PORT=0). */
  port?: number;
}

/** Checks the bot token, then opens the receiver; returns the HTTP port (HTTP mode). */
async function connect(
  app: App,
  receiver: SlackReceiver,
  settings: SlackSettings,
  options: SlackStartOptions,
  apiUrl: string,
  secrets: string[],
): Promise<number | undefined> {
  try {
    await app.init(); // auth.test with the bot token
  } catch (error) {
    throw startError(error, 'SLACK_BOT_TOKEN', apiUrl, secrets);
  }
  if (receiver.mode === 'http') {
    try {
      const server = await receiver.receiver.start({ port: settings.port, ...(options.host ? { host: options.host } : {}) });
      return (server.address() as AddressInfo).port;
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EADDRINUSE')
        throw new AdapterStartError(`Slack: port ${settings.port} is already in use; set PORT to a free port.`);
      throw startError(error, 'SLACK_BOT_TOKEN', apiUrl, secrets);
    }
  }
  try {
    await receiver.receiver.start(); // apps.connections.open with the app token, then the WebSocket
    return undefined;
  } catch (error) {
    await receiver.receiver.client.disconnect().catch(() => undefined);
    throw startError(error, 'SLACK_APP_TOKEN', apiUrl, secrets);
  }
}

export async function startSlack(core: CoreServices, settings: SlackSettings, options: SlackStartOptions = {}): Promise<RunningSlack> {
  if (!settings.botToken) throw new AdapterStartError('Slack needs SLACK_BOT_TOKEN (the xoxb- bot token).');
  const secrets = [settings.botToken, settings.appToken, settings.signingSecret].filter((s): s is string => !!s);
  const apiUrl = settings.apiUrl ? (settings.apiUrl.endsWith('/') ? settings.apiUrl : `${settings.apiUrl}/`) : DEFAULT_API_URL;
  const logLevel = options.logLevel ?? LogLevel.INFO;
  const logger = boltLogger(core.log, logLevel);
  const clientOptions: webApi.WebClientOptions = {
    ...(settings.apiUrl ? { slackApiUrl: apiUrl } : {}),
    ...(options.retryConfig ? { retryConfig: options.retryConfig } : {}),
  };

  const receiver = createReceiver(settings, logger, logLevel, clientOptions);
  const app = createSlackApp(core, { botToken: settings.botToken, receiver, logger, logLevel, clientOptions, dedupe: options.dedupe });

  // Held Bolt warnings go out after this long even if the start is still under way.
  const slowStart = setTimeout(() => logger.endStartup('emit'), SLOW_START_MS);
  slowStart.unref();
  let port: number | undefined;
  try {
    port = await connect(app, receiver, settings, options, apiUrl, secrets);
    logger.endStartup('emit');
  } catch (error) {
    logger.endStartup('demote');
    throw error;
  } finally {
    clearTimeout(slowStart);
  }
  core.log.info(receiver.mode === 'http' ? `slack: listening for Slack requests on port ${port} at /slack/events` : 'slack: connected in Socket Mode');

  let stopping: Promise<void> | undefined;
  return {
    name: 'slack',
    mode: receiver.mode,
    port,
    stop() {
      stopping ??= (async () => {
        try {
          // SocketModeReceiver.stop() does not wait for the socket to close; the client's disconnect() does.
          if (receiver.mode === 'socket') await receiver.receiver.client.disconnect();
          else await receiver.receiver.stop();
          core.log.info('slack: stopped');
        } catch (error) {
          core.log.warn('slack: error while stopping', error);
        }
      })();
      return stopping;
    },
  };
}
