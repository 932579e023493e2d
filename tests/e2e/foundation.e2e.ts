import { describe, expect, it } from 'vitest';
import { AmoPage, extensionUrl, useExtension } from './support/extension';

describe('the extension on an amoCRM account', () => {
  const env = useExtension();

  it('opens the panel from the launcher and shows the account it detected', async () => {
    const amo = await AmoPage.open(env.browser, 'https://demo-found.amocrm.ru/leads');
    const panel = await amo.openPanel();
    await expect(panel.getByRole('heading', { name: 'Конфиденциальность: виджеты Ingroup' }).isVisible()).resolves.toBe(
      true,
    );
    await panel.getByText('demo-found.amocrm.ru').first().waitFor();
    await amo.page.close();
  });

  it('does nothing on the page while it loads: no launcher, no language mark, no amoCRM read until after load', async () => {
    const page = await env.browser.context.newPage();
    // One image answers 4 s late: the page is up and usable, its `load` is not.
    await page.goto('https://demo-held.amocrm.ru/leads?hold_load=4000', { waitUntil: 'domcontentloaded' });
    const loaded = page.waitForEvent('load');
    await page.waitForTimeout(2_500);
    await expect(page.evaluate(() => document.readyState)).resolves.not.toBe('complete');
    await expect(page.locator('#ingroup-privacy-launcher').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.documentElement.hasAttribute('data-ingroup-privacy-lang'))).resolves.toBe(
      false,
    );
    expect(env.stack.amocrm.apiHits('demo-held.amocrm.ru')).toEqual([]);
    await loaded;
    // After load, once idle: the launcher with its count, and amoCRM's language marked.
    await page.getByRole('button', { name: /Конфиденциальность: виджеты Ingroup \(3\)/ }).waitFor();
    await expect(page.evaluate(() => document.documentElement.getAttribute('data-ingroup-privacy-lang'))).resolves.toBe(
      'ru',
    );
    await page.close();
  });

  it('keeps exactly one launcher while navigating inside the app', async () => {
    const amo = await AmoPage.open(env.browser, 'https://demo-nav.amocrm.ru/leads');
    await amo.launcher().waitFor();
    for (const item of ['Задачи', 'Списки', 'Сделки', 'Настройки']) {
      await amo.page.getByRole('link', { name: item }).click();
      await amo.page.waitForURL((url) => url.pathname !== '/');
      await expect(amo.launcher().count()).resolves.toBe(1);
    }
    await amo.page.goBack();
    await expect(amo.launcher().count()).resolves.toBe(1);
    await amo.page.close();
  });

  it('puts the launcher back when amoCRM redraws its menu', async () => {
    const amo = await AmoPage.open(env.browser, 'https://demo-redraw.amocrm.ru/leads');
    await amo.launcher().waitFor();
    // As amoCRM's own scripts would: the menu is rendered anew, without the extension's item.
    await amo.page.evaluate(() => {
      const menu = document.getElementById('nav_menu');
      const fresh = menu?.cloneNode(true) as HTMLElement;
      fresh.querySelector('#ingroup-privacy-launcher')?.remove();
      menu?.replaceWith(fresh);
    });
    await amo.page
      .locator('#nav_menu')
      .getByRole('button', { name: /Конфиденциальность/ })
      .waitFor({ timeout: 5_000 });
    await expect(amo.launcher().count()).resolves.toBe(1);
    await amo.page.close();
  });

  it('keeps focus in the panel, closes it with Escape and returns focus to the launcher', async () => {
    const amo = await AmoPage.open(env.browser, 'https://demo-esc.amocrm.ru/');
    const panel = await amo.openPanel();
    // Focus moves into the panel, onto its title, as soon as it is shown; from there Tab never
    // leaves it for the page behind.
    await expect.poll(() => panel.locator('h1').evaluate((el) => el === document.activeElement)).toBe(true);
    for (let i = 0; i < 40; i += 1) {
      await amo.page.keyboard.press(i % 7 === 6 ? 'Shift+Tab' : 'Tab');
      await expect(amo.page.evaluate(() => document.activeElement?.tagName)).resolves.toBe('IFRAME');
    }
    // Escape closes the panel on keydown; the key comes up once the frame is hidden. (Pressed in one
    // go, the keyup can be sent to a frame no longer shown, and the browser never acknowledges it.)
    await amo.page.keyboard.down('Escape');
    await amo.page.locator('iframe[src*="panel.html"]').waitFor({ state: 'hidden', timeout: 15_000 });
    await amo.page.keyboard.up('Escape');
    await expect(amo.launcher().evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    // Opened again from the keyboard: the kept panel is shown with the focus on its title, and
    // Escape closes it as the first time.
    await amo.page.keyboard.press('Enter');
    await expect.poll(() => panel.locator('h1').evaluate((el) => el === document.activeElement)).toBe(true);
    await expect(amo.page.locator('iframe[src*="panel.html"]').count()).resolves.toBe(1);
    await amo.page.keyboard.down('Escape');
    await amo.page.locator('iframe[src*="panel.html"]').waitFor({ state: 'hidden', timeout: 15_000 });
    await amo.page.keyboard.up('Escape');
    await expect(amo.launcher().evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await amo.page.close();
  });

  it('puts no launcher on the login page', async () => {
    const page = await env.browser.context.newPage();
    await page.goto('https://demo-login.amocrm.ru/login');
    await page.getByRole('heading', { name: 'Вход в amoCRM' }).waitFor();
    await page.waitForTimeout(300);
    await expect(page.getByRole('button', { name: /Конфиденциальность/ }).count()).resolves.toBe(0);
    await page.close();
  });

  it('opens the popup and the options page without console errors', async () => {
    for (const path of ['popup.html', 'options.html']) {
      const page = await env.browser.context.newPage();
      await page.goto(extensionUrl(env.browser, path));
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.close();
    }
    expect(env.browser.errors.filter((e) => e.startsWith('chrome-extension://'))).toEqual([]);
  });
});
