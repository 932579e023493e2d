import { describe, expect, it } from 'vitest';
import { AmoPage, dataTable, useExtension, widgetColumns } from './support/extension';

describe('the privacy panel on the fake amoCRM', () => {
  const env = useExtension();

  it('loads the panel hidden while the launcher is pressed, asks amoCRM nothing until the click, then shows it', async () => {
    const host = 'big-press.amocrm.ru';
    const amo = await AmoPage.open(env.browser, `https://${host}/leads`);
    await amo.page.getByRole('button', { name: /\(3\)/ }).waitFor();
    await amo.page.waitForTimeout(300);
    const beforePress = env.stack.amocrm.apiHits(host).length;
    await amo.launcher().hover();
    await amo.page.mouse.down();
    const frame = amo.page.locator('iframe[src*="panel.html"]');
    await frame.waitFor({ state: 'attached' });
    await expect(frame.isVisible()).resolves.toBe(false);
    // The panel's page loads behind the page (its dialog is there) and reads nothing from amoCRM.
    await amo.panelFrame().getByRole('heading', { level: 1, includeHidden: true }).waitFor({ state: 'attached' });
    await amo.page.waitForTimeout(500);
    expect(env.stack.amocrm.apiHits(host).length - beforePress).toBe(0);
    await amo.page.mouse.up();
    const panel = amo.panelFrame();
    await widgetColumns(panel).first().waitFor();
    await expect.poll(() => panel.locator('h1').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(env.stack.amocrm.apiHits(host).length - beforePress).toBeGreaterThan(0);
    await amo.page.close();
  });

  it('shows exactly the 3 installed Ingroup widgets among 300, with the real values, and serves a second open warm', async () => {
    const host = 'big-1.amocrm.ru';
    const amo = await AmoPage.open(env.browser, `https://${host}/leads`);
    await expect(amo.page.getByRole('button', { name: /\(3\)/ }).waitFor()).resolves.toBeUndefined();
    const beforeOpen = env.stack.amocrm.apiHits(host).length;
    let panel = await amo.openPanel();
    const columns = widgetColumns(panel);
    await columns.first().waitFor();
    await expect(columns.count()).resolves.toBe(3);
    await expect(columns.allInnerTexts()).resolves.toEqual([
      expect.stringContaining('ingroup_demo_autotasks'),
      expect.stringContaining('ingroup_demo_duplicates'),
      expect.stringContaining('ingroup_demo_telephony'),
    ]);
    const table = dataTable(panel);
    for (const value of [
      'Анна Смирнова',
      'anna.smirnova@romashka.example',
      '+7 912 345-67-89',
      '27182818',
      'big-1',
      '1000',
      '§1',
    ]) {
      await expect(table.getByText(value, { exact: true }).first().isVisible()).resolves.toBe(true);
    }
    // Each value once, however many widgets hold it: the email is shown once in the whole panel
    // (the three widgets hold it), as its row's value, and the row says which widgets declare it.
    await panel.getByRole('region', { name: /Замечено/ }).waitFor();
    await expect(panel.getByText('anna.smirnova@romashka.example').count()).resolves.toBe(1);
    await expect(panel.getByText('Анна Смирнова').count()).resolves.toBe(1);
    const emailRow = table.getByRole('row', { name: /Email администратора/ });
    await expect(emailRow.getByRole('cell', { name: 'заявлено (каталог)' }).count()).resolves.toBe(3);
    // The summary leads: a verdict, and figures that link to their sections.
    const summary = panel.getByRole('region', { name: 'Коротко' });
    await expect(
      summary.getByRole('link', { name: /^3 Установлено виджетов Ingroup по каталогу Ingroup: 3/ }).isVisible(),
    ).resolves.toBe(true);
    await expect(summary.getByRole('link', { name: /^6 Ваших данных у них/ }).isVisible()).resolves.toBe(true);
    await expect.poll(() => summary.getByRole('link', { name: /Проблем в политике/ }).innerText()).toMatch(/^8/);
    await summary.getByRole('link', { name: /Проблем в политике/ }).click();
    await expect
      .poll(() =>
        panel.getByRole('heading', { name: 'Проблемы этой политики' }).evaluate((el) => el === document.activeElement),
      )
      .toBe(true);
    await expect(panel.getByText('§3.1').first().isVisible()).resolves.toBe(true);
    await expect(panel.getByText('§7').first().isVisible()).resolves.toBe(true);
    const coldCalls = env.stack.amocrm.apiHits(host).length - beforeOpen;
    expect(coldCalls).toBeGreaterThan(0);
    expect(coldCalls).toBeLessThanOrEqual(5);
    // As the page's own reads: same-origin, with the page as referrer (the Firefox suite holds the same).
    for (const hit of env.stack.amocrm.apiHits(host)) {
      expect({ path: hit.path, site: hit.site, referer: hit.referer.startsWith(`https://${host}/`) }).toEqual({
        path: hit.path,
        site: 'same-origin',
        referer: true,
      });
    }

    await panel.getByRole('button', { name: 'Закрыть' }).click();
    await amo.page.locator('iframe[src*="panel.html"]').waitFor({ state: 'hidden' });
    const beforeWarm = env.stack.amocrm.apiHits(host).length;
    panel = await amo.openPanel();
    await widgetColumns(panel).first().waitFor();
    await amo.page.waitForTimeout(300);
    expect(env.stack.amocrm.apiHits(host).length - beforeWarm).toBe(0);
    await amo.page.close();
  });

  it.each([
    ['a non-administrator', 'nonadmin-1', /Вы не администратор этого аккаунта/],
    ['a signed-out session', 'loggedout-1', /Вы не вошли в amoCRM/],
    ['a 429 storm', 'storm-1', /amoCRM просит делать запросы реже/],
    ['a malformed widgets response', 'malformed-1', /Ответ amoCRM не удалось разобрать/],
  ])('gives %s a clear message and no uncaught error', async (_label, sub, message) => {
    const errorsBefore = env.browser.errors.length;
    const amo = await AmoPage.open(env.browser, `https://${sub}.amocrm.ru/leads`);
    const panel = await amo.openPanel();
    await panel.getByText(message).first().waitFor({ timeout: 30_000 });
    const uncaught = env.browser.errors.slice(errorsBefore).filter((e) => e.startsWith('chrome-extension://'));
    expect(uncaught).toEqual([]);
    await amo.page.close();
  });

  it('renders markup and script in amoCRM fields as text', async () => {
    const amo = await AmoPage.open(env.browser, 'https://xss-1.amocrm.ru/leads');
    const panel = await amo.openPanel();
    await panel.getByText('<script>document.title="pwned"</script>Пётр').first().waitFor();
    await expect(
      panel.getByText('<img src=x onerror="document.title=\'pwned\'">Ромашка').first().isVisible(),
    ).resolves.toBe(true);
    // The one picture is the extension's own data-flow diagram; nothing else is an image, script or SVG.
    await panel.getByRole('img', { name: /Куда уходят ваши данные/ }).waitFor();
    await expect(panel.locator('img, script:not([src]), svg:not(.flow-svg), .flow-svg svg').count()).resolves.toBe(0);
    await expect(panel.locator('svg').count()).resolves.toBe(1);
    const frame = amo.page.frames().find((f) => f.url().includes('panel.html'));
    await expect(frame?.title()).resolves.not.toBe('pwned');
    await amo.page.close();
  });

  it('draws where the data goes, with an accessible name and a text equivalent naming Ingroup and each recipient', async () => {
    const amo = await AmoPage.open(env.browser, 'https://en-flow.kommo.com/leads');
    const panel = await amo.openPanel();
    const picture = panel.getByRole('img', { name: 'Where your data goes' });
    await picture.waitFor();
    const described = await picture.getAttribute('aria-describedby');
    expect(described).toBeTruthy();
    const text = await panel.locator(`#${described}`).innerText();
    for (const name of [
      'Ingroup LLC',
      'Service providers: hosting, development, maintenance',
      'Affiliates, on their servers',
      'An acquirer or successor of the company',
      'Authorities and courts',
      'Third parties, with your consent',
      'Third parties: aggregated data',
      'The US: transfers from the EU, UK and Switzerland',
      'Storage "anywhere in the world", the US included',
    ]) {
      expect(text).toContain(name);
    }
    // The flag sits on its arrow: the Privacy Shield on the transfer to the US.
    expect(text).toMatch(
      /Ingroup LLC → The US: transfers from the EU, UK and Switzerland §7 — problem: The Privacy Shield is invalid/,
    );
    // The picture carries the installed widgets' names, drawn as text.
    await expect(picture.locator('text').allTextContents()).resolves.toEqual(expect.arrayContaining(['Ingroup LLC']));
    await amo.page.close();
  });

  it('shows the policy’s problems as cards — severity, the quote with its §, the law — whose button opens the composer with that request', async () => {
    const amo = await AmoPage.open(env.browser, 'https://en-cards.kommo.com/leads');
    const panel = await amo.openPanel();
    const problems = panel.getByRole('region', { name: 'Problems with this policy' });
    const card = problems
      .getByRole('listitem')
      .filter({ has: panel.getByRole('heading', { name: 'Consent is not a separate document' }) });
    await card.waitFor();
    await expect(card.getByText('Serious').textContent()).resolves.toBe('Severity: Serious');
    await expect(
      card
        .getByText(
          '«By visiting the Site, or by purchasing or using the Service, you accept the privacy practices described in this Policy.» opening paragraph',
        )
        .count(),
    ).resolves.toBe(1);
    await expect(card.getByText(/^The law: 152-FZ Art\. 9/).count()).resolves.toBe(1);
    await card.getByRole('button', { name: 'Withdraw consent — Consent is not a separate document' }).click();
    const composer = panel.getByRole('form', { name: 'New request' });
    await composer.waitFor();
    await expect(
      composer
        .getByRole('combobox')
        .first()
        .evaluate((el) => (el as HTMLSelectElement).value),
    ).resolves.toBe('withdraw_consent');
    // Opened in view, with the focus on it.
    await expect.poll(() => composer.evaluate((el) => el.parentElement === document.activeElement)).toBe(true);
    await amo.page.close();
  });

  it('follows amoCRM in English and switches language in place', async () => {
    const amo = await AmoPage.open(env.browser, 'https://en-1.kommo.com/leads');
    const panel = await amo.openPanel();
    await panel.getByRole('heading', { name: 'Privacy: Ingroup widgets' }).waitFor();
    await panel.getByText('Alice Walker').first().waitFor();
    await panel.getByRole('combobox', { name: 'Language' }).selectOption('ru');
    await panel.getByRole('heading', { name: 'Конфиденциальность: виджеты Ingroup' }).waitFor();
    await amo.page.close();
  });
});
