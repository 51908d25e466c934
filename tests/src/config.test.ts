import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR, loadSettings, secretsOf } from '../../src/index.ts';

const DISCORD = { DISCORD_TOKEN: 'discord-secret-token-value', DISCORD_CLIENT_ID: '123456789012345678' };
const SLACK = { SLACK_BOT_TOKEN: 'xoxb-slack-secret-123', SLACK_SIGNING_SECRET: 'signing-secret-456' };

describe('loadSettings', () => {
  it('with nothing set: no problems, no adapters, the shipped knowledge dir', () => {
    const { settings, problems } = loadSettings({});
    expect(problems).toEqual([]);
    expect(settings).toEqual({ knowledgeDir: DEFAULT_KNOWLEDGE_DIR, logLevel: 'info' });
    expect(DEFAULT_KNOWLEDGE_DIR).toMatch(/knowledge$/);
  });

  it('takes LOG_LEVEL in any case, and names the allowed values when it is wrong', () => {
    expect(loadSettings({ LOG_LEVEL: 'WARN' }).settings.logLevel).toBe('warn');
    const { settings, problems } = loadSettings({ LOG_LEVEL: 'verbose' });
    expect(problems).toEqual(['LOG_LEVEL must be one of debug, info, warn, error, silent, not "verbose".']);
    expect(settings.logLevel).toBe('info');
  });

  it('takes KNOWLEDGE_DIR, ignoring a blank one', () => {
    expect(loadSettings({ KNOWLEDGE_DIR: '/tmp/kb' }).settings.knowledgeDir).toBe('/tmp/kb');
    expect(loadSettings({ KNOWLEDGE_DIR: '   ' }).settings.knowledgeDir).toBe(DEFAULT_KNOWLEDGE_DIR);
  });

  it('reads complete Discord and Slack settings, trimmed, without problems', () => {
    const { settings, problems } = loadSettings({
      ...DISCORD,
      DISCORD_TOKEN: `  ${DISCORD.DISCORD_TOKEN}\n`,
      DISCORD_GUILD_ID: '987654321',
      DISCORD_API_URL: 'http://127.0.0.1:9999/api',
      SLACK_BOT_TOKEN: SLACK.SLACK_BOT_TOKEN,
      SLACK_APP_TOKEN: 'xapp-1-abc',
      SLACK_API_URL: 'http://127.0.0.1:4000/api/',
      PORT: '8080',
    });
    expect(problems).toEqual([]);
    expect(settings.discord).toEqual({ token: DISCORD.DISCORD_TOKEN, clientId: DISCORD.DISCORD_CLIENT_ID, guildId: '987654321', apiUrl: 'http://127.0.0.1:9999/api' });
    expect(settings.slack).toEqual({ botToken: SLACK.SLACK_BOT_TOKEN, appToken: 'xapp-1-abc', signingSecret: undefined, apiUrl: 'http://127.0.0.1:4000/api/', port: 8080 });
    expect(loadSettings(SLACK).settings.slack?.port).toBe(3000);
  });

  // Each half-configured setting, and the one problem it must produce.
  const cases: [string, Record<string, string>, RegExp][] = [
    ['Discord client id without token', { DISCORD_CLIENT_ID: '123456789' }, /DISCORD_CLIENT_ID is set but DISCORD_TOKEN is missing/],
    ['Discord token without client id', { DISCORD_TOKEN: DISCORD.DISCORD_TOKEN }, /DISCORD_TOKEN is set but DISCORD_CLIENT_ID .* is missing/],
    ['non-numeric Discord client id', { ...DISCORD, DISCORD_CLIENT_ID: 'my-bot' }, /DISCORD_CLIENT_ID must be the numeric application id/],
    ['bad Discord API URL', { ...DISCORD, DISCORD_API_URL: 'discord.com/api' }, /DISCORD_API_URL must be an http\(s\) URL/],
    ['non-numeric guild id', { ...DISCORD, DISCORD_GUILD_ID: 'my server' }, /DISCORD_GUILD_ID must be a numeric server id/],
    ['Slack app token without bot token', { SLACK_APP_TOKEN: 'xapp-1-secret' }, /SLACK_BOT_TOKEN \(xoxb-\.\.\.\) is missing/],
    ['Slack user token as bot token', { ...SLACK, SLACK_BOT_TOKEN: 'xoxp-user-secret-999' }, /SLACK_BOT_TOKEN should be a bot token starting with xoxb-/],
    ['Slack app token of the wrong kind', { ...SLACK, SLACK_APP_TOKEN: 'xoxb-not-an-app-token' }, /SLACK_APP_TOKEN should be an app-level token starting with xapp-/],
    ['Slack without app token or signing secret', { SLACK_BOT_TOKEN: SLACK.SLACK_BOT_TOKEN }, /Slack needs SLACK_APP_TOKEN \(Socket Mode\) or SLACK_SIGNING_SECRET \(HTTP mode\)/],
    ['bad PORT', { ...SLACK, PORT: 'eighty' }, /PORT must be a port number, not "eighty"/],
    ['PORT out of range', { ...SLACK, PORT: '70000' }, /PORT must be a port number/],
    ['bad Slack API URL', { ...SLACK, SLACK_API_URL: 'ftp://slack.com/api' }, /SLACK_API_URL must be an http\(s\) URL/],
  ];

  it.each(cases)('%s: one clear problem', (_name, env, message) => {
    const { problems } = loadSettings(env);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
    expect(problems[0]).not.toContain('\n');
  });

  it('does not start a half-configured adapter', () => {
    expect(loadSettings({ DISCORD_TOKEN: DISCORD.DISCORD_TOKEN }).settings.discord).toBeUndefined();
    expect(loadSettings({ SLACK_APP_TOKEN: 'xapp-1-x' }).settings.slack).toBeUndefined();
  });

  it('reports problems of both adapters at once', () => {
    expect(loadSettings({ DISCORD_TOKEN: 'tok-secret', SLACK_BOT_TOKEN: 'xoxb-abc-secret' }).problems).toHaveLength(2);
  });

  it('never puts a secret value in a problem message (fast-check over half-configured environments)', () => {
    const secret = (prefix: string) => fc.stringMatching(/^[A-Za-z0-9]{10,24}$/).map((s) => `${prefix}${s}`);
    const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const env = fc.record({
      DISCORD_TOKEN: maybe(fc.oneof(secret(''), secret('MTI'))),
      DISCORD_CLIENT_ID: maybe(fc.oneof(fc.constant('123456789'), secret('id'))),
      DISCORD_GUILD_ID: maybe(fc.oneof(fc.constant('123456789'), fc.constant('x'))),
      DISCORD_API_URL: maybe(fc.constantFrom('https://discord.com/api', 'nope')),
      SLACK_BOT_TOKEN: maybe(fc.oneof(secret('xoxb-'), secret('xoxp-'), secret(''))),
      SLACK_APP_TOKEN: maybe(fc.oneof(secret('xapp-'), secret('xoxb-'), secret(''))),
      SLACK_SIGNING_SECRET: maybe(secret('')),
      PORT: maybe(fc.constantFrom('3000', 'abc', '-1')),
      SLACK_API_URL: maybe(fc.constantFrom('https://slack.com/api/', 'nope')),
    });
    fc.assert(
      fc.property(env, (e) => {
        const clean = Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as Record<string, string>;
        const { problems } = loadSettings(clean);
        const secrets = [clean.DISCORD_TOKEN, clean.SLACK_BOT_TOKEN, clean.SLACK_APP_TOKEN, clean.SLACK_SIGNING_SECRET].filter((s): s is string => !!s);
        for (const p of problems) for (const s of secrets) expect(p).not.toContain(s);
      }),
      { numRuns: 500, seed: 3 },
    );
  });
});

describe('secretsOf', () => {
  it('lists every configured secret and nothing else', () => {
    const { settings } = loadSettings({ ...DISCORD, ...SLACK, SLACK_APP_TOKEN: 'xapp-1-app-secret', KNOWLEDGE_DIR: '/tmp/kb' });
    expect(secretsOf(settings).sort()).toEqual([DISCORD.DISCORD_TOKEN, SLACK.SLACK_BOT_TOKEN, 'xapp-1-app-secret', SLACK.SLACK_SIGNING_SECRET].sort());
    expect(secretsOf(loadSettings({}).settings)).toEqual([]);
  });

  it('skips values too short to redact safely', () => {
    expect(secretsOf({ knowledgeDir: '/x', logLevel: 'info', slack: { botToken: 'xoxb-1', signingSecret: 'abc', port: 1 } })).toEqual(['xoxb-1']);
  });
});
