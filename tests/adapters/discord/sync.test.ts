/**
 * Command sync against the fake REST: the exact JSON registered, no PUT when Discord already
 * has it, a PUT when it differs, guild vs global routes; and `npm run discord:deploy` doing the
 * same from the command line.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AdapterStartError, createRouter, loadKnowledgeBase } from '../../../src/index.ts';
import { startDiscord } from '../../../adapters/discord/index.ts';
import { deployCommands } from '../../../adapters/discord/deploy.ts';
import { commandDefinitions } from '../../../adapters/discord/commands/index.ts';
import { sameCommands } from '../../../adapters/discord/sync.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/fake-discord.ts';
import { GUILD_ID } from '../../fakes/discord/payloads.ts';
import { router, testCore } from '../../support/core.ts';
import { FIXTURE_KB_DIR } from './support.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function fake(): Promise<FakeDiscord> {
  const f = await startFakeDiscord({ guilds: [{ id: GUILD_ID, name: 'Study group' }] });
  cleanup.push(() => f.close());
  return f;
}

/** Starts the adapter once and stops it again, returning the requests it made to the commands routes. */
async function startOnce(f: FakeDiscord, guildId: string | undefined) {
  const before = f.requests.length;
  const core = testCore();
  const adapter = await startDiscord(core, { token: f.token, clientId: f.applicationId, guildId, apiUrl: f.apiUrl });
  await adapter.stop();
  return { calls: f.requests.slice(before).filter((r) => r.path.endsWith('/commands')), logLines: core.logLines };
}

const guildRoute = (f: FakeDiscord) => `/applications/${f.applicationId}/guilds/${GUILD_ID}/commands`;
const globalRoute = (f: FakeDiscord) => `/applications/${f.applicationId}/commands`;

describe('the registered commands', () => {
  const definitions = commandDefinitions(router);
  const [roadmap, ask] = definitions;

  it('are /roadmap with overview plus one subcommand per stage, and /ask', () => {
    expect(definitions.map((d) => d.name)).toEqual(['roadmap', 'ask']);
    expect(roadmap?.options?.map((o) => o.name)).toEqual(['overview', ...router.stages.map((s) => s.id)]);
    for (const sub of roadmap?.options ?? []) {
      expect(sub.type).toBe(1);
      expect((sub as any).options.map((o: any) => [o.name, o.type])).toEqual([
        ['private', 5],
        ['for', 6],
      ]);
    }
    expect(ask?.options?.map((o) => [o.name, o.type, (o as any).required ?? false, (o as any).autocomplete ?? false])).toEqual([
      ['question', 3, true, true],
      ['private', 5, false, false],
      ['for', 6, false, false],
    ]);
  });

  it("stay within Discord's definition limits", () => {
    const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
    const walk = (node: any): number => {
      expect(node.name).toMatch(NAME);
      expect(node.name).toBe(node.name.toLowerCase());
      expect(node.description.length).toBeGreaterThanOrEqual(1);
      expect(node.description.length).toBeLessThanOrEqual(100);
      expect((node.options ?? []).length).toBeLessThanOrEqual(25);
      return node.name.length + node.description.length + (node.options ?? []).reduce((n: number, o: any) => n + walk(o), 0);
    };
    for (const d of definitions) expect(walk(d)).toBeLessThanOrEqual(8000);
  });
});

describe('sync at start', () => {
  it('PUTs exactly the command definitions to the guild route on first start', async () => {
    const f = await fake();
    const { calls, logLines } = await startOnce(f, GUILD_ID);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`GET ${guildRoute(f)}`, `PUT ${guildRoute(f)}`]);
    expect(calls[1]?.body).toEqual(JSON.parse(JSON.stringify(commandDefinitions(router))));
    expect(calls[1]?.authorization).toBe(`Bot ${f.token}`);
    expect(logLines.some((l) => l.includes(`registered 2 commands in server ${GUILD_ID}`))).toBe(true);
  });

  it('does not PUT when Discord already has the same commands (restarts cost one GET)', async () => {
    const f = await fake();
    await startOnce(f, GUILD_ID);
    const second = await startOnce(f, GUILD_ID);
    expect(second.calls.map((c) => c.method)).toEqual(['GET']);
    expect(second.logLines.some((l) => l.includes('commands already up to date'))).toBe(true);
    const third = await startOnce(f, GUILD_ID);
    expect(third.calls.map((c) => c.method)).toEqual(['GET']);
  });

  it('PUTs again when a registered definition differs', async () => {
    const f = await fake();
    await startOnce(f, GUILD_ID);
    const stored = f.rest.commands.get(GUILD_ID)!;
    stored[1] = { ...stored[1], description: 'An old description' };
    const { calls } = await startOnce(f, GUILD_ID);
    expect(calls.map((c) => c.method)).toEqual(['GET', 'PUT']);
    expect(f.rest.commands.get(GUILD_ID)?.[1]?.description).toBe(commandDefinitions(router)[1]?.description);
  });

  it('PUTs again when an extra command is registered that the bot no longer has', async () => {
    const f = await fake();
    await startOnce(f, GUILD_ID);
    f.rest.commands.get(GUILD_ID)!.push({ id: '5', name: 'old', description: 'gone', type: 1 });
    const { calls } = await startOnce(f, GUILD_ID);
    expect(calls.map((c) => c.method)).toEqual(['GET', 'PUT']);
  });

  it('uses the global route when DISCORD_GUILD_ID is not set', async () => {
    const f = await fake();
    const { calls } = await startOnce(f, undefined);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`GET ${globalRoute(f)}`, `PUT ${globalRoute(f)}`]);
    expect(f.rest.commands.has(GUILD_ID)).toBe(false);
    expect((await startOnce(f, undefined)).calls.map((c) => c.method)).toEqual(['GET']);
  });
});

describe('sameCommands', () => {
  const definitions = commandDefinitions(router);
  const asDiscordReturnsThem = () =>
    JSON.parse(JSON.stringify(definitions)).map((d: any, i: number) => ({ id: String(i), application_id: '1', version: '1', default_member_permissions: null, nsfw: false, ...d }));

  it('ignores ids, versions and defaults Discord adds', () => {
    expect(sameCommands(definitions, asDiscordReturnsThem())).toBe(true);
    expect(sameCommands(definitions, asDiscordReturnsThem().reverse())).toBe(true);
  });

  it('notices a changed option, a reordered option list and a missing command', () => {
    const changed = asDiscordReturnsThem();
    changed[1].options[0].max_length = 100;
    expect(sameCommands(definitions, changed)).toBe(false);
    const reordered = asDiscordReturnsThem();
    reordered[1].options.reverse();
    expect(sameCommands(definitions, reordered)).toBe(false);
    expect(sameCommands(definitions, asDiscordReturnsThem().slice(1))).toBe(false);
  });
});

describe('npm run discord:deploy', () => {
  const fixtureRouter = createRouter(loadKnowledgeBase(FIXTURE_KB_DIR));
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const deploy = (env: Record<string, string>) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'scripts/discord-deploy.ts'],
        // Every Discord variable is set (empty when unused) so a developer's .env can never leak in:
        // dotenv does not override variables that already exist.
        {
          cwd: root,
          env: { PATH: process.env.PATH ?? '', KNOWLEDGE_DIR: FIXTURE_KB_DIR, DISCORD_TOKEN: '', DISCORD_CLIENT_ID: '', DISCORD_GUILD_ID: '', DISCORD_API_URL: '', ...env },
          timeout: 30_000,
        },
        (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  // The script runs on the fixture knowledge base, which no one edits while the tests run.
  it('registers the commands once, then reports them up to date', async () => {
    const f = await fake();
    const env = { DISCORD_TOKEN: f.token, DISCORD_CLIENT_ID: f.applicationId, DISCORD_API_URL: f.apiUrl, DISCORD_GUILD_ID: GUILD_ID };
    const first = await deploy(env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Registered 2 commands in server ${GUILD_ID}`);
    const puts = f.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual([guildRoute(f)]);
    expect(puts[0]?.body).toEqual(JSON.parse(JSON.stringify(commandDefinitions(fixtureRouter))));

    const second = await deploy(env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('already up to date');
    expect(f.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('deploys globally without DISCORD_GUILD_ID (the function the script calls)', async () => {
    const f = await fake();
    const result = await deployCommands({ token: f.token, clientId: f.applicationId, apiUrl: f.apiUrl }, fixtureRouter);
    expect(result).toEqual({ scope: 'global', changed: true, count: 2 });
    expect(f.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${globalRoute(f)}`, `PUT ${globalRoute(f)}`]);
    await expect(deployCommands({ token: 'wrong', clientId: f.applicationId, apiUrl: f.apiUrl }, fixtureRouter)).rejects.toThrow(AdapterStartError);
  });

  it('--clear empties the scope (the function the script calls)', async () => {
    const f = await fake();
    const settings = { token: f.token, clientId: f.applicationId, guildId: GUILD_ID, apiUrl: f.apiUrl };
    await deployCommands(settings, fixtureRouter);
    expect(f.rest.commands.get(GUILD_ID)).toHaveLength(2);
    expect(await deployCommands(settings, fixtureRouter, { clear: true })).toMatchObject({ changed: true, count: 0 });
    expect(f.requests.at(-1)).toMatchObject({ method: 'PUT', path: guildRoute(f), body: [] });
    expect(await deployCommands(settings, fixtureRouter, { clear: true })).toMatchObject({ changed: false });
  });

  it('a rejected token exits 1 with one clear line and no token', async () => {
    const f = await fake();
    const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GfakeX.not-the-right-token-abcdefghijkl';
    const run = await deploy({ DISCORD_TOKEN: token, DISCORD_CLIENT_ID: f.applicationId, DISCORD_API_URL: f.apiUrl, DISCORD_GUILD_ID: GUILD_ID });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1);
    expect(run.stderr).toMatch(/Discord rejected DISCORD_TOKEN/);
    expect(run.stderr + run.stdout).not.toContain(token);
  });

  it('explains what to set when Discord is not configured', async () => {
    const run = await deploy({});
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/DISCORD_TOKEN and DISCORD_CLIENT_ID/);
  });
});
