/** The Slack credentials the tests hand the adapter and the fake Slack, and never expect to see in a log line or error. */
export const BOT_TOKEN = 'xoxb-1111-2222-testbottoken';
export const APP_TOKEN = 'xapp-1-A0000001-3333-testapptoken';
export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';

/** For testCore({ secrets: SECRETS }): the logger redacts them, as the launcher's does. */
export const SECRETS = [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET];
