/**
 * Starting and stopping: a missing or rejected credential is one clear line (AdapterStartError,
 * never the token), and stop() releases everything.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AdapterStartError, type SlackSettings } from '../../../src/index.ts';
import { startSlack } from '../../../adapters/slack/index.ts';
import { startFakeSlack, type FakeSlack } from '../../fakes/slack/fake-slack.ts';
import { testCore } from '../../support/core.ts';
import { APP_TOKEN, BOT_TOKEN, SECRETS, SIGNING_SECRET } from './support/credentials.ts';

/** A knowledge base no one edits while the tests run, for the launcher process started with KNOWLEDGE_DIR. */
const FIXTURE_KB_DIR = fileURLToPath(new URL('../../fixtures/slack-kb', import.meta.url));

const testOptions = { retryConfig: { retries: 0 }, host: '127.0.0.1' };
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function fakeSlack(options: Parameters<typeof startFakeSlack>[0] = {}): Promise<FakeSlack> {
  const fake = await startFakeSlack(options);
  cleanups.push(() => fake.close());
  return fake;
}

async function startError(settings: SlackSettings): Promise<AdapterStartError> {
  const core = testCore({ secrets: SECRETS });
  const error = await startSlack(core, settings, testOptions).then(
    (running) => {
      cleanups.push(() => running.stop());
      throw new Error('startSlack should have failed');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdapterStartError);
  const message = (error as AdapterStartError).message;
  expect(message).not.toContain('\n');
  expect(message).not.toContain(BOT_TOKEN);
  expect(message).not.toContain(SIGNING_SECRET);
  return error as AdapterStartError;
}

describe('starting the Slack adapter', () => {
  it('explains a rejected bot token (auth.test ok:false) in one line', async () => {
    const fake = await fakeSlack({ authTest: { ok: false, error: 'invalid_auth' } });
    const error = await startError({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 });
    expect(error.message).toMatch(/^Slack rejected SLACK_BOT_TOKEN \(invalid_auth\)/);
    expect(fake.apiCalls('auth.test')).toHaveLength(1);
  });

  it('explains an unreachable Web API', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const error = await startError({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: `http://127.0.0.1:${port}/api/`, port: 0 });
    expect(error.message).toMatch(/could not reach the Web API at http:\/\/127\.0\.0\.1:\d+\/api\//);
  });

  it('needs a bot token, and a signing secret or an app token', async () => {
    expect((await startError({ botToken: '', signingSecret: SIGNING_SECRET, port: 0 })).message).toMatch(/SLACK_BOT_TOKEN/);
    expect((await startError({ botToken: BOT_TOKEN, port: 0 })).message).toMatch(/SLACK_SIGNING_SECRET.*SLACK_APP_TOKEN/);
  });

  it('explains a port that is already taken', async () => {
    const fake = await fakeSlack();
    const taken = createServer();
    taken.listen(0, '127.0.0.1');
    await once(taken, 'listening');
    cleanups.push(() => new Promise((r) => taken.close(r)));
    const port = (taken.address() as AddressInfo).port;
    const error = await startError({ botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port });
    expect(error.message).toBe(`Slack: port ${port} is already in use; set PORT to a free port.`);
  });

  it('stops cleanly, twice, and then refuses connections', async () => {
    const fake = await fakeSlack();
    const running = await startSlack(testCore({ secrets: SECRETS }), { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 }, testOptions);
    expect(running).toMatchObject({ name: 'slack', mode: 'http' });
    await running.stop();
    await running.stop();
    await expect(fetch(`http://127.0.0.1:${running.port}/slack/events`, { method: 'POST' })).rejects.toThrow();
  });

  const launcherCases = [
    { credential: 'SLACK_BOT_TOKEN', fake: { authTest: { ok: false, error: 'invalid_auth' } }, env: { SLACK_SIGNING_SECRET: SIGNING_SECRET } },
    { credential: 'SLACK_APP_TOKEN', fake: { connectionsOpen: { ok: false, error: 'invalid_auth' } }, env: { SLACK_APP_TOKEN: APP_TOKEN } },
  ];
  for (const c of launcherCases)
    it(`the launcher prints one line and exits 1 when Slack rejects ${c.credential}`, async () => {
      const fake = await fakeSlack(c.fake);
      const root = fileURLToPath(new URL('../../../', import.meta.url));
      const tsx = pathToFileURL(createRequire(root).resolve('tsx')).href;
      // Run from an empty directory with a clean environment, so no developer .env adds settings.
      const cwd = mkdtempSync(join(tmpdir(), 'slack-launcher-'));
      cleanups.push(async () => rmSync(cwd, { recursive: true, force: true }));
      const child = spawn(process.execPath, ['--import', tsx, join(root, 'adapters/main.ts')], {
        cwd,
        env: { PATH: process.env.PATH, KNOWLEDGE_DIR: FIXTURE_KB_DIR, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_API_URL: fake.apiUrl, PORT: '0', ...c.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      cleanups.push(async () => child.exitCode === null && child.kill());
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const [code] = (await once(child, 'exit')) as [number];
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Slack rejected ${c.credential} \\(invalid_auth\\)`))]);
      for (const secret of [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET]) expect(stderr).not.toContain(secret);
    });
});
