/**
 * `npm start` with Discord settings: the launcher (adapters/main.ts) starts this adapter,
 * which logs in to the fake Discord, answers a command, and closes the gateway cleanly on
 * SIGTERM. A rejected token stops it with one line on stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { GUILD_ID, option, slashCommand } from '../../fakes/discord/payloads.ts';
import { FIXTURE_KB_DIR, embedOf, interact } from './support.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

function launch(env: Record<string, string>): { child: ChildProcess; stderr: () => string; exited: Promise<number | null> } {
  let stderr = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'adapters/main.ts'], {
    cwd: root,
    // Every setting is given (empty when unused) so a developer's .env cannot leak in.
    env: {
      PATH: process.env.PATH ?? '',
      KNOWLEDGE_DIR: FIXTURE_KB_DIR,
      DISCORD_GUILD_ID: '',
      DISCORD_API_URL: '',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      SLACK_SIGNING_SECRET: '',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  cleanup.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  return { child, stderr: () => stderr, exited };
}

async function fake(options: Parameters<typeof startFakeDiscord>[0] = {}): Promise<FakeDiscord> {
  const f = await startFakeDiscord({ guilds: [{ id: GUILD_ID, name: 'Study group' }], ...options });
  cleanup.push(() => f.close());
  return f;
}

describe('the launcher with DISCORD_TOKEN and DISCORD_CLIENT_ID set', () => {
  it('starts the Discord adapter, answers /roadmap, and closes the connection cleanly on SIGTERM', async () => {
    const f = await fake();
    const bot = launch({ DISCORD_TOKEN: f.token, DISCORD_CLIENT_ID: f.applicationId, DISCORD_API_URL: f.apiUrl, DISCORD_GUILD_ID: GUILD_ID });
    await f.rest.waitFor((r) => r.method === 'GET' && r.path.endsWith('/commands'), 15_000);
    await expect.poll(() => bot.stderr(), { timeout: 15_000 }).toContain('Discord adapter started');

    const body = await interact(f, slashCommand({ applicationId: f.applicationId, name: 'roadmap', options: [option.subcommand('databases')] }));
    expect(embedOf(body).title).toContain('Stage 4');

    const closed = f.gateway.waitForClose();
    bot.child.kill('SIGTERM');
    expect(await closed).toBe(1000);
    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).toContain('discord: disconnected');
  });

  it('a rejected token stops it with one clear line, without the token', async () => {
    const f = await fake({ token: 'the-right-token' });
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GfakeX.this-token-is-not-right-abcdefgh';
    const bot = launch({ DISCORD_TOKEN: token, DISCORD_CLIENT_ID: f.applicationId, DISCORD_API_URL: f.apiUrl });
    expect(await bot.exited).toBe(1);
    const lines = bot.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Discord rejected DISCORD_TOKEN/);
    expect(bot.stderr()).not.toContain(token);
  });
});
