/**
 * Settings from the environment (and .env, loaded by the launcher). Each adapter's block
 * is present only when its required settings are; half-configured adapters are reported
 * as problems, one clear line each, instead of failing later with a stack trace.
 */
import { fileURLToPath } from 'node:url';
import type { LogLevel } from './log.ts';

const LOG_LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export interface DiscordSettings {
  token: string;
  clientId: string;
  /** Register commands in this server only (instant; for development). Global when unset. */
  guildId?: string;
  /** REST base in the form of https://discord.com/api (tests and proxies). */
  apiUrl?: string;
}

export interface SlackSettings {
  botToken: string;
  /** xapp- token: Socket Mode, no public URL needed. */
  appToken?: string;
  /** Verifies HTTP requests; required without an app token. */
  signingSecret?: string;
  /** Web API base, e.g. http://127.0.0.1:4000/api/ (tests and proxies). */
  apiUrl?: string;
  port: number;
}

export interface Settings {
  knowledgeDir: string;
  logLevel: LogLevel;
  discord?: DiscordSettings;
  slack?: SlackSettings;
}

export interface LoadedSettings {
  settings: Settings;
  /** Human-readable problems; the launcher refuses to start when there are any. */
  problems: string[];
}

export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../knowledge', import.meta.url));

type Env = Record<string, string | undefined>;

const value = (env: Env, key: string): string | undefined => {
  const v = env[key]?.trim();
  return v ? v : undefined;
};

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function loadSettings(env: Env = process.env): LoadedSettings {
  const problems: string[] = [];
  const logLevel = (value(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(logLevel as LogLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}".`);
  const settings: Settings = {
    knowledgeDir: value(env, 'KNOWLEDGE_DIR') ?? DEFAULT_KNOWLEDGE_DIR,
    logLevel: LOG_LEVELS.includes(logLevel as LogLevel) ? (logLevel as LogLevel) : 'info',
  };

  const discordToken = value(env, 'DISCORD_TOKEN');
  const clientId = value(env, 'DISCORD_CLIENT_ID');
  if (discordToken || clientId) {
    if (!discordToken) problems.push('DISCORD_CLIENT_ID is set but DISCORD_TOKEN is missing.');
    else if (!clientId) problems.push('DISCORD_TOKEN is set but DISCORD_CLIENT_ID (the application id) is missing.');
    else if (!/^\d{5,25}$/.test(clientId)) problems.push('DISCORD_CLIENT_ID must be the numeric application id.');
    const apiUrl = value(env, 'DISCORD_API_URL');
    if (apiUrl && !isHttpUrl(apiUrl)) problems.push('DISCORD_API_URL must be an http(s) URL such as https://discord.com/api.');
    const guildId = value(env, 'DISCORD_GUILD_ID');
    if (guildId && !/^\d{5,25}$/.test(guildId)) problems.push('DISCORD_GUILD_ID must be a numeric server id.');
    if (discordToken && clientId) settings.discord = { token: discordToken, clientId, guildId, apiUrl };
  }

  const botToken = value(env, 'SLACK_BOT_TOKEN');
  const appToken = value(env, 'SLACK_APP_TOKEN');
  const signingSecret = value(env, 'SLACK_SIGNING_SECRET');
  if (botToken || appToken || signingSecret) {
    const portText = value(env, 'PORT') ?? '3000';
    const port = Number(portText);
    if (!botToken) problems.push('Slack settings are present but SLACK_BOT_TOKEN (xoxb-...) is missing.');
    else if (!botToken.startsWith('xoxb-')) problems.push('SLACK_BOT_TOKEN should be a bot token starting with xoxb-.');
    if (appToken && !appToken.startsWith('xapp-')) problems.push('SLACK_APP_TOKEN should be an app-level token starting with xapp-.');
    if (!appToken && !signingSecret)
      problems.push('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode).');
    if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a port number, not "${portText}".`);
    const apiUrl = value(env, 'SLACK_API_URL');
    if (apiUrl && !isHttpUrl(apiUrl)) problems.push('SLACK_API_URL must be an http(s) URL such as https://slack.com/api/.');
    if (botToken) settings.slack = { botToken, appToken, signingSecret, apiUrl, port };
  }

  return { settings, problems };
}

/** Every secret in the settings, so the logger can blank them out of anything it prints. */
export function secretsOf(settings: Settings): string[] {
  return [settings.discord?.token, settings.slack?.botToken, settings.slack?.appToken, settings.slack?.signingSecret].filter(
    (s): s is string => typeof s === 'string' && s.length >= 6,
  );
}
