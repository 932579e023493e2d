import { describe, expect, it } from 'vitest';
import { createLimiter, retryDelayMs } from '@/lib/amocrm/limiter';
import { FakeClock } from './fake-clock';

/** The largest number of starts inside any window [s, s + 1000) that begins at a start. */
function busiestWindow(starts: number[]): number {
  return Math.max(0, ...starts.map((s) => starts.filter((x) => x >= s && x < s + 1000).length));
}

function limiterOn(clock: FakeClock, perSecond?: number): ReturnType<typeof createLimiter> {
  return createLimiter({ now: clock.now, sleep: clock.sleep, ...(perSecond ? { perSecond } : {}) });
}

describe('rate limiter', () => {
  it('never starts more than 7 requests in any rolling second for one account', async () => {
    const clock = new FakeClock();
    const limiter = limiterOn(clock);
    const starts: number[] = [];
    const tasks = Array.from({ length: 50 }, () =>
      limiter.schedule('a.amocrm.ru', async () => void starts.push(clock.now())),
    );
    await clock.run(Promise.all(tasks));
    expect(starts).toHaveLength(50);
    expect(busiestWindow(starts)).toBe(7);
    // …and does not wait longer than it must: 50 starts need 7 full windows.
    expect(starts.at(-1)).toBe(7000);
  });

  it('holds the ceiling across a window edge where a token bucket would burst', async () => {
    const clock = new FakeClock();
    const limiter = limiterOn(clock);
    const starts: number[] = [];
    const run = (): Promise<void> => limiter.schedule('a', async () => void starts.push(clock.now()));
    clock.t = 990;
    await clock.run(Promise.all(Array.from({ length: 7 }, run)));
    clock.t = 1010;
    await clock.run(Promise.all(Array.from({ length: 7 }, run)));
    expect(busiestWindow(starts)).toBe(7);
    expect(starts.slice(7)).toEqual(Array(7).fill(1990));
  });

  it('keeps the ceiling when tasks arrive while earlier ones are still running', async () => {
    const clock = new FakeClock();
    const limiter = limiterOn(clock);
    const starts: number[] = [];
    const slow = (): Promise<void> =>
      limiter.schedule('a', async () => {
        starts.push(clock.now());
        await clock.sleep(333);
      });
    const waves = (async (): Promise<void> => {
      const all: Promise<void>[] = [];
      for (let wave = 0; wave < 6; wave += 1) {
        all.push(...Array.from({ length: 5 }, slow));
        await clock.sleep(150);
      }
      await Promise.all(all);
    })();
    await clock.run(waves);
    expect(starts).toHaveLength(30);
    expect(busiestWindow(starts)).toBeLessThanOrEqual(7);
  });

  it('starts tasks in the order they were scheduled', async () => {
    const clock = new FakeClock();
    const limiter = limiterOn(clock);
    const order: number[] = [];
    await clock.run(
      Promise.all(Array.from({ length: 20 }, (_, i) => limiter.schedule('a', async () => void order.push(i)))),
    );
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('limits each account separately', async () => {
    const clock = new FakeClock();
    const limiter = limiterOn(clock);
    const starts: Record<string, number[]> = { a: [], b: [] };
    const tasks = ['a', 'b'].flatMap((key) =>
      Array.from({ length: 7 }, () => limiter.schedule(key, async () => void starts[key]?.push(clock.now()))),
    );
    await clock.run(Promise.all(tasks));
    expect(starts).toEqual({ a: Array(7).fill(0), b: Array(7).fill(0) });
  });

  it('honours a lower ceiling when asked', async () => {
    const clock = new FakeClock();
    const limiter = limiterOn(clock, 2);
    const starts: number[] = [];
    await clock.run(
      Promise.all(Array.from({ length: 6 }, () => limiter.schedule('a', async () => void starts.push(clock.now())))),
    );
    expect(starts).toEqual([0, 0, 1000, 1000, 2000, 2000]);
  });

  it('makes every waiting caller of a paused account wait out the pause', async () => {
    const clock = new FakeClock();
    const limiter = limiterOn(clock);
    const starts: number[] = [];
    limiter.pause('a', 2000);
    const tasks = Array.from({ length: 3 }, () => limiter.schedule('a', async () => void starts.push(clock.now())));
    const other = limiter.schedule('b', async () => clock.now());
    await clock.run(Promise.all(tasks));
    expect(starts).toEqual([2000, 2000, 2000]);
    expect(await other).toBe(0);
  });

  it('passes a task failure to its caller without blocking the next one', async () => {
    const clock = new FakeClock();
    const limiter = limiterOn(clock);
    const failed = limiter.schedule('a', () => Promise.reject(new Error('boom')));
    const next = limiter.schedule('a', async () => 'ok');
    await expect(clock.run(failed)).rejects.toThrow('boom');
    await expect(clock.run(next)).resolves.toBe('ok');
  });

  it.each([0, -1, 1.5])('refuses a ceiling of %s', (perSecond) => {
    expect(() => createLimiter({ perSecond })).toThrow(RangeError);
  });
});

describe('retry delay after a 429', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');
  it.each([
    { retryAfter: '2', attempt: 0, expected: 2000 },
    { retryAfter: ' 5 ', attempt: 3, expected: 5000 },
    { retryAfter: '0', attempt: 0, expected: 1000 },
    { retryAfter: 'Sat, 01 Mar 2025 12:00:03 GMT', attempt: 0, expected: 3000 },
    { retryAfter: 'Sat, 01 Mar 2025 11:59:00 GMT', attempt: 0, expected: 1000 },
    { retryAfter: null, attempt: 0, expected: 1000 },
    { retryAfter: null, attempt: 1, expected: 2000 },
    { retryAfter: null, attempt: 2, expected: 4000 },
    { retryAfter: null, attempt: 3, expected: 8000 },
    { retryAfter: null, attempt: 9, expected: 8000 },
    { retryAfter: 'soon', attempt: 1, expected: 2000 },
    // Seconds and then words, or words and then seconds: neither whole seconds nor a date, so the backoff.
    { retryAfter: '3 seconds', attempt: 1, expected: 2000 },
    { retryAfter: 'x5', attempt: 1, expected: 2000 },
  ])('waits $expected ms for Retry-After $retryAfter on attempt $attempt', ({ retryAfter, attempt, expected }) => {
    expect(retryDelayMs(retryAfter, attempt, now)).toBe(expected);
  });
});
