/**
 * The first-run page (issue 16): opened by the extension itself when it is installed, and only
 * then; it says what the extension reads and never sends, explains every permission the loaded
 * manifest asks for, and axe finds nothing on it, in Russian and English, light and dark.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './support/axe';
import { isFirstRunPage as isWelcome, launch, startStack, type Launched, type Stack } from './support/extension';

async function welcomePage(browser: Launched): Promise<Page> {
  await expect.poll(() => browser.context.pages().some(isWelcome), { timeout: 15_000 }).toBe(true);
  const page = browser.context.pages().find(isWelcome)!;
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

describe('the first-run page', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('opens on install, explains every permission of the installed manifest, and does not open again after a restart', async () => {
    let browser = await launch(stack, { keepFirstRun: true });
    try {
      const page = await welcomePage(browser);
      expect(page.url()).toBe(`chrome-extension://${browser.extensionId}/welcome.html`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Ingroup Privacy установлено');
      await page.getByText(/^Из браузера уходит только запрос, который вы отправили сами/).waitFor();
      const manifest = (await browser.worker.evaluate(() => chrome.runtime.getManifest())) as {
        permissions: string[];
        host_permissions: string[];
        optional_host_permissions: string[];
      };
      const listed = await page
        .getByRole('region', { name: 'Зачем каждое разрешение' })
        .locator('dt code')
        .allTextContents();
      expect(listed).toEqual([
        ...manifest.permissions,
        ...manifest.host_permissions,
        ...manifest.optional_host_permissions,
      ]);
      await expect(page.getByText('Здесь не объяснено: пожалуйста, сообщите об этом.').count()).resolves.toBe(0);
      await expect(page.getByRole('link', { name: 'Открыть amoCRM (amocrm.ru)' }).getAttribute('href')).resolves.toBe(
        'https://www.amocrm.ru/',
      );

      // A restart is not an install: the page, closed, is not opened again.
      await page.close();
      await browser.close({ keepProfile: true });
      browser = await launch(stack, { userDataDir: browser.userDataDir });
      await browser.context.newPage();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(browser.context.pages().filter(isWelcome)).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  it.each([
    ['ru-RU', 'Ingroup Privacy установлено'],
    ['en-US', 'Ingroup Privacy is installed'],
  ])('has no axe violation in %s, light and dark', async (locale, title) => {
    const browser = await launch(stack, { locale, keepFirstRun: true });
    try {
      const page = await welcomePage(browser);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(title);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await expect(violations(page, scheme)).resolves.toEqual([]);
      }
    } finally {
      await browser.close();
    }
  });
});
