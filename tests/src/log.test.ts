import { describe, expect, it } from 'vitest';
import { createLogger, redact, type LogLevel } from '../../src/index.ts';

const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('redact', () => {
  it('replaces every occurrence of each given secret', () => {
    expect(redact('a s3cr3t-value b s3cr3t-value c other-secret', ['s3cr3t-value', 'other-secret'])).toBe('a [redacted] b [redacted] c [redacted]');
  });

  it('treats secrets as literal text, not patterns', () => {
    expect(redact('pw=a.b*c$&(d) and axbbc', ['a.b*c$&(d)'])).toBe('pw=[redacted] and axbbc');
  });

  it('ignores empty secrets', () => {
    expect(redact('unchanged', ['', ''])).toBe('unchanged');
  });

  it('masks Slack and Discord token shapes even when not given', () => {
    const text = `bot xoxb-123-456-abcDEF user xoxp-9-8-7 app xapp-1-A0B1-xyz discord ${DISCORD_TOKEN} end`;
    const out = redact(text);
    for (const t of ['xoxb-123-456-abcDEF', 'xoxp-9-8-7', 'xapp-1-A0B1-xyz', DISCORD_TOKEN]) expect(out).not.toContain(t);
    expect(out).toBe('bot [redacted] user [redacted] app [redacted] discord [redacted] end');
  });

  it('leaves ordinary text alone', () => {
    const text = 'xoxo hugs, version 1.2.3, node.js, https://example.org/a.b.c, a-b-c';
    expect(redact(text)).toBe(text);
  });
});

describe('createLogger', () => {
  const capture = (level?: LogLevel, secrets?: string[]) => {
    const lines: string[] = [];
    const log = createLogger({ level, secrets, write: (l) => lines.push(l) });
    return { log, lines };
  };
  const everyLevel = (log: ReturnType<typeof createLogger>) => {
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
  };

  it.each([
    ['debug', ['[debug] d', '[info] i', '[warn] w', '[error] e']],
    ['info', ['[info] i', '[warn] w', '[error] e']],
    ['warn', ['[warn] w', '[error] e']],
    ['error', ['[error] e']],
    ['silent', []],
  ] as const)('at level %s writes only that level and above', (level, expected) => {
    const { log, lines } = capture(level);
    everyLevel(log);
    expect(lines).toEqual(expected);
  });

  it('defaults to info', () => {
    const { log, lines } = capture();
    everyLevel(log);
    expect(lines).toEqual(['[info] i', '[warn] w', '[error] e']);
  });

  it('redacts secrets and token shapes in messages and details, errors included', () => {
    const { log, lines } = capture('debug', ['hunter2-password']);
    log.info('connecting with hunter2-password');
    log.error('request failed', new Error(`401 for token xoxb-1-2-abc and hunter2-password`));
    log.warn('payload', { headers: { authorization: `Bot ${DISCORD_TOKEN}` }, secret: 'hunter2-password' });
    log.debug('text detail', 'xapp-1-zzz');
    const all = lines.join('\n');
    for (const s of ['hunter2-password', 'xoxb-1-2-abc', DISCORD_TOKEN, 'xapp-1-zzz']) expect(all).not.toContain(s);
    expect(lines[0]).toBe('[info] connecting with [redacted]');
    expect(lines[1]).toBe('[error] request failed Error: 401 for token [redacted] and [redacted]');
  });

  it('prints an error as one line without its stack', () => {
    const { log, lines } = capture();
    log.error('boom', new TypeError('bad thing'));
    expect(lines).toEqual(['[error] boom TypeError: bad thing']);
  });

  it('copes with details that cannot be serialised', () => {
    const { log, lines } = capture();
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    expect(() => log.info('circular', circular)).not.toThrow();
    expect(() => log.info('bigint', { n: 10n })).not.toThrow();
    expect(lines).toHaveLength(2);
  });

  it('writes to stderr by default', () => {
    const writes: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (writes.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      createLogger().info('to stderr xoxb-9-9');
    } finally {
      process.stderr.write = original;
    }
    expect(writes).toEqual(['[info] to stderr [redacted]\n']);
  });
});
