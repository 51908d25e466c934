import { describe, expect, it } from 'vitest';
import { createSeenEvents } from '../../../adapters/slack/middleware/seen-events.ts';

describe('createSeenEvents', () => {
  it('says yes once per id', () => {
    const seen = createSeenEvents();
    expect(seen.firstTime('Ev1', 0)).toBe(true);
    expect(seen.firstTime('Ev1', 1)).toBe(false);
    expect(seen.firstTime('Ev2', 2)).toBe(true);
  });

  it('forgets an id after the TTL', () => {
    const seen = createSeenEvents({ ttlMs: 1000 });
    seen.firstTime('Ev1', 0);
    expect(seen.firstTime('Ev1', 999)).toBe(false);
    expect(seen.firstTime('Ev1', 1000)).toBe(true);
  });

  it('stays bounded, forgetting the oldest ids first', () => {
    const seen = createSeenEvents({ maxSize: 3 });
    for (const id of ['a', 'b', 'c', 'd']) seen.firstTime(id, 0);
    expect(seen.size).toBe(3);
    expect(seen.firstTime('d', 0)).toBe(false);
    expect(seen.firstTime('a', 0)).toBe(true);
  });
});
