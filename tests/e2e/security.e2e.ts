/**
 * DESIGN §8 in the running extension: using the panel, the popup and the options page, every
 * network request leaves for an amoCRM account or Ingroup's endpoint and nowhere else — no
 * telemetry, no remote code, no third-party host. The service worker's requests are counted too.
 */
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmoPage, extensionUrl, launch, startStack, type Launched, type Stack } from './support/extension';

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
        from: request.serviceWorker() ? 'service worker' : frameUrl.startsWith('chrome-extension://') ? 'extension page' : 'web page',
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
    await panel.getByRole('article').first().waitFor();
    await panel.getByRole('combobox').first().selectOption('en');
    await panel.getByRole('heading', { name: 'Privacy: Ingroup widgets' }).waitFor();
    await panel.getByRole('button', { name: 'Close' }).click();
    await amo.page.locator('iframe[src*="panel.html"]').waitFor({ state: 'hidden' });
    panel = await amo.openPanel();
    await panel.getByRole('article').first().waitFor();

    const kommo = await AmoPage.open(browser, 'https://en-sec.kommo.com/leads');
    await (await kommo.openPanel()).getByRole('article').first().waitFor();

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

  it('sends nothing anywhere from a page that is not an amoCRM account', async () => {
    const before = seen.length;
    const page = await browser.context.newPage();
    // Resolves nowhere (the stack maps every other host to NOTFOUND): only the attempt is seen.
    await page.goto('https://www.amocrm.ru/').catch(() => undefined);
    await page.waitForTimeout(500);
    const after = seen.slice(before).filter((s) => s.from !== 'web page' || !s.url.startsWith('https://www.amocrm.ru/'));
    expect(after.filter((s) => !isAllowed(s.url) && /^https?:/.test(s.url))).toEqual([]);
    await page.close();
  });
});

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
