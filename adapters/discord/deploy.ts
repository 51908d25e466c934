/**
 * Command sync on demand, without logging in to the gateway: what `npm run discord:deploy`
 * runs. Same sync and same error lines as at start-up.
 */
import { REST } from 'discord.js';
import type { DiscordSettings, Router } from '../../src/index.ts';
import { commandDefinitions } from './commands/index.ts';
import { restApiBase } from './index.ts';
import { missingSettingsError, startError } from './start-errors.ts';
import { syncCommands, type SyncResult } from './sync.ts';

export interface DeployOptions {
  /**
   * Remove every command from the scope instead (an empty set, synced the same way). Used to
   * clear a development server before going global, so it does not list each command twice.
   */
  clear?: boolean;
}

/** Registers the commands where the settings say; throws AdapterStartError with one clear line on failure. */
export async function deployCommands(settings: DiscordSettings, router: Router, options: DeployOptions = {}): Promise<SyncResult> {
  const missing = missingSettingsError(settings);
  if (missing) throw missing;
  const api = restApiBase(settings.apiUrl);
  const rest = new REST(api ? { api } : {}).setToken(settings.token.trim());
  try {
    const definitions = options.clear ? [] : commandDefinitions(router);
    return await syncCommands(rest, { applicationId: settings.clientId, guildId: settings.guildId }, definitions);
  } catch (error) {
    throw startError(error, settings, 'sync');
  }
}
