/**
 * Command sync: read what Discord has registered and bulk-overwrite (PUT) only when our
 * definitions differ. Discord allows 200 command creations a day per scope, so a bot that
 * PUT on every start could lock itself out during a crash loop; with this, restarts cost one
 * GET. Used at start and by `npm run discord:deploy`.
 *
 * Scope: one server when a guild id is given (updates show at once: for development),
 * otherwise global.
 */
import { Routes, type APIApplicationCommand, type REST, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';

export interface SyncTarget {
  applicationId: string;
  /** Register in this server only; global when unset. */
  guildId?: string;
}

export interface SyncResult {
  scope: 'guild' | 'global';
  /** True when the definitions differed and were PUT. */
  changed: boolean;
  count: number;
}

type CommandJson = RESTPostAPIChatInputApplicationCommandsJSONBody;

export function commandsRoute(target: SyncTarget): `/${string}` {
  return target.guildId ? Routes.applicationGuildCommands(target.applicationId, target.guildId) : Routes.applicationCommands(target.applicationId);
}

export async function syncCommands(rest: REST, target: SyncTarget, definitions: CommandJson[]): Promise<SyncResult> {
  const route = commandsRoute(target);
  const registered = (await rest.get(route)) as APIApplicationCommand[];
  const result = { scope: target.guildId ? ('guild' as const) : ('global' as const), count: definitions.length };
  if (sameCommands(definitions, registered)) return { ...result, changed: false };
  await rest.put(route, { body: definitions });
  return { ...result, changed: true };
}

// Fields compared on every command, option and choice. Discord leaves out defaults in what it
// returns (`required: false`, empty lists, null localizations), so absent, false, null and []
// all count as the same "unset".
const COMPARED = [
  'name',
  'type',
  'description',
  'name_localizations',
  'description_localizations',
  'default_member_permissions',
  'nsfw',
  'required',
  'autocomplete',
  'min_length',
  'max_length',
  'min_value',
  'max_value',
  'channel_types',
  'choices',
  'value',
  'options',
] as const;
// Fields Discord fills with its own defaults when we omit them: compared only if we set them.
const COMPARED_WHEN_SET = ['contexts', 'integration_types', 'dm_permission'] as const;

/** True when Discord already has exactly these commands (ids, versions and defaults aside). */
export function sameCommands(definitions: readonly CommandJson[], registered: readonly APIApplicationCommand[]): boolean {
  if (definitions.length !== registered.length) return false;
  const extra = new Set<string>(COMPARED_WHEN_SET.filter((k) => definitions.some((d) => (d as unknown as Record<string, unknown>)[k] !== undefined)));
  const canonical = (list: readonly object[]) =>
    JSON.stringify(
      list
        .map((c) => project({ type: 1, ...c }, extra))
        .sort((a, b) => String(a.name).localeCompare(String(b.name))),
    );
  return canonical(definitions) === canonical(registered);
}

function project(node: Record<string, unknown>, extra: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [...COMPARED, ...extra]) {
    const value = unsetToUndefined(node[key]);
    if (value === undefined) continue;
    out[key] = Array.isArray(value) ? value.map((v) => (isObject(v) ? project(v, new Set()) : v)) : isObject(value) ? sortKeys(value) : value;
  }
  return out;
}

function unsetToUndefined(value: unknown): unknown {
  if (value === null || value === false || (Array.isArray(value) && value.length === 0)) return undefined;
  if (isObject(value) && Object.keys(value).length === 0) return undefined;
  return value;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Localization maps compare by content, not key order. */
function sortKeys(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));
}
