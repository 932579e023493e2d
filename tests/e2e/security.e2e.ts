/**
 * DESIGN §8 in the running extension: using the panel, the popup and the options page, every
 * network request leaves for an amoCRM account or Ingroup's endpoint and nowhere else — no
 * telemetry, no remote code, no third-party host. The service worker's requests are counted too.
 * Then the page around the panel turns hostile: page code clicking the launcher, re-pointing the
 * panel's frame, setting <base href>; a wipe racing a send; a future-dated import; an opt-in.
 * Each check comes with its control, so none can pass by doing nothing.
 */
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashEvent } from '../../lib/consent/chain';
import { GENESIS_HASH } from '../../lib/consent/event';
import { ledgerFileJson } from '../../lib/consent/export';
import {
  AmoPage,
  extensionUrl,
  launch,
  startStack,
  useExtension,
  widgetColumns,
  type Launched,
  type Stack,
} from './support/extension';

const ALLOWED_HOST = /^([a-z0-9-]+\.(amocrm\.ru|amocrm\.com|kommo\.com)|api\.ingru\.ru)$/;

interface Seen {
  url: string;
  from: 'service worker' | 'extension page' | 'web page';
}

describe('where the extension connects', () => {
  let stack: Stack;
  let browser: Launched;
  const seen: Seen[] = [];

  beforeAll(async () => {
    stack = await startStack();
    browser = await launch(stack);
    browser.context.on('request', (request: Request) => {
      const frameUrl = request.serviceWorker() ? '' : safeFrameUrl(request);
      seen.push({
        url: request.url(),
        from: request.serviceWorker()
          ? 'service worker'
          : frameUrl.startsWith('chrome-extension://')
            ? 'extension page'
            : 'web page',
      });
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('talks only to amoCRM and api.ingru.ru while the panel, popup and options are used', async () => {
    const amo = await AmoPage.open(browser, 'https://demo-sec.amocrm.ru/leads');
    await amo.page.getByRole('button', { name: /\(3\)/ }).waitFor();
    let panel = await amo.openPanel();
    await widgetColumns(panel).first().waitFor();
    await panel.getByRole('combobox').first().selectOption('en');
    await panel.getByRole('heading', { name: 'Privacy: Ingroup widgets' }).waitFor();
    await panel.getByRole('button', { name: 'Close' }).click();
    await amo.page.locator('iframe[src*="panel.html"]').waitFor({ state: 'hidden' });
    panel = await amo.openPanel();
    await widgetColumns(panel).first().waitFor();

    const kommo = await AmoPage.open(browser, 'https://en-sec.kommo.com/leads');
    await widgetColumns(await kommo.openPanel())
      .first()
      .waitFor();

    const popup = await browser.context.newPage();
    await popup.goto(extensionUrl(browser, 'popup.html'));
    await popup.getByRole('heading', { level: 1 }).waitFor();
    const options = await browser.context.newPage();
    await options.goto(extensionUrl(browser, 'options.html'));
    await options.getByRole('heading', { level: 1 }).waitFor();
    await options.waitForTimeout(500);

    const web = seen.filter((s) => /^(https?|wss?|ftp):/.test(s.url));
    const outside = web.filter((s) => !isAllowed(s.url));
    expect(outside).toEqual([]);
    // Not vacuous: the extension did reach amoCRM's API, and its own pages were watched.
    expect(web.some((s) => new URL(s.url).pathname.startsWith('/api/v4/'))).toBe(true);
    expect(seen.some((s) => s.from === 'extension page')).toBe(true);
    // …and the service worker's own fetches (the catalog from api.ingru.ru) are in the record.
    expect(web.some((s) => s.from === 'service worker')).toBe(true);
    // Nothing but HTTPS, for pages and the service worker alike.
    expect(web.filter((s) => !s.url.startsWith('https://'))).toEqual([]);
    for (const page of [amo.page, kommo.page, popup, options]) await page.close();
  });

  it('stays off amoCRM’s own site: no launcher and no request, where the same page on an account gets both', async () => {
    // www.amocrm.ru is served by the fake amoCRM (the stack maps *.amocrm.ru to it), with the very
    // menu an account page has: only the extension's own rule keeps it off.
    const before = seen.length;
    const www = await browser.context.newPage();
    const response = await www.goto('https://www.amocrm.ru/leads');
    expect(response?.ok()).toBe(true);
    await www.locator('#nav_menu').waitFor();
    await www.waitForTimeout(1_000);
    expect(await www.locator('#ingroup-privacy-launcher').count()).toBe(0);
    const fromUs = seen
      .slice(before)
      .filter((s) => s.from !== 'web page' || new URL(s.url).pathname.startsWith('/api/'));
    expect(fromUs).toEqual([]);
    expect(stack.amocrm.apiHits('www.amocrm.ru')).toEqual([]);
    // The control: an account's page, same server, same markup, gets the launcher and its read.
    const account = await AmoPage.open(browser, 'https://demo-www-control.amocrm.ru/leads');
    await account.launcher().waitFor();
    await expect.poll(() => stack.amocrm.apiHits('demo-www-control.amocrm.ru').length).toBeGreaterThan(0);
    await www.close();
    await account.page.close();
  });
});

describe('the page around the panel is hostile (DESIGN §8)', () => {
  const env = useExtension();
  const LAUNCHER = '#ingroup-privacy-launcher [role=button]';

  it('opens nothing when page code calls the launcher’s click() or dispatches a press, and opens on a person’s click', async () => {
    const amo = await AmoPage.open(env.browser, 'https://demo-clickjack.amocrm.ru/leads');
    await amo.launcher().waitFor();
    await amo.page.evaluate((selector) => {
      const button = document.querySelector<HTMLButtonElement>(selector)!;
      button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0 }));
      button.click();
      button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      button.focus();
    }, LAUNCHER);
    await amo.page.waitForTimeout(800);
    expect(await amo.page.locator('iframe[src*="panel.html"]').count()).toBe(0);
    // The control: the same button clicked by a person (trusted input) opens the panel.
    const panel = await amo.openPanel();
    await widgetColumns(panel).first().waitFor();
    await amo.page.close();
  });

  it('shows a panel re-pointed by the page to another account’s host nothing of that account', async () => {
    const victim = await AmoPage.open(env.browser, 'https://victim-sec.amocrm.ru/leads');
    await (await victim.openPanel()).getByText('victim-sec.amocrm.ru').first().waitFor();
    const attacker = await AmoPage.open(env.browser, 'https://attacker-sec.amocrm.ru/leads');
    await widgetColumns(await attacker.openPanel())
      .first()
      .waitFor();
    const src = await attacker.page.evaluate(() => {
      const frame = document.querySelector<HTMLIFrameElement>('iframe[src*="panel.html"]')!;
      const url = new URL(frame.src);
      url.searchParams.set('host', 'victim-sec.amocrm.ru');
      frame.src = url.href;
      return frame.src;
    });
    expect(src).toContain('host=victim-sec.amocrm.ru');
    await expect.poll(() => attacker.page.frames().some((f) => f.url().includes('host=victim-sec'))).toBe(true);
    const frame = attacker.page.frames().find((f) => f.url().includes('host=victim-sec'));
    expect(frame).toBeDefined();
    await frame!
      .getByRole('columnheader', { name: /ingroup_demo_/ })
      .first()
      .waitFor();
    const text = await frame!.locator('body').innerText();
    expect(text).toContain('attacker-sec.amocrm.ru');
    expect(text).not.toContain('victim-sec');
    await victim.page.close();
    await attacker.page.close();
  });

  it('reads amoCRM from the account’s own origin whatever <base href> the page sets, and the foreign host hears nothing', async () => {
    const page = await env.browser.context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const base = document.createElement('base');
        base.href = 'https://elsewhere.example/';
        document.head.prepend(base);
      });
    });
    await page.goto('https://demo-base.amocrm.ru/leads');
    const amo = new AmoPage(page);
    await amo.launcher().waitFor();
    expect(await page.evaluate(() => document.baseURI)).toBe('https://elsewhere.example/');
    const panel = await amo.openPanel();
    await widgetColumns(panel).first().waitFor();
    await panel.getByText('anna.smirnova@romashka.example').first().waitFor();
    expect(env.stack.amocrm.apiHits('elsewhere.example')).toEqual([]);
    expect(env.stack.amocrm.apiHits('demo-base.amocrm.ru').length).toBeGreaterThan(0);
    // The control: a relative read from this page does reach the foreign host.
    await page.evaluate(() => fetch('/api/v4/account').catch(() => undefined));
    await expect.poll(() => env.stack.amocrm.apiHits('elsewhere.example').length).toBe(1);
    await page.close();
  });

  it('needs the second, previewed step to opt in to promotional email; the switch alone records and sends nothing', async () => {
    const host = 'demo-optin.amocrm.ru';
    const requestsOf = (type: string): number =>
      [...env.stack.endpoint.state.requests.values()].filter(
        (r) => r.body.type === type && (r.body.account as { host: string }).host === host,
      ).length;
    const amo = await AmoPage.open(env.browser, `https://${host}/leads`);
    const panel = await amo.openPanel();
    await widgetColumns(panel).first().waitFor();
    const toggle = panel.getByRole('switch', { name: /Рекламные письма/ });
    // Opting out takes one click.
    await toggle.uncheck();
    await expect.poll(() => requestsOf('marketing_opt_out'), { timeout: 20_000 }).toBe(1);
    await toggle.click();
    const step = panel.getByRole('dialog', { name: /Проверьте и подтвердите/ });
    await step.waitFor();
    await expect(toggle.isChecked()).resolves.toBe(false);
    const confirm = step.getByRole('button', { name: 'Подтвердить' });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    // The exact request is previewed, with the personal data it carries.
    await step.getByText(/"marketing_opt_in"/).waitFor();
    await step
      .getByText(/anna\.smirnova@romashka\.example/)
      .first()
      .waitFor();
    await amo.page.waitForTimeout(300);
    expect(requestsOf('marketing_opt_in')).toBe(0);
    // The page makes the panel all but transparent, to line a decoy up under Confirm: Chromium's
    // IntersectionObserver v2 sees it, and Confirm stays off until the panel is seen again.
    const fade = (opacity: string): Promise<void> =>
      amo.page.evaluate((value) => {
        document.getElementById('ingroup-privacy-panel')!.style.opacity = value;
      }, opacity);
    await fade('0.05');
    await step
      .getByRole('alert')
      .filter({ hasText: /прозрачна/ })
      .waitFor();
    await amo.page.waitForTimeout(1_000);
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await fade('1');
    await confirm.click();
    await expect.poll(() => requestsOf('marketing_opt_in'), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await amo.page.close();
  });

  it('leaves nothing and sends nothing more after a wipe during an in-flight send', async () => {
    const host = 'demo-wipe.amocrm.ru';
    const options = await optionsPage(env.browser);
    const draft = (details: string) => ({
      type: 'access',
      host,
      locale: 'ru',
      regime: 'ru152',
      widgets: [],
      details,
      requester: { userId: 7001001, name: 'Анна Смирнова', email: 'anna.smirnova@romashka.example' },
      account: { id: 31415926, subdomain: 'demo-wipe', host },
    });
    // The control: without a wipe, the request is kept with Ingroup's receipt.
    const kept = await message(options, { type: 'request/submit', draft: draft('kept') });
    await expect
      .poll(async () => (await requests(options)).find((r) => r.id === kept.value?.id)?.receipt !== undefined, {
        timeout: 20_000,
      })
      .toBe(true);

    env.stack.endpoint.setFaults({ slow: { delayMs: 2_500, times: 1 } });
    const reply = await message(options, { type: 'request/submit', draft: draft('wiped while on the wire') });
    const id = reply.value?.id ?? '';
    // On the wire: the endpoint has it and holds its answer back.
    await expect.poll(() => env.stack.endpoint.state.posts.get(id) ?? 0, { timeout: 10_000 }).toBe(1);
    await expect(message(options, { type: 'data/wipe', confirm: 'wipe' })).resolves.toMatchObject({ ok: true });
    await options.waitForTimeout(3_500);
    await message(options, { type: 'outbox/flush', checkNow: true });
    await options.waitForTimeout(500);
    expect(await requests(options)).toEqual([]);
    expect(env.stack.endpoint.state.posts.get(id)).toBe(1);
    await options.close();
  });

  it('refuses to import a ledger with an event dated after the import, and says why', async () => {
    const options = await optionsPage(env.browser);
    const file = async (timestamp: string): Promise<Buffer> => {
      const event = {
        id: '00000000-0000-4000-8000-000000000777',
        timestamp,
        account: { id: 31415926, host: 'demo-future.amocrm.ru' },
        host: 'demo-future.amocrm.ru',
        adminUserId: 7001001,
        purpose: 'marketing' as const,
        state: 'given' as const,
        method: 'panel' as const,
        policy: {
          effectiveDate: '2022-01-20',
          sha256: '798bbae77da8aa56e178355f301f576cf58522a3576f63124604e15ec86abafb',
        },
        extensionVersion: '0.1.0',
        prevHash: GENESIS_HASH,
      };
      return Buffer.from(ledgerFileJson([{ ...event, hash: await hashEvent(event) }]));
    };
    const input = options.getByLabel('Импорт экспорта журнала');
    await input.setInputFiles({
      name: 'future.json',
      mimeType: 'application/json',
      buffer: await file('9999-12-31T23:59:00+00:00'),
    });
    const alert = options.getByRole('alert').filter({ hasText: 'Ничего не импортировано' });
    await alert.getByText(/Событие №1 датировано будущим\. Его дата — .*9999.*, позже этого импорта/).waitFor();
    expect(await ledgerCount(options)).toBe(0);
    // The control: the same event dated yesterday is imported.
    await input.setInputFiles({
      name: 'past.json',
      mimeType: 'application/json',
      buffer: await file(new Date(Date.now() - 86_400_000).toISOString()),
    });
    await options.getByText('Импортировано событий: 1; уже были: 0.').waitFor();
    expect(await ledgerCount(options)).toBe(1);
    await options.close();
  });
});

async function optionsPage(launched: Launched): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(extensionUrl(launched, 'options.html'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

async function message(page: Page, body: unknown): Promise<{ ok: boolean; value?: { id?: string } }> {
  return page.evaluate((m) => chrome.runtime.sendMessage(m), body);
}

function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('ingroup-privacy');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction(name).objectStore(name).getAll();
          get.onsuccess = () => resolve(get.result as T[]);
          get.onerror = () => reject(get.error);
        };
      }),
    store,
  );
}

const requests = (page: Page): Promise<Array<{ id: string; receipt?: unknown }>> => readStore(page, 'requests');
const ledgerCount = async (page: Page): Promise<number> => (await readStore(page, 'ledger')).length;

function isAllowed(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'https:' && ALLOWED_HOST.test(parsed.hostname);
}

function safeFrameUrl(request: Request): string {
  try {
    return request.frame().url();
  } catch {
    return '';
  }
}
