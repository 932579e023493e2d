/**
 * Issue 11's promises on a page built like the real amoCRM (tests/support/amocrm-server.mjs): the
 * Ingroup widgets no catalog names are found on the evidence, an odd widget list still reads, a newer
 * catalog still lists, a Spanish Kommo account gets English, and the launcher is a menu item.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AmoPage, dataTable, launch, useExtension, widgetColumns } from './support/extension';

type Frame = ReturnType<AmoPage['panelFrame']>;

async function cardCodes(panel: Frame): Promise<string[]> {
  const columns = widgetColumns(panel);
  return columns.evaluateAll((els) => els.map((el) => el.querySelector('code')?.textContent ?? ''));
}

describe('an account whose Ingroup widgets no catalog names, with Ingroup’s endpoint unreachable', () => {
  const env = useExtension({ stack: { endpointUnreachable: true } });

  it('lists exactly the widgets that declare ingru.ru support and call an Ingroup host, with their evidence and the real values; a mark changes the list at once and survives a restart', async () => {
    const host = 'real-1.amocrm.ru';
    let amo = await AmoPage.open(env.browser, `https://${host}/leads`);
    // The launcher counts them once the page's evidence has come in (after load, when idle).
    await amo.page.getByRole('button', { name: /\(2\)/ }).waitFor({ timeout: 20_000 });
    let panel = await amo.openPanel();
    await widgetColumns(panel).first().waitFor();
    await expect.poll(() => cardCodes(panel)).toEqual(['ig_autodocs', 'ig_smsgate']);
    const first = widgetColumns(panel).first();
    await first.getByText('support@ingru.ru').first().waitFor();
    await first
      .getByText(/hooks\.ingru\.ru/)
      .first()
      .waitFor();
    for (const value of ['Анна Смирнова', 'anna.smirnova@romashka.example', '+7 912 345-67-89', '28657000', 'real-1']) {
      await expect(dataTable(panel).getByText(value, { exact: true }).first().isVisible()).resolves.toBe(true);
    }
    // Observed beside declared: the host, and which of this account's values went out in the addresses.
    const observed = panel.getByRole('region', { name: 'Замечено: запросы этой страницы к серверам Ingroup' });
    await observed.getByText(/hooks\.ingru\.ru: запросов \d+/).waitFor();
    await expect(observed.innerText()).resolves.toMatch(/ID аккаунта amoCRM.*Поддомен аккаунта.*Email администратора/);
    // Every amoCRM call carried the web app's header; the list was read past pages without `_links.next`.
    const calls = env.stack.amocrm.apiHits(host);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.every((c) => c.xrw)).toBe(true);
    expect(calls.some((c) => c.path.includes('/api/v4/widgets') && c.path.includes('page=5'))).toBe(true);

    // The administrator's word: one widget is not Ingroup's, another one is.
    await panel.getByRole('button', { name: 'Не Ingroup (Автодокументы)' }).click();
    await expect.poll(() => cardCodes(panel)).toEqual(['ig_smsgate']);
    await panel.getByRole('button', { name: /Другие установленные виджеты/ }).click();
    await panel.getByRole('button', { name: 'Виджет Ingroup (Другой поставщик)' }).click();
    await expect.poll(() => cardCodes(panel)).toEqual(['ig_smsgate', 'other_vendor']);
    await widgetColumns(panel).nth(1).getByText('вы отметили его как виджет Ingroup').waitFor();

    // A browser restart keeps the marks.
    await env.browser.close({ keepProfile: true });
    env.browser = await launch(env.stack, { userDataDir: env.browser.userDataDir });
    amo = await AmoPage.open(env.browser, `https://${host}/leads`);
    panel = await amo.openPanel();
    await widgetColumns(panel).first().waitFor();
    await expect.poll(() => cardCodes(panel)).toEqual(['ig_smsgate', 'other_vendor']);
    // Taken back, a mark changes the list at once too.
    await panel.getByRole('button', { name: /Другие установленные виджеты/ }).click();
    await panel.getByRole('button', { name: 'Снять мою отметку (Автодокументы)' }).click();
    await expect.poll(() => cardCodes(panel)).toEqual(['ig_autodocs', 'ig_smsgate', 'other_vendor']);
    await amo.page.close();
  });
});

const bundled = (await import('../../lib/catalog/bundled.json', { with: { type: 'json' } })).default;
const newerCatalog = {
  ...bundled,
  version: 2027,
  widgets: [
    { ...bundled.widgets[0], collects: [...bundled.widgets[0]!.collects, 'call_recordings'] },
    { code: '', name: { ru: 'битая запись' } },
    ...bundled.widgets.slice(1),
  ],
};

describe('an odd widget list and a newer catalog', () => {
  const env = useExtension({ stack: { endpointCatalog: newerCatalog } });

  it('still shows the installed Ingroup widgets beside version null, is_active_in_account null and an unreadable entry, and a category the policy does not name', async () => {
    const amo = await AmoPage.open(env.browser, 'https://odd-1.amocrm.ru/leads');
    const panel = await amo.openPanel();
    await widgetColumns(panel).first().waitFor();
    await expect
      .poll(() => cardCodes(panel))
      .toEqual(['ingroup_demo_autotasks', 'ingroup_demo_duplicates', 'ingroup_demo_telephony']);
    await panel
      .getByText('Записей списка виджетов amoCRM, которые не удалось прочитать и пришлось пропустить: 1.')
      .waitFor();
    await widgetColumns(panel).first().getByText('версия —').waitFor();
    const row = dataTable(panel).getByRole('row', { name: /call_recordings/ });
    await expect(row.innerText()).resolves.toContain('названо в каталоге Ingroup, в политике нет');
    await panel.getByText('Повреждённых записей каталога Ingroup, оставленных без внимания: 1.').waitFor();
    await amo.page.close();
  });
});

describe('refusals told apart', () => {
  const env = useExtension();

  it.each([
    ['amoCRM’s IP whitelist (error 113)', 'iprestricted-1', /amoCRM не пускает с этого IP-адреса/],
    ['a 403 on /api/v4/account, which any user may read', 'noaccount-1', /amoCRM не дал прочитать этот аккаунт/],
    ['a user who is not an administrator', 'nonadmin-2', /Вы не администратор этого аккаунта/],
  ])('says %s in its own words', async (_label, sub, message) => {
    const amo = await AmoPage.open(env.browser, `https://${sub}.amocrm.ru/leads`);
    const panel = await amo.openPanel();
    await panel.getByText(message).first().waitFor({ timeout: 30_000 });
    await amo.page.close();
  });
});

describe('Kommo in Spanish and the real menu', () => {
  const env = useExtension({ locale: 'es-ES' });

  it('gives a Spanish Kommo account the launcher and panel in English', async () => {
    const amo = await AmoPage.open(env.browser, 'https://es-1.kommo.com/leads');
    await amo.page.getByRole('button', { name: /^Privacy: Ingroup widgets/ }).waitFor();
    const panel = await amo.openPanel();
    await panel.getByRole('heading', { name: 'Privacy: Ingroup widgets' }).waitFor();
    await panel.getByText('Lucía García').first().waitFor();
    await amo.page.close();
  });

  it('puts the launcher in the real menu as its neighbours are, legible in the dark and the light theme, selected while the panel is open', async () => {
    const amo = await AmoPage.open(env.browser, 'https://demo-menu.amocrm.ru/leads');
    const launcher = amo.launcher();
    await amo.page.getByRole('button', { name: /\(3\)/ }).waitFor();
    const facts = await launcher.evaluate((link) => {
      const item = link.parentElement;
      const title = link.querySelector('.nav__menu__item__title');
      // A neighbour not selected (the page open is the leads, which amoCRM shows selected).
      const neighbour = document.querySelector('[data-entity="todo"] .nav__menu__item__title');
      return {
        path: item?.closest('.nav__menu-scroll-hide > .nav__menu-wrapper > div#nav_menu.nav__menu') !== null,
        itemClass: item?.className,
        linkClass: link.className,
        children: [...link.children].map((c) => c.className || c.tagName.toLowerCase()),
        afterLeads: item?.previousElementSibling?.getAttribute('data-entity'),
        titleFits: title ? title.scrollWidth <= title.clientWidth && item!.getBoundingClientRect().width <= 65 : false,
        sameColourAsNeighbour:
          title && neighbour ? getComputedStyle(title).color === getComputedStyle(neighbour).color : false,
      };
    });
    expect(facts).toEqual({
      path: true,
      itemClass: 'nav__menu__item',
      linkClass: 'nav__menu__item__link',
      children: ['nav__menu__item__icon', 'nav__menu__item__title', 'span'],
      afterLeads: 'leads',
      titleFits: true,
      sameColourAsNeighbour: true,
    });
    const contrast = (): Promise<number> =>
      launcher.evaluate((link) => {
        const rgb = (text: string): number[] => (text.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
        const lum = (c: number[]): number => {
          const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        let bgEl: Element | null = link;
        while (bgEl && /rgba\(0, 0, 0, 0\)|transparent/.test(getComputedStyle(bgEl).backgroundColor))
          bgEl = bgEl.parentElement;
        const fg = lum(rgb(getComputedStyle(link.querySelector('.nav__menu__item__title')!).color));
        const bg = lum(rgb(getComputedStyle(bgEl ?? document.body).backgroundColor));
        return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      });
    // amoCRM's dark menu, as served; the launcher's words take the menu's own colour.
    expect(await contrast()).toBeGreaterThanOrEqual(4.5);
    mkdirSync('docs/screenshots', { recursive: true });
    await amo.page.locator('.nav__menu-scroll-hide').screenshot({ path: 'docs/screenshots/launcher-menu.png' });
    // Selected, as amoCRM marks its own items, while the panel is open.
    const panel = await amo.openPanel();
    await expect(
      launcher.evaluate((link) => link.parentElement?.classList.contains('nav__menu__item-selected')),
    ).resolves.toBe(true);
    await panel.getByRole('button', { name: 'Закрыть' }).click();
    await expect
      .poll(() => launcher.evaluate((link) => link.parentElement?.classList.contains('nav__menu__item-selected')))
      .toBe(false);
    // amoCRM's light theme: a light menu with dark words; the launcher follows it.
    await amo.page.addStyleTag({
      content: '.nav__menu-scroll-hide{background:#fff}.nav__menu__item__link{color:#313942}',
    });
    expect(await contrast()).toBeGreaterThanOrEqual(4.5);
    await amo.page.close();
  });
});
