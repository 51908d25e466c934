/**
 * The way Slack reaches the bot. Socket Mode when there is an app-level token: the bot dials
 * out over a WebSocket, so no public URL is needed. Otherwise Bolt's HTTP receiver, which
 * verifies every request's signature with the signing secret (401 and a log line when it fails).
 */
import { HTTPReceiver, SocketModeReceiver, type LogLevel, type Logger, type webApi } from '@slack/bolt';
import { AdapterStartError, type SlackSettings } from '../../src/index.ts';

export type SlackReceiver = { mode: 'socket'; receiver: SocketModeReceiver } | { mode: 'http'; receiver: HTTPReceiver };

export function createReceiver(settings: SlackSettings, logger: Logger, logLevel: LogLevel, clientOptions: webApi.WebClientOptions): SlackReceiver {
  if (settings.appToken) {
    return {
      mode: 'socket',
      receiver: new SocketModeReceiver({
        appToken: settings.appToken,
        logger,
        logLevel,
        // apps.connections.open goes through these options too (API URL and retries); a copy,
        // because the Socket Mode client fills in defaults on the object it is given.
        installerOptions: { clientOptions: { ...clientOptions } },
      }),
    };
  }
  if (!settings.signingSecret)
    throw new AdapterStartError('Slack needs SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode).');
  return {
    mode: 'http',
    receiver: new HTTPReceiver({ signingSecret: settings.signingSecret, port: settings.port, logger, logLevel }),
  };
}
