import { describe, expect, it } from 'vitest';
import {
  PANEL_FRAME,
  byRole,
  countByRole,
  openExtensionPage,
  panelWidgetColumns,
  panelFrame,
  panelShowsExactly,
  screenshot,
  until,
  useFirefox,
} from './support/firefox';

declare const browser: {
  permissions: {
    remove(p: { origins: string[] }): Promise<boolean>;
    contains(p: { origins: string[] }): Promise<boolean>;
  };
};
const ALLOW = 'Разрешить доступ';
const ACCESS_HEADING = 'Браузер не даёт расширению доступ к этим сайтам';

const LAUNCHER_3 = 'Конфиденциальность: виджеты Ingroup (3)';

describe('the privacy panel on the fake amoCRM, in Firefox', () => {
  const env = useFirefox();

  it('shows exactly the 3 installed Ingroup widgets among 300, with the real values read as the page reads them, and serves a second open warm', async () => {
    const host = 'big-1.amocrm.ru';
    const amo = await env.browser.newPage();
    await amo.goto(`https://${host}/leads`);
    const launcher = await byRole(amo, 'button', LAUNCHER_3);
    const beforeOpen = env.stack.amocrm.apiHits(host).length;
    await launcher.click();
    await amo.waitForSelector(PANEL_FRAME, { visible: true });
    // The panel reads the account through the content script, in the page's own name.
    await until(
      async () => env.stack.amocrm.apiHits(host).some((h) => h.path.startsWith('/api/v4/users/')),
      true,
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const cold = env.stack.amocrm.apiHits(host).slice(beforeOpen);
    expect(cold.length).toBeGreaterThan(0);
    expect(cold.length).toBeLessThanOrEqual(5);
    // As the page's own reads: same-origin, with the page as referrer (a content script's plain
    // fetch in Firefox is the extension's: cross-site and without a Referer).
    for (const hit of env.stack.amocrm.apiHits(host)) {
      expect({ path: hit.path, site: hit.site, referer: hit.referer.startsWith(`https://${host}/`) }).toEqual({
        path: hit.path,
        site: 'same-origin',
        referer: true,
      });
    }
    await screenshot(amo, 'panel-in-page');

    // Firefox has no use_dynamic_url: the page is shown no src, and the frame is cross-origin, so
    // nothing in the page carries this install's lasting moz-extension UUID.
    const seen = await amo.evaluate((frame) => {
      const iframe = document.querySelector<HTMLIFrameElement>(frame)!;
      let location = 'unreadable';
      try {
        location = String(iframe.contentWindow?.location.href);
      } catch {
        // cross-origin: as expected
      }
      const names = performance
        .getEntries()
        .map((e) => e.name)
        .join(' ');
      return {
        src: iframe.src,
        attribute: iframe.getAttribute('src'),
        location,
        html: new XMLSerializer().serializeToString(document),
        names,
      };
    }, PANEL_FRAME);
    expect({ src: seen.src, attribute: seen.attribute, location: seen.location }).toEqual({
      src: '',
      attribute: null,
      location: 'unreadable',
    });
    expect(seen.html).not.toContain(env.browser.uuid);
    expect(seen.names).not.toContain(env.browser.uuid);
    expect(seen.html).toContain('ingroup-privacy-panel');

    // The panel itself, in the frame in the amoCRM tab (reached over BiDi: see support/firefox.ts).
    const frame = await panelFrame(env.browser, amo);
    await until(async () => (await panelWidgetColumns(frame)).length > 0, true, 30_000);
    expect(await frame.evaluate(() => document.querySelector('h1')?.textContent)).toBe(
      'Конфиденциальность: виджеты Ingroup',
    );
    expect(await frame.evaluate(() => document.querySelector('.panel-host')?.textContent)).toBe(`Адрес: ${host}`);
    const texts = await panelWidgetColumns(frame);
    expect(texts).toHaveLength(3);
    expect(texts).toEqual([
      expect.stringContaining('ingroup_demo_autotasks'),
      expect.stringContaining('ingroup_demo_duplicates'),
      expect.stringContaining('ingroup_demo_telephony'),
    ]);
    for (const value of [
      'Анна Смирнова',
      'anna.smirnova@romashka.example',
      '+7 912 345-67-89',
      '27182818',
      'big-1',
      '1000',
      '§1',
    ]) {
      expect({ value, shown: await panelShowsExactly(frame, 'table', value) }).toEqual({ value, shown: true });
    }
    // Negative control: a value the table does not carry is not found.
    expect(await panelShowsExactly(frame, 'table', 'Иван Несуществующий')).toBe(false);
    expect(await panelShowsExactly(frame, 'page', '§3.1')).toBe(true);
    expect(await panelShowsExactly(frame, 'page', '§7')).toBe(true);

    // Closed with Escape and opened again: shown at once, and amoCRM is not asked again.
    await amo.keyboard.press('Escape');
    await amo.waitForSelector(PANEL_FRAME, { hidden: true, timeout: 15_000 });
    const beforeWarm = env.stack.amocrm.apiHits(host).length;
    await launcher.click();
    await amo.waitForSelector(PANEL_FRAME, { visible: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(env.stack.amocrm.apiHits(host).length - beforeWarm).toBe(0);
    expect(await countByRole(amo, 'button', LAUNCHER_3)).toBe(1);
    await amo.close();
  });

  it('asks again, in the popup and in the panel, for a site access withdrawn in Firefox, and works once it is given', async () => {
    const popup = await openExtensionPage(env.browser, 'popup.html');
    await byRole(popup, 'heading', 'Ingroup Privacy');
    expect(await countByRole(popup, 'button', ALLOW)).toBe(0);
    // As the admin can in about:addons › Permissions: amoCRM.ru and Ingroup's endpoint withdrawn.
    expect(
      await popup.evaluate(() =>
        browser.permissions.remove({ origins: ['https://*.amocrm.ru/*', 'https://api.ingru.ru/*'] }),
      ),
    ).toBe(true);
    // Without it Firefox puts no content script on amoCRM.ru: no launcher, as the prompt says.
    const amo = await env.browser.newPage();
    await amo.goto('https://big-2.amocrm.ru/leads');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await amo.$('#ingroup-privacy-launcher')).toBeNull();

    await byRole(popup, 'heading', ACCESS_HEADING);
    const text = await popup.evaluate(() => document.querySelector('.host-access')?.textContent ?? '');
    expect(text).toContain('amoCRM (*.amocrm.ru): без него кнопка не появится в amoCRM');
    expect(text).toContain('Сервис Ingroup (api.ingru.ru): без него запросы туда не отправить');
    await screenshot(popup, 'popup-access-withdrawn');
    await (await byRole(popup, 'button', ALLOW)).click();
    await until(
      () => popup.evaluate(() => document.querySelector('.host-access')?.textContent ?? ''),
      'Доступ разрешён. Перезагрузите открытые вкладки amoCRM, чтобы кнопка появилась там.',
    );
    expect(
      await popup.evaluate(() =>
        browser.permissions.contains({ origins: ['https://*.amocrm.ru/*', 'https://api.ingru.ru/*'] }),
      ),
    ).toBe(true);
    await amo.reload();
    await byRole(amo, 'button', LAUNCHER_3);

    // The panel in the amoCRM tab: Firefox gives that frame no permissions API, so it asks the
    // background what is missing, checks again when it is shown, and links to the options page.
    await (await byRole(amo, 'button', LAUNCHER_3)).click();
    await amo.waitForSelector(PANEL_FRAME, { visible: true });
    const frame = await panelFrame(env.browser, amo);
    await until(async () => (await panelWidgetColumns(frame)).length > 0, true, 30_000);
    const accessShown = (): Promise<string | null> =>
      frame.evaluate(() => document.querySelector('#host-access-heading')?.textContent ?? null);
    expect(await accessShown()).toBeNull();
    // Withdrawn elsewhere (here from the popup, as from about:addons) while the panel is open.
    expect(await popup.evaluate(() => browser.permissions.remove({ origins: ['https://api.ingru.ru/*'] }))).toBe(true);
    await amo.keyboard.press('Escape');
    await amo.waitForSelector(PANEL_FRAME, { hidden: true, timeout: 15_000 });
    await (await byRole(amo, 'button', LAUNCHER_3)).click();
    await amo.waitForSelector(PANEL_FRAME, { visible: true });
    await until(accessShown, ACCESS_HEADING, 15_000);
    expect(await frame.evaluate(() => document.querySelector('.host-access li')?.textContent)).toMatch(
      /^Сервис Ingroup \(api\.ingru\.ru\)/,
    );
    expect(
      await frame.evaluate(() => [...document.querySelectorAll('.host-access a')].map((a) => a.textContent)),
    ).toEqual(['Разрешить доступ на странице настроек расширения']);
    expect(await frame.evaluate(() => document.querySelectorAll('.host-access button').length)).toBe(0);
    await screenshot(amo, 'panel-in-page-access-withdrawn');

    // The options page asks; once given, the panel says nothing more when it is shown again.
    const options = await openExtensionPage(env.browser, 'options.html');
    await byRole(options, 'heading', ACCESS_HEADING);
    await (await byRole(options, 'button', ALLOW)).click();
    await until(() => countByRole(options, 'button', ALLOW), 0);
    expect(await options.evaluate(() => browser.permissions.contains({ origins: ['https://api.ingru.ru/*'] }))).toBe(
      true,
    );
    await amo.bringToFront();
    await amo.keyboard.press('Escape');
    await amo.waitForSelector(PANEL_FRAME, { hidden: true, timeout: 15_000 });
    await (await byRole(amo, 'button', LAUNCHER_3)).click();
    await amo.waitForSelector(PANEL_FRAME, { visible: true });
    await until(accessShown, null, 15_000);
    await amo.close();
  });
});
