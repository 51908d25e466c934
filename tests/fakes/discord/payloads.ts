/**
 * Real INTERACTION_CREATE payloads as Discord's gateway sends them, with the fields discord.js
 * 14.28 requires (entitlements, authorizing_integration_owners, a full message on component
 * interactions). Each builder returns a fresh interaction id and token.
 */
import type { FakeUserJson } from './rest.ts';

export const GUILD_ID = '222222222222222222';
export const CHANNEL_ID = '900000000000000001';
export const DM_CHANNEL_ID = '900000000000000009';

let snowflake = 1_300_000_000_000_000_000n;
/** A fresh numeric id, increasing like Discord's snowflakes. */
export function nextSnowflake(): string {
  snowflake += 1n;
  return snowflake.toString();
}

export interface FakeMember {
  id: string;
  username: string;
}

export const ALICE: FakeMember = { id: '300000000000000001', username: 'alice' };
export const BOB: FakeMember = { id: '300000000000000002', username: 'bob' };

/** An option as it arrives in `data.options`. */
export type OptionJson = { name: string; type: number; value?: string | number | boolean; focused?: boolean; options?: OptionJson[] };

export const option = {
  subcommand: (name: string, options: OptionJson[] = []): OptionJson => ({ name, type: 1, options }),
  string: (name: string, value: string, focused = false): OptionJson => ({ name, type: 3, value, ...(focused ? { focused: true } : {}) }),
  boolean: (name: string, value: boolean): OptionJson => ({ name, type: 5, value }),
  user: (name: string, id: string): OptionJson => ({ name, type: 6, value: id }),
};

function userJson(m: FakeMember): FakeUserJson {
  return { id: m.id, username: m.username, discriminator: '0', global_name: m.username, avatar: null };
}

function memberJson(m: FakeMember) {
  return {
    user: userJson(m),
    roles: [],
    joined_at: '2026-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    nick: null,
    avatar: null,
    premium_since: null,
    communication_disabled_until: null,
    permissions: '2248473465835073',
  };
}

interface Base {
  applicationId: string;
  user?: FakeMember;
  /** Sent from a direct message with the bot instead of a server channel. */
  dm?: boolean;
}

function envelope(type: number, base: Base, data: unknown, extra: Record<string, unknown> = {}) {
  const user = base.user ?? ALICE;
  // Where the interaction happened: a DM with the bot, or the study group's server channel.
  const place = base.dm
    ? { channel_id: DM_CHANNEL_ID, channel: { id: DM_CHANNEL_ID, type: 1, flags: 0, recipients: [userJson(user)] }, user: userJson(user), context: 1 }
    : {
        guild_locale: 'en-US',
        guild_id: GUILD_ID,
        channel_id: CHANNEL_ID,
        channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: 'study-group', position: 0, permission_overwrites: [], nsfw: false, parent_id: null },
        member: memberJson(user),
        context: 0,
      };
  return {
    id: nextSnowflake(),
    application_id: base.applicationId,
    type,
    token: `interaction-token-${nextSnowflake()}`,
    version: 1,
    locale: 'en-US',
    ...place,
    app_permissions: '2248473465835073',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    attachment_size_limit: 10_485_760,
    data,
    ...extra,
  };
}

/** Users named in `for`-style options, as Discord resolves them. */
function resolvedFor(options: OptionJson[], people: FakeMember[]) {
  const ids = new Set<string>();
  const walk = (os: OptionJson[]) => {
    for (const o of os) {
      if (o.type === 6 && typeof o.value === 'string') ids.add(o.value);
      if (o.options) walk(o.options);
    }
  };
  walk(options);
  if (!ids.size) return undefined;
  const found = people.filter((p) => ids.has(p.id));
  return {
    users: Object.fromEntries(found.map((p) => [p.id, userJson(p)])),
    members: Object.fromEntries(found.map((p) => [p.id, { ...memberJson(p), user: undefined }])),
  };
}

export function slashCommand(base: Base & { name: string; options?: OptionJson[]; people?: FakeMember[] }) {
  const options = base.options ?? [];
  const resolved = resolvedFor(options, base.people ?? [ALICE, BOB]);
  return envelope(2, base, { id: nextSnowflake(), name: base.name, type: 1, guild_id: GUILD_ID, options, ...(resolved ? { resolved } : {}) });
}

export function autocomplete(base: Base & { name: string; options: OptionJson[] }) {
  return envelope(4, base, { id: nextSnowflake(), name: base.name, type: 1, guild_id: GUILD_ID, options: base.options });
}

/**
 * The message a bot reply became, as Discord hands it back: built from the callback or webhook
 * data the bot sent, so a test presses the bot's real components. On a button press or select it
 * carries the interaction the reply answered (`author`'s, ALICE unless given); the fake REST
 * passes null for the message it returns for a webhook send or edit, which has none.
 */
export function messageFromReply(data: any, bot: FakeUserJson, applicationId: string, author: FakeMember | null = ALICE) {
  return {
    id: nextSnowflake(),
    type: 20,
    channel_id: CHANNEL_ID,
    author: bot,
    content: data.content ?? '',
    embeds: data.embeds ?? [],
    components: data.components ?? [],
    flags: data.flags ?? 0,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    pinned: false,
    application_id: applicationId,
    webhook_id: applicationId,
    ...(author
      ? {
          interaction_metadata: {
            id: nextSnowflake(),
            type: 2,
            user: userJson(author),
            authorizing_integration_owners: { '0': GUILD_ID },
          },
        }
      : {}),
  };
}

export function buttonPress(base: Base & { customId: string; message: unknown }) {
  return envelope(3, base, { custom_id: base.customId, component_type: 2 }, { message: base.message });
}

export function selectChoice(base: Base & { customId: string; values: string[]; message: unknown }) {
  return envelope(3, base, { custom_id: base.customId, component_type: 3, values: base.values }, { message: base.message });
}
