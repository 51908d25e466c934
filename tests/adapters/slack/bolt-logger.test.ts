import { LogLevel } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/index.ts';
import { boltLogger } from '../../../adapters/slack/bolt-logger.ts';

function setup() {
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', write: (l) => lines.push(l), secrets: ['xoxb-secret-token'] });
  return { lines, logger: boltLogger(log, LogLevel.INFO) };
}

describe('boltLogger', () => {
  it("holds Bolt's warnings while starting and demotes them to debug when the start fails", () => {
    const { lines, logger } = setup();
    logger.error('Failed to retrieve a new WSS URL', new Error('invalid_auth'));
    logger.info('starting');
    expect(lines).toEqual(['[info] [slack] starting']);
    logger.endStartup('demote');
    expect(lines[1]).toBe('[debug] [slack] Failed to retrieve a new WSS URL Error: invalid_auth');
  });

  it('lets held lines through unchanged after a successful or slow start, then logs normally', () => {
    const { lines, logger } = setup();
    logger.warn('http request failed', 'ECONNREFUSED');
    logger.endStartup('emit');
    logger.warn('Failed to verify authenticity: signature mismatch');
    expect(lines).toEqual(['[warn] [slack] http request failed ECONNREFUSED', '[warn] [slack] Failed to verify authenticity: signature mismatch']);
  });

  it("honours Bolt's level and redacts tokens", () => {
    const { lines, logger } = setup();
    logger.endStartup('emit');
    logger.debug('noisy request body');
    logger.info('token xoxb-secret-token used');
    expect(lines).toEqual(['[info] [slack] token [redacted] used']);
  });
});
