/**
 * Shared setup for the Discord adapter tests: the adapter started against a fresh fake Discord
 * (on the shipped knowledge base, with tests/support/core.ts's test core), and helpers to read
 * what the bot sent back.
 */
import { fileURLToPath } from 'node:url';
import type { DiscordSettings, RunningAdapter } from '../../../src/index.ts';
import { startDiscord } from '../../../adapters/discord/index.ts';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../../fakes/discord/fake-discord.ts';
import { GUILD_ID } from '../../fakes/discord/payloads.ts';
import { testCore, type TestCore } from '../../support/core.ts';

/**
 * A small knowledge base that no one edits while the tests run, with all twelve stages and some
 * entries near the size limits: for the renderer's limit tests and for the processes the tests
 * spawn with KNOWLEDGE_DIR.
 */
export const FIXTURE_KB_DIR = fileURLToPath(new URL('../../fixtures/discord-kb', import.meta.url));

export interface BotUnderTest {
  fake: FakeDiscord;
  core: TestCore;
  adapter: RunningAdapter;
  settings: DiscordSettings;
  close(): Promise<void>;
}

/** A fake Discord and the adapter logged in to it, with commands synced to the test server. */
export async function startBot(
  options: { core?: TestCore; fake?: FakeDiscordOptions; settings?: Partial<DiscordSettings> } = {},
): Promise<BotUnderTest> {
  const fake = await startFakeDiscord({ guilds: [{ id: GUILD_ID, name: 'Study group' }], ...options.fake });
  const core = options.core ?? testCore();
  const settings: DiscordSettings = { token: fake.token, clientId: fake.applicationId, guildId: GUILD_ID, apiUrl: fake.apiUrl, ...options.settings };
  try {
    const adapter = await startDiscord(core, settings);
    return {
      fake,
      core,
      adapter,
      settings,
      async close() {
        await adapter.stop();
        await fake.close();
      },
    };
  } catch (error) {
    await fake.close();
    throw error;
  }
}

/** Sends an interaction through the gateway and returns the body of the bot's callback for it. */
export async function interact(fake: FakeDiscord, payload: { id: string; token: string }): Promise<{ type: number; data?: any }> {
  fake.gateway.dispatch('INTERACTION_CREATE', payload);
  const request = await fake.rest.waitFor((r) => r.method === 'POST' && r.path === `/interactions/${payload.id}/${payload.token}/callback`);
  return request.body;
}

/** The first embed of a callback. */
export const embedOf = (body: { data?: any }) => body.data?.embeds?.[0] ?? {};

/** Every component of a message, flattened out of its rows. */
export function componentsOf(body: { data?: any }): any[] {
  return (body.data?.components ?? []).flatMap((row: any) => row.components);
}

/** Text as the user reads it: Discord's backslash escapes removed. */
export const unescape = (text: string) => text.replace(/\\([^A-Za-z0-9\s])/g, '$1');
