import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { extensionUrl, launch, useExtension, type Launched } from './support/extension';

const HOST = 'demo-outbox.amocrm.ru';
const draft = (type: string, details: string) => ({
  type,
  host: HOST,
  locale: 'ru',
  regime: 'ru152',
  widgets: ['ingroup_demo_autotasks'],
  details,
  requester: { userId: 7001001, name: 'Анна Смирнова', email: 'anna.smirnova@romashka.example' },
  account: { id: 31415926, subdomain: 'demo-outbox', host: HOST },
});

interface StoredRecord {
  id: string;
  events: Array<{ kind: string; status?: string }>;
  body: { details?: string };
}

/** An extension page: sends messages the way the panel does, and reads the extension's database. */
async function extensionPage(browser: Launched): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser, 'options.html'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

async function message(
  page: Page,
  body: unknown,
): Promise<{ ok: boolean; value?: { id?: string }; error?: { message: string } }> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), body);
}

async function records(page: Page): Promise<StoredRecord[]> {
  return page.evaluate(
    () =>
      new Promise<StoredRecord[]>((resolve, reject) => {
        const open = indexedDB.open('ingroup-privacy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('requests').objectStore('requests').getAll();
          get.onsuccess = () => resolve(get.result as StoredRecord[]);
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

const lastStatus = (r: StoredRecord): string | undefined =>
  r.events
    .filter((e) => e.kind === 'status' || e.kind === 'failed')
    .map((e) => e.status ?? e.kind)
    .at(-1);

describe('the outbox against a faulty endpoint', () => {
  const env = useExtension();
  beforeEach(() => {
    env.stack.endpoint.reset();
  });

  /** Flush until every request reaches `completed` (the endpoint advances one step per poll). */
  async function driveToCompletion(page: Page, ids: string[], timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      await message(page, { type: 'outbox/flush', checkNow: true });
      const done = (await records(page)).filter((r) => ids.includes(r.id) && lastStatus(r) === 'completed');
      if (done.length === ids.length) return;
      await page.waitForTimeout(400);
    }
    throw new Error(
      `not completed in time: ${JSON.stringify((await records(page)).filter((r) => ids.includes(r.id)).map((r) => [r.id, r.events.map((e) => e.kind)]))}`,
    );
  }

  it.each([
    ['down for the first attempts, then up', { down: { times: 2 } }],
    ['answering 500 twice', { error: { times: 2, status: 500 } }],
    ['answering 429 with Retry-After', { rateLimit: { times: 2, retryAfter: 1 } }],
    ['answering with malformed JSON after storing', { malformed: { times: 1 } }],
  ])(
    'delivers every request exactly once when the endpoint is %s, and follows it to completed',
    async (_label, faults) => {
      env.stack.endpoint.setFaults(faults);
      const page = await extensionPage(env.browser);
      const ids: string[] = [];
      for (const type of ['access', 'erasure', 'portability']) {
        const reply = await message(page, {
          type: 'request/submit',
          draft: draft(type, `fault case ${JSON.stringify(faults)}`),
        });
        expect(reply.ok).toBe(true);
        ids.push(reply.value!.id!);
      }
      await driveToCompletion(page, ids);
      for (const id of ids) expect(env.stack.endpoint.state.requests.has(id)).toBe(true);
      expect(env.stack.endpoint.state.requests.size).toBe(3);
      await page.close();
    },
  );

  it('holds the outbox’s Web Lock in the background while a request is on the wire, and lets it go after', async () => {
    // The lock is the browser's (navigator.locks, lib/requests/outbox/lock.ts): a page of the
    // extension's origin sees the service worker's lock in LockManager.query().
    const OUTBOX_LOCK = 'ingroup-privacy/outbox/ingroup-privacy';
    env.stack.endpoint.setFaults({ slow: { times: 1, delayMs: 4_000 } });
    const page = await extensionPage(env.browser);
    const held = (): Promise<string[]> =>
      page.evaluate(async () => ((await navigator.locks.query()).held ?? []).map((lock) => lock.name ?? ''));
    const reply = await message(page, { type: 'request/submit', draft: draft('access', 'lock case') });
    expect(reply.ok).toBe(true);
    await expect.poll(held, { timeout: 4_000, interval: 100 }).toContain(OUTBOX_LOCK);
    await expect.poll(held, { timeout: 20_000, interval: 200 }).not.toContain(OUTBOX_LOCK);
    expect(env.stack.endpoint.state.posts.get(reply.value!.id!)).toBe(1);
    await page.close();
  });

  it('delivers exactly once through a client timeout (the endpoint stored it, the reply was late)', async () => {
    env.stack.endpoint.setFaults({ slow: { times: 1, delayMs: 17_000 } });
    const page = await extensionPage(env.browser);
    const reply = await message(page, { type: 'request/submit', draft: draft('access', 'timeout case') });
    await driveToCompletion(page, [reply.value!.id!], 80_000);
    expect(env.stack.endpoint.state.requests.size).toBe(1);
    expect(env.stack.endpoint.state.posts.get(reply.value!.id!)).toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('ends a permanently refused request in failed, with an email route that names it', async () => {
    env.stack.endpoint.setFaults({ reject: { status: 422, detail: 'Unknown account' } });
    const page = await extensionPage(env.browser);
    const reply = await message(page, { type: 'request/submit', draft: draft('rectification', 'permanent case') });
    expect(reply.ok).toBe(false);
    expect(reply.error?.message).toMatch(/correct value|исправ/i);
    const ok = await message(page, { type: 'request/submit', draft: draft('objection', 'permanent case') });
    const id = ok.value!.id!;
    await expect
      .poll(async () => (await records(page)).find((r) => r.id === id)?.events.some((e) => e.kind === 'failed'), {
        timeout: 20_000,
      })
      .toBe(true);
    await page.reload();
    await page.getByText('Запросы в Ingroup').click();
    const item = page.getByRole('listitem', { name: /не доставлен/ });
    const mailto = await item.getByRole('link', { name: 'Отправить по email' }).getAttribute('href');
    expect(mailto).toMatch(/^mailto:support@ingru\.ru\?/);
    expect(decodeURIComponent(mailto!)).toContain(id);
    await item.getByRole('button', { name: 'Я отправил письмо' }).click();
    await page
      .getByRole('listitem', { name: /отправлен/ })
      .first()
      .waitFor();
    expect(env.stack.endpoint.state.requests.size).toBe(0);
    await page.close();
  });

  it('refuses an endpoint override whose origin the admin has not granted, and keeps sending to Ingroup', async () => {
    const page = await extensionPage(env.browser);
    const refused = await message(page, { type: 'settings/endpoint', base: 'https://privacy.example.org/v1' });
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatchObject({
      v: 1,
      code: 'settings/endpoint_not_granted',
      params: { origin: 'https://privacy.example.org' },
    });
    expect(refused.error?.message).toMatch(/may not reach https:\/\/privacy\.example\.org/);
    const id = (
      await message(page, { type: 'request/submit', draft: draft('restriction', 'after a refused override') })
    ).value!.id!;
    await expect.poll(() => env.stack.endpoint.state.requests.has(id), { timeout: 15_000 }).toBe(true);
    await page.close();
  });

  it('delivers a request in flight when the browser stops, and one queued across a restart, exactly once each', async () => {
    env.stack.endpoint.setFaults({ slow: { times: 1, delayMs: 5_000 } });
    let page = await extensionPage(env.browser);
    const inFlight = (await message(page, { type: 'request/submit', draft: draft('access', 'in flight at shutdown') }))
      .value!.id!;
    await expect.poll(() => env.stack.endpoint.state.posts.get(inFlight) ?? 0).toBe(1);
    // The endpoint is down while the browser is away: the next request stays queued.
    env.stack.endpoint.setFaults({ down: {} });
    const queued = (await message(page, { type: 'request/submit', draft: draft('erasure', 'queued at shutdown') }))
      .value!.id!;
    const profile = env.browser.userDataDir;
    await env.browser.close({ keepProfile: true });

    env.stack.endpoint.setFaults({});
    env.browser = await launch(env.stack, { userDataDir: profile });
    page = await extensionPage(env.browser);
    // Startup alone sends what was queued; then statuses are followed to the end.
    await expect.poll(() => env.stack.endpoint.state.requests.has(queued), { timeout: 30_000 }).toBe(true);
    await driveToCompletion(page, [inFlight, queued]);
    expect([...env.stack.endpoint.state.requests.keys()].sort()).toEqual([inFlight, queued].sort());
  });
});
