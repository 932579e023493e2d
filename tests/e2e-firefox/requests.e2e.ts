import type { Page } from 'puppeteer-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { launchFirefox, openExtensionPage, until, useFirefox, type FirefoxLaunched } from './support/firefox';

// The same drafts, faults and counts as the Chromium suite (tests/e2e/requests.e2e.ts).
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
}

/** An extension page: sends messages the way the panel does, and reads the extension's database. */
function extensionPage(browser: FirefoxLaunched): Promise<Page> {
  return openExtensionPage(browser, 'options.html');
}

async function message(
  page: Page,
  body: unknown,
): Promise<{ ok: boolean; value?: { id?: string }; error?: { message: string } }> {
  return page.evaluate((m) => browser.runtime.sendMessage(m), body) as Promise<{
    ok: boolean;
    value?: { id?: string };
    error?: { message: string };
  }>;
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

declare const browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

describe('the outbox against a faulty endpoint, in Firefox', () => {
  const env = useFirefox();
  beforeEach(() => {
    env.stack.endpoint.reset();
  });

  /** Flush until every request reaches `completed` (the endpoint advances one step per poll). */
  async function driveToCompletion(page: Page, ids: string[], timeoutMs = 60_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      await message(page, { type: 'outbox/flush', checkNow: true });
      const done = (await records(page)).filter((r) => ids.includes(r.id) && lastStatus(r) === 'completed');
      if (done.length === ids.length) return;
      await new Promise((resolve) => setTimeout(resolve, 400));
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

  it('holds the outbox’s Web Lock in the background page while a request is on the wire, and lets it go after', async () => {
    // As in Chromium (tests/e2e/requests.e2e.ts): a page of the extension's origin sees the lock.
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

  it('delivers a request in flight when the browser stops, and one queued across a restart, exactly once each', async () => {
    env.stack.endpoint.setFaults({ slow: { times: 1, delayMs: 5_000 } });
    let page = await extensionPage(env.browser);
    const inFlight = (await message(page, { type: 'request/submit', draft: draft('access', 'in flight at shutdown') }))
      .value!.id!;
    await until(async () => env.stack.endpoint.state.posts.get(inFlight) ?? 0, 1);
    // The endpoint is down while the browser is away: the next request stays queued.
    env.stack.endpoint.setFaults({ down: {} });
    const queued = (await message(page, { type: 'request/submit', draft: draft('erasure', 'queued at shutdown') }))
      .value!.id!;
    const { userDataDir, uuid } = env.browser;
    await env.browser.close({ keepProfile: true });

    env.stack.endpoint.setFaults({});
    env.browser = await launchFirefox(env.stack, { userDataDir, uuid });
    // The background's start alone sends what was queued; then statuses are followed to the end.
    await until(async () => env.stack.endpoint.state.requests.has(queued), true, 30_000);
    page = await extensionPage(env.browser);
    await driveToCompletion(page, [inFlight, queued]);
    expect([...env.stack.endpoint.state.requests.keys()].sort()).toEqual([inFlight, queued].sort());
  });
});
