/**
 * The Discord adapter: logs the bot in over the gateway (Guilds intent only, nothing
 * privileged), keeps its slash commands in sync, and answers /roadmap and /ask from the core.
 * It renders the core's Replies and does no routing or knowledge work of its own.
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, type ClientOptions } from 'discord.js';
import { AdapterStartError, type CoreServices, type DiscordSettings, type RunningAdapter } from '../../src/index.ts';
import { commandDefinitions } from './commands/index.ts';
import { createInteractionHandler } from './interactions/dispatch.ts';
import { missingSettingsError, startError } from './start-errors.ts';
import { syncCommands } from './sync.ts';

/** Logging in normally takes a second or two; past this something is wrong with the connection. */
const LOGIN_TIMEOUT_MS = 60_000;

/**
 * REST base in the form discord.js expects (https://discord.com/api; it appends /v10).
 * Forgiving about a trailing slash or a pasted version suffix, which would otherwise
 * produce URLs like /api//v10 or /api/v10/v10.
 */
export function restApiBase(apiUrl: string | undefined): string | undefined {
  return apiUrl?.trim().replace(/\/+$/, '').replace(/\/v\d+$/, '') || undefined;
}

export function discordClientOptions(settings: Pick<DiscordSettings, 'apiUrl'>): ClientOptions {
  const api = restApiBase(settings.apiUrl);
  return {
    // Slash commands arrive without any privileged intent; Guilds tells the bot its servers.
    intents: [GatewayIntentBits.Guilds],
    // The default for every message; replies that aim at a member widen it to that one user.
    allowedMentions: { parse: [] },
    ...(api ? { rest: { api } } : {}),
  };
}

export async function startDiscord(core: CoreServices, settings: DiscordSettings): Promise<RunningAdapter> {
  const missing = missingSettingsError(settings);
  if (missing) throw missing;
  const token = settings.token.trim();
  const client = new Client(discordClientOptions(settings));
  const log = core.log;

  const handle = createInteractionHandler(core);
  client.on(Events.InteractionCreate, (interaction) => {
    handle(interaction).catch((error: unknown) => log.error('discord: interaction handler crashed', error));
  });
  client.on(Events.Error, (error) => log.error('discord: client error', error));
  client.on(Events.Warn, (message) => log.warn(`discord: ${message}`));
  client.on(Events.ShardDisconnect, (event) => log.warn(`discord: gateway closed with code ${event.code}, not reconnecting`));

  try {
    await logIn(client, token);
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw error instanceof AdapterStartError ? error : startError(error, settings, 'login');
  }

  const applicationId = client.application?.id;
  if (applicationId && applicationId !== settings.clientId) {
    await client.destroy();
    throw new AdapterStartError(
      `Discord: DISCORD_CLIENT_ID is ${settings.clientId}, but DISCORD_TOKEN belongs to application ${applicationId}; use the id from the same application.`,
    );
  }

  try {
    const result = await syncCommands(client.rest, { applicationId: settings.clientId, guildId: settings.guildId }, commandDefinitions(core.router));
    const where = result.scope === 'guild' ? `server ${settings.guildId}` : 'all servers (global; may take up to an hour to appear)';
    log.info(`discord: ${result.changed ? `registered ${result.count} commands in` : 'commands already up to date in'} ${where}`);
  } catch (error) {
    await client.destroy().catch(() => undefined);
    throw startError(error, settings, 'sync');
  }

  log.info(`discord: logged in as ${client.user?.tag ?? 'the bot'}, in ${client.guilds.cache.size} server${client.guilds.cache.size === 1 ? '' : 's'}`);

  let stopping: Promise<void> | null = null;
  return {
    name: 'discord',
    stop() {
      // Safe to call twice (SIGINT then SIGTERM): both wait for the same clean close.
      stopping ??= client.destroy().then(() => log.info('discord: disconnected'));
      return stopping;
    },
  };
}

/** Logs in and waits until the client is ready (its servers have arrived from the gateway). */
async function logIn(client: Client, token: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AdapterStartError(`Discord: no answer from the gateway within ${LOGIN_TIMEOUT_MS / 1000} s; check the network.`)),
      LOGIN_TIMEOUT_MS,
    );
  });
  // Listen before logging in: the ready event can fire before login() resolves.
  const stopListening = new AbortController();
  const ready = once(client, Events.ClientReady, { signal: stopListening.signal });
  ready.catch(() => undefined);
  try {
    await Promise.race([client.login(token), timeout]);
    if (!client.isReady()) await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
    stopListening.abort();
  }
}
