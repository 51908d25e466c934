/**
 * What happens when things go wrong: floods, handler failures, expired interactions, bad
 * tokens and settings, and shutting down.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AdapterStartError, createThrottle, type Router } from '../../../src/index.ts';
import { startDiscord } from '../../../adapters/discord/index.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { ALICE, BOB, option, slashCommand } from '../../fakes/discord/payloads.ts';
import { router, testCore } from '../../support/core.ts';
import { embedOf, interact, startBot, type BotUnderTest } from './support.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function bot(options: Parameters<typeof startBot>[0] = {}): Promise<BotUnderTest> {
  const b = await startBot(options);
  cleanup.push(() => b.close());
  return b;
}

async function fake(options: Parameters<typeof startFakeDiscord>[0] = {}): Promise<FakeDiscord> {
  const f = await startFakeDiscord(options);
  cleanup.push(() => f.close());
  return f;
}

const ask = (b: BotUnderTest, question: string, user = ALICE) =>
  slashCommand({ applicationId: b.fake.applicationId, name: 'ask', options: [option.string('question', question)], user });

describe('a flood from one user', () => {
  it('is throttled per user with a friendly private note; other users are unaffected', async () => {
    const b = await bot({ core: testCore({ throttle: createThrottle({ capacity: 2, refillMs: 60_000 }) }) });
    const first = await interact(b.fake, ask(b, 'stage 1'));
    const second = await interact(b.fake, ask(b, 'stage 2'));
    const third = await interact(b.fake, ask(b, 'stage 3'));
    expect(first.data.flags ?? 0).toBe(0);
    expect(second.data.flags ?? 0).toBe(0);
    expect(third.type).toBe(4);
    expect(third.data.flags).toBe(64);
    expect(embedOf(third).title).toBe('Easy there');
    expect(embedOf(third).description).toMatch(/Try again in \d+ seconds?/);
    expect(third.data.allowed_mentions).toEqual({ parse: [] });

    const other = await interact(b.fake, ask(b, 'stage 3', BOB));
    expect(other.data.flags ?? 0).toBe(0);
    expect(embedOf(other).title).toContain('Stage 3');
  });
});

describe('a failing handler', () => {
  it('gives the user a short private apology and logs the error', async () => {
    const failing: Router = {
      ...router,
      answer(question) {
        if (question.includes('explode')) throw new Error('boom in the router');
        return router.answer(question);
      },
    };
    const b = await bot({ core: testCore({ router: failing }) });
    const body = await interact(b.fake, ask(b, 'please explode'));
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(embedOf(body).title).toBe('Sorry, something went wrong');
    expect(b.core.logLines.some((l) => l.startsWith('[error]') && l.includes('/ask') && l.includes('boom in the router'))).toBe(true);
    // The bot keeps serving afterwards.
    expect(embedOf(await interact(b.fake, ask(b, 'stage 2'))).title).toContain('Stage 2');
  });

  it('logs an interaction Discord says has expired, and keeps serving the next one', async () => {
    const b = await bot();
    const doomed = ask(b, 'stage 1');
    b.fake.rest.injectOnce((r) => r.path.includes(doomed.id), { status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    await interact(b.fake, doomed);
    await expect.poll(() => b.core.logLines.some((l) => l.includes('/ask (interaction expired or already answered)'))).toBe(true);
    // No apology is attempted on an interaction that can no longer be answered.
    expect(b.fake.requests.filter((r) => r.path.includes(doomed.id))).toHaveLength(1);
    expect(embedOf(await interact(b.fake, ask(b, 'stage 2'))).title).toContain('Stage 2');
  });
});

describe('starting up', () => {
  it('a rejected token (401) gives one clear line without the token', async () => {
    const f = await fake({ token: 'the-real-token' });
    const secret = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GfakeX.wrong-token-value-abcdefghijklmnop';
    const error = await startDiscord(testCore(), { token: secret, clientId: f.applicationId, apiUrl: f.apiUrl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterStartError);
    const message = (error as Error).message;
    expect(message).toMatch(/Discord rejected DISCORD_TOKEN/);
    expect(message).not.toContain(secret);
    expect(message.split('\n')).toHaveLength(1);
    expect(f.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /gateway/bot']);
    expect(f.gateway.identifies).toHaveLength(0);
  });

  it('a missing token or application id is reported before connecting', async () => {
    await expect(startDiscord(testCore(), { token: '', clientId: '123456789012345678' })).rejects.toThrow(/DISCORD_TOKEN is not set/);
    await expect(startDiscord(testCore(), { token: 'x.y.z', clientId: '' })).rejects.toThrow(AdapterStartError);
  });

  it('an unreachable DISCORD_API_URL is one clear line', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as { port: number };
        s.close(() => resolve(port));
      });
    });
    const error = await startDiscord(testCore(), { token: 'some-token', clientId: '111111111111111111', apiUrl: `http://127.0.0.1:${closedPort}/api` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterStartError);
    expect((error as Error).message).toMatch(/could not reach http:\/\/127\.0\.0\.1:\d+\/api \(ECONNREFUSED\)/);
  });

  it('a DISCORD_CLIENT_ID of another application is caught before registering commands', async () => {
    const f = await fake();
    const error = await startDiscord(testCore(), { token: f.token, clientId: '999999999999999999', apiUrl: f.apiUrl }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AdapterStartError);
    expect((error as Error).message).toContain(f.applicationId);
    expect(f.requests.some((r) => r.path.includes('/commands'))).toBe(false);
  });

  it('accepts DISCORD_API_URL with a trailing slash or a version suffix', async () => {
    const f = await fake();
    const adapter = await startDiscord(testCore(), { token: f.token, clientId: f.applicationId, apiUrl: `${f.apiUrl}/v10/` });
    cleanup.push(() => adapter.stop());
    expect(f.requests[0]?.path).toBe('/gateway/bot');
  });
});

describe('stopping', () => {
  it('closes the gateway connection cleanly, and a second stop is harmless', async () => {
    const b = await startBot();
    cleanup.push(() => b.fake.close());
    expect(b.fake.gateway.connected).toBe(1);
    const closed = b.fake.gateway.waitForClose();
    await b.adapter.stop();
    expect(await closed).toBe(1000);
    await b.adapter.stop();
    expect(b.fake.gateway.connected).toBe(0);
    expect(b.core.logLines.filter((l) => l.includes('disconnected'))).toHaveLength(1);
  });
});
