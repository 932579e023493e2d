import { describe, expect, it } from 'vitest';
import { amoPaths, createAmoClient, type AmoClient, type AmoTransport } from '@/lib/amocrm/client';
import { AmoError, type AmoErrorKind } from '@/lib/amocrm/errors';
import { createLimiter } from '@/lib/amocrm/limiter';
import { ToContent, type AmoFetchReply } from '@/lib/messages';
import { FakeClock } from './fake-clock';
import { ADMIN_ID, createFakeAccount, empty, fakeWidget, hal, problem, tooMany } from './fake-amocrm';

function clientOn(
  transport: AmoTransport,
  clock = new FakeClock(),
  maxRetries?: number,
): { client: AmoClient; clock: FakeClock } {
  const limiter = createLimiter({ now: clock.now, sleep: clock.sleep });
  return {
    client: createAmoClient({
      transport,
      limiter,
      key: 'fixture.amocrm.ru',
      ...(maxRetries === undefined ? {} : { maxRetries }),
    }),
    clock,
  };
}

/** A transport that answers `reply` to everything and records what it was asked. */
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

describe('amoCRM client paths', () => {
  it.each([
    amoPaths.account(),
    amoPaths.user(ADMIN_ID),
    amoPaths.user(0),
    amoPaths.userCount(),
    amoPaths.widgets(1),
    amoPaths.widgets(40),
  ])('asks only for %s, which the content script allows', (path) => {
    expect(ToContent.safeParse({ type: 'amo/fetch', path }).success).toBe(true);
  });

  it('sends nothing outside the allowlist while reading a whole account', async () => {
    const account = createFakeAccount({ widgets: 600 });
    const { client, clock } = clientOn(account.transport);
    await clock.run(
      Promise.all([client.getAccount(), client.getUser(ADMIN_ID), client.getUserCount(), client.listWidgets()]),
    );
    expect(account.requests.length).toBeGreaterThan(4);
    for (const { path } of account.requests)
      expect(ToContent.safeParse({ type: 'amo/fetch', path }).success, path).toBe(true);
  });

  it.each([-1, 1.5, Number.NaN])('refuses to ask for user id %s', async (id) => {
    const transport = always(hal(200, {}));
    const { client, clock } = clientOn(transport);
    expect((await failure(client.getUser(id), clock)).kind).toBe('unexpected');
    expect(transport.paths).toEqual([]);
  });
});

describe('amoCRM client reads', () => {
  it('reads the account', async () => {
    const { client, clock } = clientOn(createFakeAccount().transport);
    expect(await clock.run(client.getAccount())).toMatchObject({
      subdomain: 'fixture',
      current_user_id: ADMIN_ID,
      country: 'RU',
      currency: 'RUB',
    });
  });

  it('reads the administrator with the phone number', async () => {
    const account = createFakeAccount();
    const { client, clock } = clientOn(account.transport);
    const user = await clock.run(client.getUser(ADMIN_ID));
    expect(user).toMatchObject({
      id: ADMIN_ID,
      email: `user${ADMIN_ID}@fixture.example`,
      phone_number: '+7 900 000-00-01',
      rights: { is_admin: true },
    });
    expect(account.requests.map((r) => r.path)).toEqual([`/api/v4/users/${ADMIN_ID}?with=phone_number`]);
  });

  it.each([1, 7, 1000, 4321])('counts %s users with one call, though the page holds one user', async (users) => {
    const account = createFakeAccount({ users });
    const { client, clock } = clientOn(account.transport);
    expect(await clock.run(client.getUserCount())).toBe(users);
    expect(account.requests).toHaveLength(1);
  });

  it('counts users from _page_count when _total_items is missing', async () => {
    const { client, clock } = clientOn(
      always(hal(200, { _page: 1, _page_count: 12, _embedded: { users: [{ id: 1 }] } })),
    );
    expect(await clock.run(client.getUserCount())).toBe(12);
  });

  it('counts no users on a 204', async () => {
    const { client, clock } = clientOn(always(empty));
    expect(await clock.run(client.getUserCount())).toBe(0);
  });

  it.each([
    { widgets: 0, pages: 1, expectedPaths: 1 },
    { widgets: 1, pages: 1, expectedPaths: 1 },
    // A full last page cannot tell it is the last: one more ask, answered 204.
    { widgets: 250, pages: 1, expectedPaths: 2 },
    { widgets: 251, pages: 2, expectedPaths: 2 },
    { widgets: 300, pages: 2, expectedPaths: 2 },
    { widgets: 1000, pages: 4, expectedPaths: 5 },
    { widgets: 1100, pages: 5, expectedPaths: 5 },
  ])('lists $widgets widgets in $pages page(s)', async ({ widgets, expectedPaths }) => {
    const account = createFakeAccount({ widgets });
    const { client, clock } = clientOn(account.transport);
    const { widgets: list, skipped } = await clock.run(client.listWidgets());
    expect(skipped).toBe(0);
    expect(list).toHaveLength(widgets);
    expect(new Set(list.map((w) => w.id)).size).toBe(widgets);
    expect(account.requests.map((r) => r.path)).toEqual(
      Array.from({ length: expectedPaths }, (_, i) => `/api/v4/widgets?limit=250&page=${i + 1}`),
    );
    expect(client.calls).toBe(expectedPaths);
  });

  const fullPage = (from: number): AmoFetchReply =>
    hal(200, {
      _links: { self: { href: 'a' } },
      _embedded: { widgets: Array.from({ length: 250 }, (_, i) => fakeWidget(from + i, from + i === 400)) },
    });

  it('goes on after a full page without _links.next, as amoCRM’s aggregated list sends it, until a 204', async () => {
    const pages: Record<string, AmoFetchReply> = {
      [amoPaths.widgets(1)]: fullPage(0),
      [amoPaths.widgets(2)]: fullPage(250),
      [amoPaths.widgets(3)]: empty,
    };
    const { client, clock } = clientOn((path) => Promise.resolve(pages[path] ?? problem(404, 'Not Found')));
    const { widgets } = await clock.run(client.listWidgets());
    expect(widgets).toHaveLength(500);
    // The installed widget is on the second page: stopping at the missing `_links.next` would lose it.
    expect(widgets.filter((w) => w.is_active_in_account).map((w) => w.id)).toEqual([100400]);
    expect(client.calls).toBe(3);
  });

  it('stops at a short page even if it offers a next one', async () => {
    const transport = always(
      hal(200, { _links: { self: { href: 'a' }, next: { href: 'b' } }, _embedded: { widgets: [fakeWidget(1, true)] } }),
    );
    const { client, clock } = clientOn(transport);
    expect((await clock.run(client.listWidgets())).widgets.map((w) => w.code)).toEqual(['fixture_widget_1']);
    expect(transport.paths).toHaveLength(1);
  });

  it('skips and counts an entry it cannot read, keeping the rest of the page', async () => {
    const page = hal(200, {
      _embedded: {
        widgets: [fakeWidget(1, true), { id: 'x', code: 42 }, { ...fakeWidget(2, true), version: null }, null],
      },
    });
    const { client, clock } = clientOn(always(page));
    const { widgets, skipped } = await clock.run(client.listWidgets());
    expect(widgets.map((w) => [w.code, w.version])).toEqual([
      ['fixture_widget_1', expect.any(String)],
      ['fixture_widget_2', ''],
    ]);
    expect(skipped).toBe(2);
  });

  it('gives up on a server that sends full pages for ever', async () => {
    const transport = always(fullPage(0));
    const { client, clock } = clientOn(transport);
    expect((await failure(client.listWidgets(), clock)).kind).toBe('malformed');
    expect(transport.paths).toHaveLength(100);
  });
});

describe('amoCRM client errors', () => {
  it.each<{ reply: AmoFetchReply; kind: AmoErrorKind; status?: number; problemTitle?: string }>([
    { reply: problem(401, 'Unauthorized'), kind: 'signed_out', status: 401, problemTitle: 'Unauthorized' },
    // Any user may read /api/v4/account: a 403 there is not "not an administrator".
    { reply: problem(403, 'Forbidden'), kind: 'account_unreadable', status: 403, problemTitle: 'Forbidden' },
    {
      reply: { status: 403, contentType: 'text/html', retryAfter: null, body: '<h1>Forbidden</h1>' },
      kind: 'account_unreadable',
      status: 403,
    },
    {
      reply: problem(403, 'Forbidden', {
        detail: 'Access to this account is prohibited from your IP address',
        error_code: 113,
      }),
      kind: 'ip_restricted',
      status: 403,
      problemTitle: 'Forbidden',
    },
    {
      reply: problem(500, 'Internal Server Error'),
      kind: 'server',
      status: 500,
      problemTitle: 'Internal Server Error',
    },
    {
      reply: { status: 502, contentType: 'text/html', retryAfter: null, body: 'Bad Gateway' },
      kind: 'server',
      status: 502,
    },
    { reply: problem(503, 'Service Unavailable'), kind: 'server', status: 503, problemTitle: 'Service Unavailable' },
    {
      reply: problem(400, 'Bad Request', {
        'validation-errors': [{ request_id: '0', errors: [{ code: 'X', path: 'limit', detail: 'bad' }] }],
      }),
      kind: 'unexpected',
      status: 400,
      problemTitle: 'Bad Request',
    },
    { reply: problem(404, 'Not Found'), kind: 'unexpected', status: 404, problemTitle: 'Not Found' },
    {
      reply: { status: 200, contentType: 'text/html', retryAfter: null, body: '<html>login</html>' },
      kind: 'malformed',
      status: 200,
    },
    { reply: hal(200, { id: 'not a number', name: 'x' }), kind: 'malformed', status: 200 },
    {
      reply: { status: 200, contentType: 'application/hal+json', retryAfter: null, body: '' },
      kind: 'malformed',
      status: 200,
    },
    { reply: empty, kind: 'malformed', status: 204 },
  ])(
    'turns HTTP $reply.status ($reply.contentType) on the account into $kind',
    async ({ reply, kind, status, problemTitle }) => {
      const { client, clock } = clientOn(always(reply));
      const err = await failure(client.getAccount(), clock);
      expect(err.kind).toBe(kind);
      expect(err.status).toBe(status);
      expect(err.path).toBe('/api/v4/account');
      expect(err.problem?.title).toBe(problemTitle);
      expect(err.code).toBe(`amo/${kind}`);
    },
  );

  it.each<{ reply: AmoFetchReply; kind: AmoErrorKind }>([
    { reply: problem(403, 'Forbidden', { detail: 'Access denied' }), kind: 'not_admin' },
    {
      reply: problem(403, 'Forbidden', {
        detail: 'Access to this account is prohibited from your IP address',
        error_code: 113,
      }),
      kind: 'ip_restricted',
    },
    {
      reply: {
        status: 403,
        contentType: 'application/json',
        retryAfter: null,
        body: '{"response":{"error":"x","error_code":"113"}}',
      },
      kind: 'ip_restricted',
    },
  ])('tells an administrator-only refusal from the IP whitelist on a user: $kind', async ({ reply, kind }) => {
    const { client, clock } = clientOn(always(reply));
    expect((await failure(client.getUser(ADMIN_ID), clock)).kind).toBe(kind);
  });

  it('keeps the validation errors of a 400', async () => {
    const { client, clock } = clientOn(
      always(
        problem(400, 'Bad Request', {
          'validation-errors': [{ request_id: '0', errors: [{ code: 'X', path: 'limit', detail: 'bad' }] }],
        }),
      ),
    );
    const err = await failure(client.getUserCount(), clock);
    expect(err.problem?.['validation-errors']?.[0]?.errors?.[0]?.path).toBe('limit');
  });

  it('reports a failed transport (tab gone) as a network error', async () => {
    const { client, clock } = clientOn(() =>
      Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
    );
    const err = await failure(client.getAccount(), clock);
    expect(err.kind).toBe('network');
    expect(err.message).toContain('Receiving end does not exist');
    expect(err.cause).toBeInstanceOf(Error);
  });
});

describe('amoCRM client on 429', () => {
  it('waits the Retry-After seconds before asking again, then succeeds', async () => {
    const account = createFakeAccount({
      fault: (_path, n) => (n === 0 ? tooMany('2') : undefined),
      now: () => clock.now(),
    });
    const clock = new FakeClock();
    const { client } = clientOn(account.transport, clock);
    await clock.run(client.getAccount());
    const [first, second] = account.requests;
    expect(account.requests).toHaveLength(2);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(2000);
  });

  it('makes parallel reads of the same account wait out the Retry-After too', async () => {
    const clock = new FakeClock();
    const account = createFakeAccount({
      fault: (path, n) => (path === amoPaths.account() && n === 0 ? tooMany('3') : undefined),
      now: () => clock.now(),
    });
    const { client } = clientOn(account.transport, clock);
    const reads = Promise.all([
      client.getAccount(),
      (async (): Promise<void> => {
        await clock.sleep(10); // after the 429 came back
        await client.getUserCount();
      })(),
    ]);
    await clock.run(reads);
    const count = account.requests.find((r) => r.path === amoPaths.userCount());
    expect(count?.at).toBeGreaterThanOrEqual(3000);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const clock = new FakeClock();
    clock.t = Date.parse('2025-03-01T12:00:00Z');
    const account = createFakeAccount({
      fault: (_path, n) => (n === 0 ? tooMany('Sat, 01 Mar 2025 12:00:04 GMT') : undefined),
      now: () => clock.now(),
    });
    const { client } = clientOn(account.transport, clock);
    await clock.run(client.getAccount());
    expect((account.requests[1]?.at ?? 0) - (account.requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(4000);
  });

  it('backs off 1 s, 2 s, 4 s without Retry-After, then reports rate_limited', async () => {
    const clock = new FakeClock();
    const starts: number[] = [];
    const { client } = clientOn(() => {
      starts.push(clock.now());
      return Promise.resolve(tooMany(null));
    }, clock);
    const err = await failure(client.getAccount(), clock);
    expect(err.kind).toBe('rate_limited');
    expect(err.status).toBe(429);
    expect(starts).toEqual([0, 1000, 3000, 7000]);
    expect(client.calls).toBe(4);
  });

  it.each([0, 1, 5])('tries %s extra time(s) when told to', async (maxRetries) => {
    const transport = always(tooMany('1'));
    const { client, clock } = clientOn(transport, new FakeClock(), maxRetries);
    expect((await failure(client.getAccount(), clock)).kind).toBe('rate_limited');
    expect(transport.paths).toHaveLength(maxRetries + 1);
  });

  it('fails at once when amoCRM asks to wait longer than a person would', async () => {
    const transport = always(tooMany('3600'));
    const { client, clock } = clientOn(transport);
    const err = await failure(client.getAccount(), clock);
    expect(err).toMatchObject({ kind: 'rate_limited', retryAfterMs: 3_600_000 });
    expect(transport.paths).toHaveLength(1);
  });
});
