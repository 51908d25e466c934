/**
 * Bolt's Logger interface on top of the core logger, so Bolt's own lines (a refused signature,
 * a failed Web API call) reach the same place as ours, with secrets redacted.
 *
 * While the adapter starts, Bolt's warnings and errors are held back: when the start fails,
 * the AdapterStartError line already says what went wrong, and Bolt's lines about the same
 * failure only go to debug. When a start takes unusually long (the Socket Mode client retrying
 * quietly), the held lines are let through so the user sees why.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/index.ts';

const SEVERITY: Record<LogLevel, number> = { [LogLevel.DEBUG]: 10, [LogLevel.INFO]: 20, [LogLevel.WARN]: 30, [LogLevel.ERROR]: 40 };

function line(parts: unknown[]): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      if (p instanceof Error) return `${p.name}: ${p.message}`;
      try {
        return JSON.stringify(p);
      } catch {
        return String(p);
      }
    })
    .join(' ');
}

export interface AdapterBoltLogger extends BoltLogger {
  /** Ends the start-up hold: held lines go out as they were (`'emit'`) or at debug (`'demote'`). */
  endStartup(held: 'emit' | 'demote'): void;
}

export function boltLogger(log: Logger, initial: LogLevel = LogLevel.INFO): AdapterBoltLogger {
  let level = initial;
  let name = 'slack';
  let holding = true;
  const held: { level: LogLevel.WARN | LogLevel.ERROR; message: string }[] = [];

  const write = (at: LogLevel, message: string) => {
    if (at === LogLevel.ERROR) log.error(message);
    else if (at === LogLevel.WARN) log.warn(message);
    else if (at === LogLevel.INFO) log.info(message);
    else log.debug(message);
  };
  const at = (wanted: LogLevel) => (...parts: unknown[]) => {
    if (SEVERITY[wanted] < SEVERITY[level]) return;
    const message = `[${name}] ${line(parts)}`;
    if (holding && (wanted === LogLevel.WARN || wanted === LogLevel.ERROR)) held.push({ level: wanted, message });
    else write(wanted, message);
  };

  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n) => {
      name = n;
    },
    endStartup(mode) {
      if (!holding) return;
      holding = false;
      for (const h of held.splice(0)) write(mode === 'emit' ? h.level : LogLevel.DEBUG, h.message);
    },
  };
}
