/**
 * What Slack sends to an app, built and signed the way Slack does: Events API callbacks
 * (JSON), slash commands and block actions (form-encoded), each signed with
 * `v0=HMAC-SHA256(secret, "v0:<timestamp>:<raw body>")`.
 */
import { createHmac } from 'node:crypto';
import { BOT_USER_ID, TEAM_ID } from './fake-slack.ts';

export interface Signing {
  secret: string;
  /** Unix seconds; default now. */
  timestamp?: number;
  /** Replace the computed signature (to test a forged request). */
  signature?: string;
  /** Sent as X-Slack-Retry-Num / X-Slack-Retry-Reason. */
  retryNum?: number;
}

export function sign(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface SlackHttpResponse {
  status: number;
  body: string;
}

/** POSTs a raw body to the app's Request URL with Slack's headers. */
export async function postSigned(url: string, rawBody: string, contentType: string, signing: Signing): Promise<SlackHttpResponse> {
  const timestamp = signing.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': signing.signature ?? sign(signing.secret, timestamp, rawBody),
  };
  if (signing.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(signing.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const res = await fetch(url, { method: 'POST', headers, body: rawBody });
  return { status: res.status, body: await res.text() };
}

export const postEvent = (url: string, body: object, signing: Signing) => postSigned(url, JSON.stringify(body), 'application/json', signing);

export const postForm = (url: string, fields: Record<string, string>, signing: Signing) =>
  postSigned(url, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', signing);

let sequence = 0;
/** A fresh message timestamp ("1700000000.000123"). */
export const nextTs = () => `1700000000.${String(++sequence).padStart(6, '0')}`;

/** Encodes typed text the way Slack delivers it in events: &, <, > as entities. */
export const slackEncode = (typed: string) => typed.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An Events API envelope around `event`. */
export function eventCallback(event: Record<string, unknown>, eventId = `Ev${++sequence}`): Record<string, unknown> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    api_app_id: 'A0000001',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    event,
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export interface MentionOptions {
  user?: string;
  channel?: string;
  ts?: string;
  threadTs?: string;
  botId?: string;
}

/** `@roadmap-bot <typed>` in a channel, as an app_mention event. */
export function appMention(typed: string, o: MentionOptions = {}): Record<string, unknown> {
  const ts = o.ts ?? nextTs();
  return {
    type: 'app_mention',
    user: o.user ?? 'U0STUDENT',
    text: `<@${BOT_USER_ID}> ${slackEncode(typed)}`,
    ts,
    event_ts: ts,
    channel: o.channel ?? 'C0STUDY',
    ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    ...(o.botId ? { bot_id: o.botId } : {}),
  };
}

/** A direct message to the bot. */
export function directMessage(typed: string, o: MentionOptions & { subtype?: string } = {}): Record<string, unknown> {
  const ts = o.ts ?? nextTs();
  return {
    type: 'message',
    channel_type: 'im',
    channel: o.channel ?? 'D0STUDENT',
    user: o.user ?? 'U0STUDENT',
    text: slackEncode(typed),
    ts,
    event_ts: ts,
    ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
    ...(o.subtype ? { subtype: o.subtype } : {}),
    ...(o.botId ? { bot_id: o.botId } : {}),
  };
}

/** The form Slack posts for `/roadmap <text>`. */
export function slashCommand(text: string, responseUrl: string, user = 'U0STUDENT'): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    team_domain: 'study-group',
    channel_id: 'C0STUDY',
    channel_name: 'backend-study',
    user_id: user,
    user_name: 'student',
    command: '/roadmap',
    text: slackEncode(text),
    api_app_id: 'A0000001',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: `trigger-${++sequence}`,
  };
}

/** A button as it appears in blocks the bot sent. */
export interface SentButton {
  action_id: string;
  value?: string;
  text: { text: string };
}

export interface ClickOptions {
  responseUrl: string;
  user?: string;
  channel?: string;
  /** The message the button sits on: ephemeral (only the user sees it) or a public one. */
  message: { ephemeral: true } | { ephemeral: false; ts: string; threadTs?: string };
}

/** The form Slack posts when someone clicks `button`. */
export function buttonClick(button: SentButton, o: ClickOptions): Record<string, string> {
  const channel = o.channel ?? 'C0STUDY';
  const messageTs = o.message.ephemeral ? nextTs() : o.message.ts;
  const payload = {
    type: 'block_actions',
    user: { id: o.user ?? 'U0STUDENT', username: 'student', name: 'student', team_id: TEAM_ID },
    api_app_id: 'A0000001',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: messageTs, channel_id: channel, is_ephemeral: o.message.ephemeral },
    trigger_id: `trigger-${++sequence}`,
    team: { id: TEAM_ID, domain: 'study-group' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channel, name: 'backend-study' },
    ...(o.message.ephemeral
      ? {}
      : { message: { type: 'message', user: BOT_USER_ID, bot_id: 'BBOT0001', ts: o.message.ts, text: 'fallback', ...(o.message.threadTs ? { thread_ts: o.message.threadTs } : {}) } }),
    state: { values: {} },
    response_url: o.responseUrl,
    actions: [
      { action_id: button.action_id, block_id: 'b1', text: { type: 'plain_text', text: button.text.text, emoji: true }, value: button.value, type: 'button', action_ts: `${Date.now() / 1000}` },
    ],
  };
  return { payload: JSON.stringify(payload) };
}
