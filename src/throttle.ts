/**
 * Per-user rate limit shared by every adapter: a token bucket per key (usually
 * "<platform>:<user id>"). A user may send `capacity` messages in a burst, then one more
 * every `refillMs`. Buckets of idle users are dropped so memory stays bounded.
 */
export interface ThrottleOptions {
  /** Messages allowed in a burst. Default 5. */
  capacity?: number;
  /** Milliseconds to earn back one message. Default 4000 (15 a minute sustained). */
  refillMs?: number;
  /** Most keys kept at once; the oldest are forgotten first. Default 10,000. */
  maxKeys?: number;
}

export type ThrottleDecision = { ok: true } | { ok: false; retryAfterMs: number };

export interface Throttle {
  /** Takes one message from `key`'s bucket if there is one. */
  tryTake(key: string, now?: number): ThrottleDecision;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export function createThrottle(options: ThrottleOptions = {}): Throttle {
  const capacity = options.capacity ?? 5;
  const refillMs = options.refillMs ?? 4000;
  const maxKeys = options.maxKeys ?? 10_000;
  // A Map keeps insertion order, so re-inserting on use makes the first key the least recent.
  const buckets = new Map<string, Bucket>();

  return {
    tryTake(key, now = Date.now()) {
      const previous = buckets.get(key);
      let tokens = capacity;
      if (previous) {
        const earned = Math.max(0, now - previous.updatedAt) / refillMs;
        tokens = Math.min(capacity, previous.tokens + earned);
        buckets.delete(key);
      } else if (buckets.size >= maxKeys) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      // Fractions of a token add up in floating point (10 x 0.1 < 1): without the tolerance a
      // user who waits exactly retryAfterMs would be refused again.
      if (tokens >= 1 - 1e-9) {
        buckets.set(key, { tokens: Math.max(0, tokens - 1), updatedAt: now });
        return { ok: true };
      }
      buckets.set(key, { tokens, updatedAt: now });
      return { ok: false, retryAfterMs: Math.ceil((1 - tokens) * refillMs) };
    },
  };
}
