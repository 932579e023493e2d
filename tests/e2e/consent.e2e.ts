/**
 * The consent ledger as an administrator of several accounts uses it: one switch for all
 * accounts, the ledger carried to another browser profile, and a wipe. (The single-account
 * opt-out reaching the open panel without reload, surviving a restart and leaving the amoCRM
 * page's own storage empty is in choices.e2e.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AmoPage, extensionUrl, launch, useExtension } from './support/extension';

const HOSTS = ['demo-all-a.amocrm.ru', 'demo-all-b.amocrm.ru'];
const ALL = 'Рекламные письма Ingroup, все аккаунты';
const forHost = (host: string): string => `Рекламные письма Ingroup для ${host}`;

describe('consent choices across accounts', () => {
  const env = useExtension();

  it('opts every account out with the popup’s one switch, and each account’s open panel shows it', async () => {
    const panels: Array<{ amo: AmoPage; panel: Awaited<ReturnType<AmoPage['openPanel']>> }> = [];
    for (const host of HOSTS) {
      const amo = await AmoPage.open(env.browser, `https://${host}/leads`);
      panels.push({ amo, panel: await amo.openPanel() });
    }
    const popup = await env.browser.context.newPage();
    await popup.goto(extensionUrl(env.browser, 'popup.html'));
    const all = popup.getByRole('switch', { name: ALL });
    await expect(all.isChecked()).resolves.toBe(true);
    await all.uncheck();

    for (const host of HOSTS)
      await expect.poll(() => popup.getByRole('switch', { name: forHost(host) }).isChecked()).toBe(false);
    for (const { panel } of panels) {
      await expect.poll(() => panel.getByRole('switch', { name: /Рекламные письма/ }).isChecked()).toBe(false);
      await panel.getByText(/^Отказано .*\(меню расширения\), по политике от 2022-01-20\.$/).waitFor();
    }
    // Each account's opt-out reaches Ingroup as its own request.
    await expect
      .poll(
        () =>
          [...env.stack.endpoint.state.requests.values()]
            .filter((r) => r.body.type === 'marketing_opt_out')
            .map((r) => (r.body.account as { host: string }).host)
            .filter((host) => HOSTS.includes(host))
            .sort(),
        { timeout: 20_000 },
      )
      .toEqual(HOSTS);
    // Beside each switch, the state of its opt-out request, as Ingroup's endpoint answered it.
    for (const host of HOSTS) {
      const line = popup.getByRole('listitem').filter({ has: popup.getByRole('switch', { name: forHost(host) }) });
      await expect
        .poll(() => line.getByText(/^Отказ от рассылки: /).textContent(), { timeout: 20_000 })
        .toBe('Отказ от рассылки: получен Ingroup');
    }

    // And back on for one account, from the same popup.
    await popup.getByRole('switch', { name: forHost(HOSTS[1]!) }).check();
    await expect.poll(() => panels[1]!.panel.getByRole('switch', { name: /Рекламные письма/ }).isChecked()).toBe(true);
    await expect(panels[0]!.panel.getByRole('switch', { name: /Рекламные письма/ }).isChecked()).resolves.toBe(false);
    await expect(all.isChecked()).resolves.toBe(false);
    for (const { amo } of panels) await amo.page.close();
    await popup.close();
  });

  it('carries the ledger to another browser profile: exported with its chain, imported once, verified there', async () => {
    const options = await env.browser.context.newPage();
    await options.goto(extensionUrl(env.browser, 'options.html'));
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Экспорт журнала (JSON с цепочкой хешей)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ingroup-consent-ledger-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    const exported = JSON.parse(readFileSync(path, 'utf8')) as { events: unknown[] };
    expect(exported.events.length).toBe(3);
    await options.close();

    const other = await launch(env.stack);
    try {
      const page = await other.context.newPage();
      await page.goto(extensionUrl(other, 'options.html'));
      const input = page.getByLabel('Импорт экспорта журнала');
      await input.setInputFiles(path);
      await page.getByText('Импортировано событий: 3; уже были: 0.').waitFor();
      await input.setInputFiles(path);
      await page.getByText('Импортировано событий: 0; уже были: 3.').waitFor();
      await page.getByRole('button', { name: 'Проверить цепочку хешей' }).click();
      await page.getByText('Цепочка хешей цела: событий — 3.').waitFor();

      await input.setInputFiles({
        name: 'notes.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{"hello":"world"}'),
      });
      // In the page's language: the reason is worded from its code, not the background's English.
      await expect(page.getByRole('alert').textContent()).resolves.toMatch(
        /^Ничего не импортировано:.*Этот файл — не выгрузка журнала Ingroup Privacy/,
      );
    } finally {
      await other.close();
    }
  });

  it('deletes every account and choice only after the confirmation in the page', async () => {
    const options = await env.browser.context.newPage();
    await options.goto(extensionUrl(env.browser, 'options.html'));
    await options.getByRole('button', { name: 'Удалить все локальные данные…' }).click();
    const dialog = options.getByRole('dialog', { name: 'Удалить все локальные данные?' });
    await dialog.getByRole('button', { name: 'Оставить данные' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await options.getByRole('button', { name: 'Проверить цепочку хешей' }).click();
    await options.getByText('Цепочка хешей цела: событий — 3.').waitFor();

    await options.getByRole('button', { name: 'Удалить все локальные данные…' }).click();
    await dialog.getByRole('button', { name: 'Удалить всё' }).click();
    await options.getByText('Все локальные данные удалены.').waitFor();
    await options.getByText('Цепочка хешей цела: событий — 0.').waitFor();

    const popup = await env.browser.context.newPage();
    await popup.goto(extensionUrl(env.browser, 'popup.html'));
    // The empty state says what to do.
    await popup.getByRole('heading', { name: 'Аккаунтов amoCRM пока нет' }).waitFor();
    await popup.getByText(/^Откройте свой аккаунт amoCRM в этом браузере/).waitFor();
    await expect(popup.getByRole('switch').count()).resolves.toBe(0);
    expect(env.browser.errors).toEqual([]);
  });
});
