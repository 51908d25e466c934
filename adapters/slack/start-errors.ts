/**
 * Start-up failures as one line a person can act on. Bolt's own errors (auth.test answering
 * invalid_auth, a connection refused) otherwise surface as stack traces, or as an unhandled
 * rejection that kills the process. No token ever appears in the line.
 */
import { AdapterStartError, redact } from '../../src/index.ts';

interface WebApiErrorShape {
  code?: unknown;
  data?: { error?: unknown };
  original?: { message?: unknown };
  statusCode?: unknown;
  message?: unknown;
}

/** Which credential the failing call used, to name it in the message. */
export type Credential = 'SLACK_BOT_TOKEN' | 'SLACK_APP_TOKEN';

export function startError(error: unknown, credential: Credential, apiUrl: string, secrets: string[]): AdapterStartError {
  const e = (error ?? {}) as WebApiErrorShape;
  let line: string;
  switch (e.code) {
    case 'slack_webapi_platform_error':
      line = `Slack rejected ${credential} (${String(e.data?.error ?? 'unknown error')}): check the token in .env, or reinstall the app to the workspace.`;
      break;
    case 'slack_webapi_request_error':
      line = `Slack: could not reach the Web API at ${apiUrl} (${String(e.original?.message ?? e.message)}).`;
      break;
    case 'slack_webapi_http_error':
      line = `Slack: the Web API at ${apiUrl} answered HTTP ${String(e.statusCode)} while checking ${credential}.`;
      break;
    default:
      line = `Slack: could not start (${error instanceof Error ? error.message : String(error)}).`;
  }
  return new AdapterStartError(redact(line.replace(/\s*\n\s*/g, ' '), secrets));
}
