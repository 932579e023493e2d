/**
 * What the amoCRM client says when a read fails — these sentences reach the panel's error view and
 * the logs — and the limits of its patience with 429, at their exact edges.
 */
import { describe, expect, it } from 'vitest';
import { createAmoClient, type AmoClient, type AmoTransport } from '@/lib/amocrm/client';
import { AmoError } from '@/lib/amocrm/errors';
import { createLimiter } from '@/lib/amocrm/limiter';
import type { AmoFetchReply } from '@/lib/messages';
import { FakeClock } from './fake-clock';
import { empty, hal, problem, tooMany } from './fake-amocrm';

function clientOn(
  transport: AmoTransport,
  options: { maxRetries?: number; maxWaitMs?: number } = {},
): { client: AmoClient; clock: FakeClock } {
  const clock = new FakeClock();
  const limiter = createLimiter({ now: clock.now, sleep: clock.sleep });
  return { client: createAmoClient({ transport, limiter, key: 'fixture.amocrm.ru', ...options }), clock };
}

function always(reply: AmoFetchReply): AmoTransport & { paths: string[] } {
  const paths: string[] = [];
  return Object.assign(
    (path: string) => {
      paths.push(path);
      return Promise.resolve(reply);
    },
    { paths },
  );
}

async function failure(promise: Promise<unknown>, clock: FakeClock): Promise<AmoError> {
  try {
    await clock.run(promise);
  } catch (err) {
    if (err instanceof AmoError) return err;
    throw err;
  }
  throw new Error('expected an AmoError');
}

describe('the words of a failed read', () => {
  it('names amoCRM’s problem with its detail', async () => {
    const { client, clock } = clientOn(always(problem(403, 'Forbidden', { detail: 'Access denied' })));
    expect((await failure(client.getUser(7), clock)).message).toBe(
      'amoCRM answered 403 to /api/v4/users/7?with=phone_number: Forbidden (Access denied)',
    );
  });

  it('names amoCRM’s problem without a detail', async () => {
    const body = JSON.stringify({ title: 'Internal Server Error', status: 500 });
    const { client, clock } = clientOn(
      always({ status: 500, contentType: 'application/problem+json', retryAfter: null, body }),
    );
    expect((await failure(client.getAccount(), clock)).message).toBe(
      'amoCRM answered 500 to /api/v4/account: Internal Server Error',
    );
  });

  it('says only the status when amoCRM sent no problem', async () => {
    const { client, clock } = clientOn(
      always({ status: 502, contentType: 'text/html', retryAfter: null, body: 'Bad Gateway' }),
    );
    const err = await failure(client.getAccount(), clock);
    expect(err.message).toBe('amoCRM answered 502 to /api/v4/account');
    expect(err.problem).toBeUndefined();
  });

  it('says an answer did not have its documented shape, and why', async () => {
    const { client, clock } = clientOn(always(hal(200, { id: 'not a number', name: 'x' })));
    const err = await failure(client.getAccount(), clock);
    expect(err.message).toMatch(/^amoCRM's answer to \/api\/v4\/account does not match its documented shape: ./);
    expect(err.cause).toBeDefined();
  });

  it('says in its own words what each field of a misshapen answer got wrong, not zod’s bare "Invalid input"', async () => {
    const { client, clock } = clientOn(always(hal(200, { id: 'not a number', name: 'x' })));
    const err = await failure(client.getAccount(), clock);
    expect(err.message).toContain('"message": "expected number, got string"');
    expect(err.message).toContain('"message": "missing"');
    expect(err.message).not.toContain('Invalid input');
  });

  it('says an empty answer where a body always comes is wrong', async () => {
    const { client, clock } = clientOn(always(empty));
    expect(await failure(client.getAccount(), clock)).toMatchObject({
      kind: 'malformed',
      status: 204,
      path: '/api/v4/account',
      message: 'amoCRM answered 204 (empty) to /api/v4/account, which always has a body',
    });
  });

  it('says a user list without a count is wrong', async () => {
    const { client, clock } = clientOn(always(hal(200, { _page: 1, _embedded: { users: [] } })));
    expect(await failure(client.getUserCount(), clock)).toMatchObject({
      kind: 'malformed',
      status: 200,
      path: '/api/v4/users?limit=1',
      message: "amoCRM's user list for /api/v4/users?limit=1 has no _total_items",
    });
  });

  it('says when amoCRM offers widgets for ever', async () => {
    const full = hal(200, {
      _embedded: {
        widgets: Array.from({ length: 250 }, (_, i) => ({
          id: i,
          code: `w${i}`,
          version: '1',
          is_active_in_account: false,
        })),
      },
    });
    const { client, clock } = clientOn(always(full));
    expect(await failure(client.listWidgets(), clock)).toMatchObject({
      kind: 'malformed',
      path: '/api/v4/widgets?limit=250&page=100',
      message: 'amoCRM still offered more widgets after 100 pages',
    });
  });

  it('says a user id is not one', async () => {
    const { client, clock } = clientOn(always(empty));
    expect((await failure(client.getUser(-3), clock)).message).toBe('Not a user id: -3');
    expect((await failure(client.getUser(Number.MAX_SAFE_INTEGER + 2), clock)).kind).toBe('unexpected');
  });

  it('reads user 0, the smallest id', async () => {
    const transport = always(empty);
    const { client, clock } = clientOn(transport);
    await failure(client.getUser(0), clock);
    expect(transport.paths).toEqual(['/api/v4/users/0?with=phone_number']);
  });

  it('says amoCRM could not be reached, with what the transport said', async () => {
    const { client, clock } = clientOn(() => Promise.reject('the tab was closed'));
    expect(await failure(client.getAccount(), clock)).toMatchObject({
      kind: 'network',
      path: '/api/v4/account',
      message: 'Could not reach amoCRM for /api/v4/account: the tab was closed',
    });
  });

  it('passes on an amoCRM error the transport raised, as it is', async () => {
    const raised = new AmoError('signed_out', 'The session ended');
    const { client, clock } = clientOn(() => Promise.reject(raised));
    expect(await failure(client.getAccount(), clock)).toBe(raised);
  });
});

describe('patience with 429', () => {
  it('says how many tries it took, with amoCRM’s problem', async () => {
    const reply: AmoFetchReply = { ...tooMany('1'), body: JSON.stringify({ title: 'Too Many Requests', status: 429 }) };
    const { client, clock } = clientOn(always(reply), { maxRetries: 2 });
    expect(await failure(client.getAccount(), clock)).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      path: '/api/v4/account',
      retryAfterMs: 1_000,
      problem: { title: 'Too Many Requests' },
      message: 'amoCRM kept answering 429 to /api/v4/account after 3 tries',
    });
  });

  it('waits exactly as long as the longest wait it accepts, and not a millisecond more', async () => {
    const atLimit = always(tooMany('60'));
    const first = clientOn(atLimit, { maxRetries: 1 });
    await failure(first.client.getAccount(), first.clock);
    expect(atLimit.paths).toHaveLength(2);

    const beyond = always(tooMany('61'));
    const second = clientOn(beyond, { maxRetries: 1 });
    await failure(second.client.getAccount(), second.clock);
    expect(beyond.paths).toHaveLength(1);

    const shorter = always(tooMany('5'));
    const third = clientOn(shorter, { maxRetries: 1, maxWaitMs: 4_000 });
    await failure(third.client.getAccount(), third.clock);
    expect(shorter.paths).toHaveLength(1);
  });

  it('counts every request it sent, retries included', async () => {
    let n = 0;
    const { client, clock } = clientOn(() => Promise.resolve(n++ < 2 ? tooMany('1') : empty));
    expect(await clock.run(client.getUserCount())).toBe(0);
    expect(client.calls).toBe(3);
  });
});
