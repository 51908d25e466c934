/**
 * A bounded, expiring set of Slack event ids: remembers each id for `ttlMs`, and never more
 * than `maxSize` ids (the oldest are forgotten first), so memory stays flat however busy the
 * workspace is. One process only; several instances would need a shared store such as Redis.
 */
export interface SeenEventsOptions {
  /** How long an id is remembered. Default 10 minutes: Slack's last retry comes ~5 minutes in. */
  ttlMs?: number;
  /** Most ids kept at once. Default 10,000. */
  maxSize?: number;
}

export interface SeenEvents {
  /** True the first time `id` is offered within the TTL; false for a repeat. */
  firstTime(id: string, now?: number): boolean;
  readonly size: number;
}

export function createSeenEvents(options: SeenEventsOptions = {}): SeenEvents {
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const maxSize = options.maxSize ?? 10_000;
  // Insertion order is arrival order and the TTL is fixed, so expired ids are always at the front.
  const expiries = new Map<string, number>();

  const forgetExpired = (now: number) => {
    for (const [id, expiresAt] of expiries) {
      if (expiresAt > now) break;
      expiries.delete(id);
    }
  };

  return {
    firstTime(id, now = Date.now()) {
      forgetExpired(now);
      if (expiries.has(id)) return false;
      if (expiries.size >= maxSize) {
        const oldest = expiries.keys().next().value;
        if (oldest !== undefined) expiries.delete(oldest);
      }
      expiries.set(id, now + ttlMs);
      return true;
    },
    get size() {
      return expiries.size;
    },
  };
}
