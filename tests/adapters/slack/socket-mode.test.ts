/**
 * Socket Mode: with SLACK_APP_TOKEN the adapter dials out (apps.connections.open, then a
 * WebSocket) and needs no public URL. The fake hands out a ws://127.0.0.1 URL and plays
 * Slack's side of the socket: hello, envelopes, and reading the app's acknowledgements.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdapterStartError } from '../../../src/index.ts';
import { startSlack, type RunningSlack } from '../../../adapters/slack/index.ts';
import { startFakeSlack, type FakeSlack } from '../../fakes/slack/fake-slack.ts';
import { appMention, eventCallback, slashCommand } from '../../fakes/slack/requests.ts';
import { router, testCore } from '../../support/core.ts';
import { APP_TOKEN, BOT_TOKEN, SECRETS } from './support/credentials.ts';
import { headerText, unescapeSlack } from './support/inspect.ts';

let envelopes = 0;
const envelope = (type: string, payload: unknown, extra: Record<string, unknown> = {}) => ({
  envelope_id: `env-${++envelopes}`,
  type,
  payload,
  accepts_response_payload: type !== 'events_api',
  ...extra,
});

describe('Slack adapter in Socket Mode', () => {
  let fake: FakeSlack;
  let slack: RunningSlack;
  beforeAll(async () => {
    fake = await startFakeSlack();
    slack = await startSlack(testCore({ secrets: SECRETS }), { botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: fake.apiUrl, port: 0 }, { retryConfig: { retries: 0 } });
    await fake.socketConnected();
  });
  afterAll(async () => {
    await slack?.stop();
    await fake?.close();
  });

  it('opens the connection with the app token, and checks the bot token', () => {
    expect(slack.mode).toBe('socket');
    expect(fake.apiCalls('apps.connections.open')[0]?.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(fake.apiCalls('auth.test')[0]?.authorization).toBe(`Bearer ${BOT_TOKEN}`);
  });

  it('acknowledges a mention envelope and answers in the thread, once even when Slack resends it', async () => {
    const event = appMention('stage 4');
    const body = eventCallback(event);
    const first = envelope('events_api', body, { retry_attempt: 0, retry_reason: '' });
    expect(await fake.sendEnvelope(first)).toMatchObject({ envelope_id: first.envelope_id });
    const post = await fake.waitForApi('chat.postMessage', (c) => c.params.thread_ts === event.ts);
    expect(unescapeSlack(headerText(post.params.blocks))).toBe(router.answer('stage 4').title);

    await fake.sendEnvelope(envelope('events_api', body, { retry_attempt: 1, retry_reason: 'timeout' }));
    await fake.sendEnvelope(envelope('events_api', body, { retry_attempt: 0, retry_reason: '' }));
    const sentinel = appMention('hello');
    await fake.sendEnvelope(envelope('events_api', eventCallback(sentinel)));
    await fake.waitForApi('chat.postMessage', (c) => c.params.thread_ts === sentinel.ts);
    expect(fake.apiCalls('chat.postMessage').filter((c) => c.params.thread_ts === event.ts)).toHaveLength(1);
  });

  it('acknowledges /roadmap and answers privately through the response_url', async () => {
    const ack = await fake.sendEnvelope(envelope('slash_commands', slashCommand('', fake.responseUrl('socket-roadmap'))));
    expect(ack.envelope_id).toBeDefined();
    const { body } = await fake.waitForResponse('socket-roadmap');
    expect(body.response_type).toBe('ephemeral');
    expect(unescapeSlack(headerText(body.blocks))).toBe(router.roadmap('').title);
  });
});

describe('Socket Mode start-up and shutdown', () => {
  it('explains a rejected app token in one line', async () => {
    const fake = await startFakeSlack({ connectionsOpen: { ok: false, error: 'invalid_auth' } });
    try {
      const error = await startSlack(testCore({ secrets: SECRETS }), { botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: fake.apiUrl, port: 0 }, { retryConfig: { retries: 0 } }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AdapterStartError);
      expect((error as Error).message).toMatch(/^Slack rejected SLACK_APP_TOKEN \(invalid_auth\)/);
      expect((error as Error).message).not.toContain(APP_TOKEN);
    } finally {
      await fake.close();
    }
  });

  it('closes the WebSocket on stop', async () => {
    const fake = await startFakeSlack();
    try {
      const slack = await startSlack(testCore({ secrets: SECRETS }), { botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: fake.apiUrl, port: 0 }, { retryConfig: { retries: 0 } });
      await fake.socketConnected();
      await slack.stop();
      await fake.socketsClosed();
      await expect(fake.sendEnvelope(envelope('events_api', eventCallback(appMention('hi'))))).rejects.toThrow(/no Socket Mode connection/);
    } finally {
      await fake.close();
    }
  });
});
