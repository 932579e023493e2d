/**
 * Launch Debian's Firefox ESR over WebDriver BiDi (puppeteer-core, which never downloads a
 * browser) with the built Firefox extension installed by `webExtension.install`, against the local
 * stack — and find the extension's UI by role and accessible name, as a person does.
 *
 * What differs from the Chromium driver (tests/e2e/support/extension.ts), and why:
 * - no `--host-resolver-rules`: every name resolves to 127.0.0.1 and the stack listens on 443
 *   (tests/support/port-443.mjs), so only one Firefox run at a time fits on a machine;
 * - the install is temporary, made again on each start; the extension's address (its
 *   `moz-extension://` UUID) is fixed by a preference and, with its storage, kept through a restart
 *   of the same profile (tests/support/firefox.mjs);
 * - puppeteer keeps the panel frame inside the amoCRM page as `about:blank` and cannot run script
 *   in it (it has no src and is sent to the panel from the content script), but BiDi's own
 *   `browsingContext.getTree` lists it with its moz-extension address, and `script.callFunction`
 *   runs in it: `panelFrame` reads the panel there, in the amoCRM tab it is bound to.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { TargetType, type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import { GECKO_ID } from '../../../lib/manifest';
import { findFirefox, firefoxPrefs } from '../../support/firefox.mjs';
import { FIREFOX_EXTENSION_DIR, startStack } from '../../support/stack.mjs';

export type Stack = Awaited<ReturnType<typeof startStack>>;

export const SCREENSHOTS = 'artifacts/firefox';
/** The panel's frame in the amoCRM page (in Firefox it has no src: see lib/content/panel-frame.ts). */
export const PANEL_FRAME = '#ingroup-privacy-panel iframe';

export interface FirefoxLaunched {
  browser: Browser;
  /** The `moz-extension://` host of this install's pages. */
  uuid: string;
  userDataDir: string;
  /** Console errors and uncaught exceptions seen on pages opened through `newPage`. */
  errors: string[];
  newPage(): Promise<Page>;
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

/**
 * A new tab. While an extension's notification shows, headless Firefox's newest window is its
 * alert, and BiDi's `browsingContext.create` without a reference finds no tab strip there; then
 * the tab is made beside an existing one, named as its reference.
 */
async function openTab(browser: Browser): Promise<Page> {
  try {
    return await browser.newPage();
  } catch (error) {
    if (!String(error).includes('getTabBrowser')) throw error;
    const connection = (browser as unknown as { connection: BidiConnection }).connection;
    const { contexts } = (await connection.send('browsingContext.getTree', { maxDepth: 0 })).result as {
      contexts: BidiContext[];
    };
    const reference = contexts[0]?.context;
    if (!reference) throw error;
    const before = new Set(browser.targets());
    const made = browser.waitForTarget((target) => !before.has(target) && target.type() === TargetType.PAGE);
    await connection.send('browsingContext.create', { type: 'tab', referenceContext: reference });
    const page = await (await made).page();
    if (!page) throw error;
    return page;
  }
}

export async function launchFirefox(
  stack: Stack,
  opts: { userDataDir?: string; uuid?: string } = {},
): Promise<FirefoxLaunched> {
  const executablePath = findFirefox();
  if (!executablePath) throw new Error("Firefox not found: install Debian's firefox-esr package or set FIREFOX_PATH.");
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'ingroup-e2e-firefox-'));
  const uuid = opts.uuid ?? randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    acceptInsecureCerts: true,
    userDataDir,
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: firefoxPrefs({ extensionId: GECKO_ID, uuid }),
  });
  const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  if (installed !== GECKO_ID) throw new Error(`Installed ${installed}, expected ${GECKO_ID}`);
  const errors: string[] = [];
  return {
    browser,
    uuid,
    userDataDir,
    errors,
    newPage: async () => {
      const page = await openTab(browser);
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) =>
        errors.push(`${page.url()}: ${error instanceof Error ? error.message : String(error)}`),
      );
      return page;
    },
    close: async ({ keepProfile = false } = {}) => {
      await browser.close();
      // Firefox may still be writing the profile as it exits.
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    },
  };
}

export function extensionUrl(launched: FirefoxLaunched, path: string): string {
  return `moz-extension://${launched.uuid}/${path}`;
}

/**
 * Opens one of the extension's pages in a new tab. Firefox loads it in the extension's process, and
 * puppeteer's wait for the load never ends there: the page is ready once its document says so.
 */
export async function openExtensionPage(launched: FirefoxLaunched, path: string): Promise<Page> {
  const page = await launched.newPage();
  const url = extensionUrl(launched, path);
  page.goto(url, { timeout: 60_000 }).catch(() => undefined);
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    const state = await page.evaluate(() => `${location.href} ${document.readyState}`).catch(() => '');
    if (state === `${url} complete`) return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not load`);
}

/** The element with this role and accessible name (exact), once it is there. */
export function byRole(page: Page, role: string, name: string, timeout = 15_000): Promise<ElementHandle<Element>> {
  return page.waitForSelector(`::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`, {
    timeout,
  }) as Promise<ElementHandle<Element>>;
}

export function countByRole(page: Page, role: string, name: string): Promise<number> {
  return page.$$(`::-p-aria([name=${JSON.stringify(name)}][role=${JSON.stringify(role)}])`).then((all) => all.length);
}

/** Whether a checkbox or switch is checked. */
export function isChecked(handle: ElementHandle<Element>): Promise<boolean> {
  return handle.evaluate((el) => (el as HTMLInputElement).checked);
}

/** Polls `read` until it returns `expected` (compared as JSON), or throws with the last value. */
export async function until<T>(read: () => Promise<T>, expected: T, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`expected ${JSON.stringify(expected)}, still ${JSON.stringify(last)} after ${timeout} ms`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = `${SCREENSHOTS}/${name}.png` as const;
  await page.screenshot({ path });
  return path;
}

/** One local stack (with its port-443 listener) and one Firefox for a test file. */
export function useFirefox(stack: Omit<NonNullable<Parameters<typeof startStack>[0]>, 'port443'> = {}): {
  stack: Stack;
  browser: FirefoxLaunched;
} {
  const env = {} as { stack: Stack; browser: FirefoxLaunched };
  beforeAll(async () => {
    env.stack = await startStack({ ...stack, port443: true });
    env.browser = await launchFirefox(env.stack);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.stack?.close();
  });
  return env;
}

interface BidiContext {
  context: string;
  url: string;
  children?: BidiContext[] | null;
}
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/** The panel frame, in the amoCRM tab it sits in, reached over WebDriver BiDi. */
export interface PanelFrame {
  /** Runs `fn` in the frame (its arguments and result must be JSON) and returns its result. */
  evaluate<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R>;
}

/**
 * The panel frame shown in `page` (an amoCRM tab), found in BiDi's tree of browsing contexts: the
 * child of that tab whose address is this install's panel.html. Waits until it is there.
 */
export async function panelFrame(launched: FirefoxLaunched, page: Page, timeout = 30_000): Promise<PanelFrame> {
  // puppeteer's own Browser class for BiDi exposes the session's connection; the raw commands are
  // those of the WebDriver BiDi specification.
  const connection = (launched.browser as unknown as { connection: BidiConnection }).connection;
  const panelUrl = extensionUrl(launched, 'panel.html');
  const end = Date.now() + timeout;
  let context: string | undefined;
  while (Date.now() < end && context === undefined) {
    const { contexts } = (await connection.send('browsingContext.getTree', {})).result as { contexts: BidiContext[] };
    const tab = contexts.find((c) => c.url === page.url());
    context = tab?.children?.find((child) => child.url.startsWith(panelUrl))?.context;
    if (context === undefined) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (context === undefined) throw new Error(`no panel frame in ${page.url()}`);
  const target = context;
  return {
    evaluate: async (fn, ...args) => {
      const { result } = await connection.send('script.callFunction', {
        functionDeclaration: `async (json) => JSON.stringify(await (${fn.toString()})(...JSON.parse(json)))`,
        arguments: [{ type: 'string', value: JSON.stringify(args) }],
        target: { context: target },
        awaitPromise: true,
      });
      const outcome = result as { type: string; result?: { value?: string }; exceptionDetails?: { text?: string } };
      if (outcome.type !== 'success')
        throw new Error(`in the panel frame: ${outcome.exceptionDetails?.text ?? 'failed'}`);
      const value = outcome.result?.value;
      return (value === undefined ? undefined : JSON.parse(value)) as never;
    },
  };
}

/** In the panel frame: the text of each widget column of the widgets × data table, one per installed Ingroup widget. */
export function panelWidgetColumns(frame: PanelFrame): Promise<string[]> {
  return frame.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('table th[scope="col"][data-widget]')].map((el) => el.innerText),
  );
}

/** In the panel frame: whether the widgets × data table (or the whole page) shows exactly `value` in one element. */
export function panelShowsExactly(frame: PanelFrame, where: 'table' | 'page', value: string): Promise<boolean> {
  return frame.evaluate(
    (inTable, v) => {
      const root = inTable ? document.querySelector('table') : document.body;
      return [...(root?.querySelectorAll('*') ?? [])].some(
        (node) => node.textContent?.trim() === v && (node as HTMLElement).offsetParent !== null,
      );
    },
    where === 'table',
    value,
  );
}
