/**
 * Launch Chromium with the built extension against the local stack, and page objects for the
 * extension's pages — found by role and accessible name, as a person finds them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import {
  chromium,
  type BrowserContext,
  type ConsoleMessage,
  type FrameLocator,
  type Locator,
  type Page,
  type Worker,
} from 'playwright-core';
import { findChromium } from '../../support/chromium.mjs';
import { chromiumArgs, startStack } from '../../support/stack.mjs';

export type Stack = Awaited<ReturnType<typeof startStack>>;
export { startStack };

export interface Launched {
  context: BrowserContext;
  extensionId: string;
  userDataDir: string;
  worker: Worker;
  /** Console errors and uncaught exceptions seen on any page of the context. */
  errors: string[];
  close(opts?: { keepProfile?: boolean }): Promise<void>;
}

/** The extension's first-run page (entrypoints/welcome), which it opens itself when installed. */
export const isFirstRunPage = (page: Page): boolean => page.url().endsWith('/welcome.html');

/**
 * Chromium with the built extension. A fresh profile is an install, so the extension opens its
 * first-run page in a tab of its own; that tab is closed here once it has opened (unless
 * `keepFirstRun`), so it cannot take the foreground from a page a test opens next — a background tab's
 * idle callbacks and timers are throttled. tests/e2e/first-run.e2e.ts keeps it.
 */
export async function launch(
  stack: Stack,
  opts: { userDataDir?: string; locale?: string; keepFirstRun?: boolean } = {},
): Promise<Launched> {
  const fresh = opts.userDataDir === undefined;
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium not found: install Debian's chromium package or set CHROME_PATH.");
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'ingroup-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: chromiumArgs(stack),
    ignoreDefaultArgs: ['--disable-extensions'],
    ignoreHTTPSErrors: true,
    locale: opts.locale ?? 'ru-RU',
    viewport: { width: 1280, height: 800 },
  });
  const errors: string[] = [];
  const watch = (page: Page): void => {
    page.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  if (fresh && !opts.keepFirstRun) {
    for (let waited = 0; waited < 15_000 && !context.pages().some(isFirstRunPage); waited += 50)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.all(
      context
        .pages()
        .filter(isFirstRunPage)
        .map((page) => page.close()),
    );
  }
  return {
    context,
    extensionId,
    userDataDir,
    worker,
    errors,
    close: async ({ keepProfile = false } = {}) => {
      await context.close();
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** The amoCRM page with the extension's launcher and panel frame. */
export class AmoPage {
  constructor(readonly page: Page) {}

  static async open(launched: Launched, url: string): Promise<AmoPage> {
    const page = await launched.context.newPage();
    await page.goto(url);
    return new AmoPage(page);
  }

  launcher() {
    return this.page.getByRole('button', { name: /Конфиденциальность|Privacy/ });
  }

  async openPanel() {
    await this.launcher().click();
    const frame = this.page.frameLocator('iframe[src*="panel.html"]');
    await frame.getByRole('dialog').waitFor();
    return frame;
  }

  panelFrame() {
    return this.page.frameLocator('iframe[src*="panel.html"]');
  }
}

/** The panel's widgets × data table: a row per item of data, each value once. */
export function dataTable(panel: FrameLocator): Locator {
  return panel.getByRole('table', { name: /^(Your data in each widget|Ваши данные в каждом виджете)/ });
}

/** The table's widget columns, one per installed Ingroup widget (its header holds the widget's evidence). */
export function widgetColumns(panel: FrameLocator): Locator {
  return dataTable(panel).getByRole('columnheader').and(panel.locator('[data-widget]'));
}

export function extensionUrl(launched: Launched, page: string): string {
  return `chrome-extension://${launched.extensionId}/${page}`;
}

/** One local stack and one browser for a test file: started before its tests, closed after. */
export function useExtension(opts: { locale?: string; stack?: Parameters<typeof startStack>[0] } = {}): {
  stack: Stack;
  browser: Launched;
} {
  const env = {} as { stack: Stack; browser: Launched };
  beforeAll(async () => {
    env.stack = await startStack(opts.stack);
    env.browser = await launch(env.stack, opts);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.stack?.close();
  });
  return env;
}
