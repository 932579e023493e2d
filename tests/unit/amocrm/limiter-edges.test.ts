/**
 * The amoCRM rate limiter at its boundaries: the exact moment a window frees a start, pauses that
 * overlap, and the defaults a caller gets without options.
 */
import { describe, expect, it } from 'vitest';
import { AMO_REQUESTS_PER_SECOND, createLimiter, retryDelayMs } from '@/lib/amocrm/limiter';
import { FakeClock } from './fake-clock';

function startsOf(
  clock: FakeClock,
  limiter: ReturnType<typeof createLimiter>,
  key: string,
  n: number,
): Promise<number[]> {
  return clock.run(Promise.all(Array.from({ length: n }, () => limiter.schedule(key, async () => clock.now()))));
}

describe('the window’s edge', () => {
  it('frees a start exactly one second after the oldest, not a millisecond before', async () => {
    const clock = new FakeClock();
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep, perSecond: 2 });
    clock.t = 100;
    expect(await startsOf(clock, limiter, 'a', 2)).toEqual([100, 100]);
    clock.t = 1099;
    expect(await startsOf(clock, limiter, 'a', 1)).toEqual([1100]);
  });

  it('starts at once while the window has room', async () => {
    const clock = new FakeClock();
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep });
    expect(await startsOf(clock, limiter, 'a', AMO_REQUESTS_PER_SECOND)).toEqual(Array(7).fill(0));
    expect(AMO_REQUESTS_PER_SECOND).toBe(7);
  });
});

describe('pauses', () => {
  it('holds starts until the pause ends', async () => {
    const clock = new FakeClock();
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep });
    clock.t = 500;
    limiter.pause('a', 3_000);
    expect(await startsOf(clock, limiter, 'a', 1)).toEqual([3_500]);
    // Another account is not held.
    expect(await startsOf(clock, limiter, 'b', 1)).toEqual([3_500]);
  });

  it('a shorter pause does not shorten a longer one, and a negative one holds nothing', async () => {
    const clock = new FakeClock();
    const limiter = createLimiter({ now: clock.now, sleep: clock.sleep });
    limiter.pause('a', 5_000);
    limiter.pause('a', 1_000);
    expect(await startsOf(clock, limiter, 'a', 1)).toEqual([5_000]);
    limiter.pause('b', -2_000);
    expect(await startsOf(clock, limiter, 'b', 1)).toEqual([5_000]);
  });

  it('shares the clock it counts with', () => {
    const clock = new FakeClock();
    clock.t = 1234;
    expect(createLimiter({ now: clock.now }).now()).toBe(1234);
  });
});

describe('defaults', () => {
  it('runs on the real clock and timers without options', async () => {
    const limiter = createLimiter();
    const before = Date.now();
    expect(await limiter.schedule('a', async () => 'done')).toBe('done');
    expect(limiter.now()).toBeGreaterThanOrEqual(before);
    // A pause of a few milliseconds is really waited out.
    limiter.pause('a', 30);
    const t0 = Date.now();
    await limiter.schedule('a', async () => undefined);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
  });

  it('takes a ceiling of one call a second, the smallest there is', () => {
    expect(() => createLimiter({ perSecond: 1 })).not.toThrow();
  });

  it.each([0, -1, 1.5])('refuses a ceiling of %s, in words', (perSecond) => {
    expect(() => createLimiter({ perSecond })).toThrow(`perSecond must be a positive integer, got ${perSecond}`);
  });
});

describe('retry delay with other steps', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');
  it.each([
    { attempt: 0, expected: 1_500 },
    { attempt: 1, expected: 3_000 },
    { attempt: 2, expected: 5_000 },
  ])('with a 1.5 s first step capped at 5 s, attempt $attempt waits $expected ms', ({ attempt, expected }) => {
    expect(retryDelayMs(null, attempt, now, { baseMs: 1_500, capMs: 5_000 })).toBe(expected);
  });

  it('never waits less than one window, whatever the steps', () => {
    expect(retryDelayMs(null, 0, now, { baseMs: 10, capMs: 50 })).toBe(1_000);
    expect(retryDelayMs('', 0, now, { baseMs: 10 })).toBe(1_000);
  });

  it('reads an HTTP date far ahead as that long', () => {
    expect(retryDelayMs('Sat, 01 Mar 2025 12:01:00 GMT', 0, now)).toBe(60_000);
  });
});
