/**
 * Start-up failures a person can fix, as one clear line each (the launcher prints
 * AdapterStartError messages without a stack trace). No message ever contains the token:
 * every line is passed through `redact` with it.
 */
import { DiscordAPIError, DiscordjsError, DiscordjsErrorCodes, RESTJSONErrorCodes } from 'discord.js';
import { AdapterStartError, redact, type DiscordSettings } from '../../src/index.ts';

const RESET_TOKEN_HINT = 'copy a fresh token from the Developer Portal (your application > Bot > Reset Token) into DISCORD_TOKEN in .env';

export function missingSettingsError(settings: Partial<DiscordSettings>): AdapterStartError | null {
  if (!settings.token?.trim()) return new AdapterStartError(`Discord: DISCORD_TOKEN is not set; ${RESET_TOKEN_HINT}.`);
  if (!settings.clientId?.trim()) return new AdapterStartError('Discord: DISCORD_CLIENT_ID (the application id from the Developer Portal) is not set.');
  return null;
}

/** Turns whatever discord.js threw while logging in or syncing commands into one line. */
export function startError(error: unknown, settings: DiscordSettings, stage: 'login' | 'sync'): AdapterStartError {
  return new AdapterStartError(redact(describe(error, settings, stage), [settings.token]));
}

function describe(error: unknown, settings: DiscordSettings, stage: 'login' | 'sync'): string {
  const message = error instanceof Error ? error.message : String(error);
  if (
    (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) ||
    (error instanceof DiscordAPIError && error.status === 401) ||
    /authentication failed/i.test(message)
  )
    return `Discord rejected DISCORD_TOKEN (401 Unauthorized); ${RESET_TOKEN_HINT}.`;
  if (/disallowed intents/i.test(message)) return 'Discord refused the gateway intents; this bot needs only the Guilds intent, no privileged ones.';
  if (error instanceof DiscordAPIError && stage === 'sync') {
    if (error.code === RESTJSONErrorCodes.MissingAccess || error.status === 403)
      return settings.guildId
        ? `Discord refused to register commands in server ${settings.guildId} (DISCORD_GUILD_ID): invite the bot there with the bot and applications.commands scopes, or unset DISCORD_GUILD_ID to register globally.`
        : `Discord refused to register commands for application ${settings.clientId}: check that DISCORD_CLIENT_ID is this bot's application id.`;
    if (error.status === 404) return `Discord does not know application ${settings.clientId}: check DISCORD_CLIENT_ID.`;
    return `Discord refused the command registration (${error.status} ${error.code}): ${message}`;
  }
  // @discordjs/rest aborts a request after 15 s without an answer.
  if (error instanceof Error && error.name === 'AbortError')
    return `Discord: no answer from ${settings.apiUrl ?? 'https://discord.com/api'} within 15 s; check the network${settings.apiUrl ? ' and DISCORD_API_URL' : ''}.`;
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  if (typeof code === 'string' && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|UND_ERR_\w+)$/.test(code))
    return `Discord: could not reach ${settings.apiUrl ?? 'https://discord.com/api'} (${code}); check the network${settings.apiUrl ? ' and DISCORD_API_URL' : ''}.`;
  return `Discord: could not ${stage === 'login' ? 'log in' : 'register the slash commands'}: ${message}`;
}
