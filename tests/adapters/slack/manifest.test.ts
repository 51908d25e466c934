/**
 * The manifest creates an app that can reach every listener the adapter registers: the same
 * slash command, the events it listens to, and the scopes those need.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROADMAP_COMMAND } from '../../../adapters/slack/listeners/roadmap-command.ts';

interface Manifest {
  features: { app_home: { messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean }; slash_commands: { command: string; description: string; usage_hint?: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
}

const manifest = parse(readFileSync(new URL('../../../adapters/slack/manifest.yml', import.meta.url), 'utf8')) as Manifest;

describe('adapters/slack/manifest.yml', () => {
  it('declares the /roadmap command the adapter listens for, within Slack limits', () => {
    const [command] = manifest.features.slash_commands;
    expect(command?.command).toBe(ROADMAP_COMMAND);
    expect(command?.description.length).toBeLessThanOrEqual(100);
    expect(command?.usage_hint?.length ?? 0).toBeLessThanOrEqual(100);
  });

  it('subscribes to mentions and direct messages and enables buttons', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.im']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });

  it('asks for exactly the scopes those need', () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['app_mentions:read', 'chat:write', 'commands', 'im:history']);
  });

  it('creates the app in Socket Mode', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
