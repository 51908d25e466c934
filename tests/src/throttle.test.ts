import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createThrottle } from '../../src/index.ts';

describe('throttle', () => {
  it('allows a burst of `capacity` messages, then refuses', () => {
    const t = createThrottle({ capacity: 3, refillMs: 1000 });
    expect([1, 2, 3].map(() => t.tryTake('u', 0).ok)).toEqual([true, true, true]);
    expect(t.tryTake('u', 0)).toEqual({ ok: false, retryAfterMs: 1000 });
  });

  it('defaults to a burst of 5 and one message every 4 s', () => {
    const t = createThrottle();
    for (let i = 0; i < 5; i++) expect(t.tryTake('u', 0).ok).toBe(true);
    expect(t.tryTake('u', 0)).toEqual({ ok: false, retryAfterMs: 4000 });
    expect(t.tryTake('u', 3999).ok).toBe(false);
    expect(t.tryTake('u', 4000).ok).toBe(true);
  });

  it('refills one message per refillMs and says how long to wait', () => {
    const t = createThrottle({ capacity: 2, refillMs: 1000 });
    t.tryTake('u', 0);
    t.tryTake('u', 0);
    expect(t.tryTake('u', 250)).toEqual({ ok: false, retryAfterMs: 750 });
    expect(t.tryTake('u', 900)).toEqual({ ok: false, retryAfterMs: 100 });
    expect(t.tryTake('u', 1000)).toEqual({ ok: true });
    // The token just earned is spent: the next one is a whole refill away.
    expect(t.tryTake('u', 1000)).toEqual({ ok: false, retryAfterMs: 1000 });
  });

  it('does not charge for refused attempts', () => {
    const t = createThrottle({ capacity: 1, refillMs: 1000 });
    t.tryTake('u', 0);
    for (let now = 100; now < 1000; now += 100) expect(t.tryTake('u', now).ok).toBe(false);
    expect(t.tryTake('u', 1000).ok).toBe(true);
  });

  it('never stores more than `capacity` messages, however long the user was idle', () => {
    const t = createThrottle({ capacity: 2, refillMs: 1000 });
    t.tryTake('u', 0);
    const later = 1_000_000;
    expect([t.tryTake('u', later).ok, t.tryTake('u', later).ok, t.tryTake('u', later).ok]).toEqual([true, true, false]);
  });

  it('rounds retryAfterMs up to whole milliseconds and never returns 0 or more than refillMs', () => {
    const t = createThrottle({ capacity: 1, refillMs: 3 });
    t.tryTake('u', 0);
    const d = t.tryTake('u', 1);
    expect(d).toEqual({ ok: false, retryAfterMs: 2 });
    const clockBack = createThrottle({ capacity: 1, refillMs: 1000 });
    clockBack.tryTake('u', 5000);
    const back = clockBack.tryTake('u', 0);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.retryAfterMs).toBe(1000);
  });

  it('keeps a bucket per key', () => {
    const t = createThrottle({ capacity: 1, refillMs: 1000 });
    expect(t.tryTake('discord:1', 0).ok).toBe(true);
    expect(t.tryTake('discord:1', 0).ok).toBe(false);
    expect(t.tryTake('slack:1', 0).ok).toBe(true);
  });

  it('forgets the least recently used key once maxKeys are kept', () => {
    const t = createThrottle({ capacity: 1, refillMs: 60_000, maxKeys: 2 });
    t.tryTake('a', 0);
    t.tryTake('b', 0);
    expect(t.tryTake('a', 1).ok).toBe(false); // a is now the most recently used
    expect(t.tryTake('c', 2).ok).toBe(true); // evicts b, not a
    expect(t.tryTake('a', 3).ok).toBe(false); // a still remembered
    expect(t.tryTake('b', 4).ok).toBe(true); // b was forgotten: a fresh bucket (evicts c)
    expect(t.tryTake('c', 5).ok).toBe(true); // c was forgotten too
  });

  it('stays bounded under many distinct keys', () => {
    const t = createThrottle({ capacity: 1, refillMs: 60_000, maxKeys: 100 });
    for (let i = 0; i < 10_000; i++) t.tryTake(`user:${i}`, i);
    // The most recent 100 are remembered, everything older was dropped.
    expect(t.tryTake('user:9999', 10_000).ok).toBe(false);
    expect(t.tryTake('user:9900', 10_000).ok).toBe(false);
    expect(t.tryTake('user:0', 10_000).ok).toBe(true);
  });

  it('uses the clock when no time is given', () => {
    const t = createThrottle({ capacity: 1, refillMs: 60_000 });
    expect(t.tryTake('u').ok).toBe(true);
    const d = t.tryTake('u');
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.retryAfterMs).toBeGreaterThan(59_000);
      expect(d.retryAfterMs).toBeLessThanOrEqual(60_000);
    }
  });
  it('always lets through a user who waits exactly retryAfterMs (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5000 }), fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 60 }), (capacity, refillMs, gaps) => {
        const t = createThrottle({ capacity, refillMs });
        let now = 0;
        let wait: number | null = null;
        for (const gap of gaps) {
          now += wait ?? gap;
          const d = t.tryTake('u', now);
          if (wait !== null) expect(d.ok).toBe(true);
          wait = d.ok ? null : d.retryAfterMs;
          if (!d.ok) expect(d.retryAfterMs).toBeGreaterThan(0);
          if (!d.ok) expect(d.retryAfterMs).toBeLessThanOrEqual(refillMs);
        }
      }),
      { numRuns: 1000, seed: 4 },
    );
  });
});
