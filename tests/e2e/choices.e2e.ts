import { describe, expect, it } from 'vitest';
import { AmoPage, extensionUrl, launch, useExtension } from './support/extension';

const HOST = 'demo-choices.amocrm.ru';
const POPUP_SWITCH = `Рекламные письма Ingroup для ${HOST}`;

describe('consent choices', () => {
  const env = useExtension();

  it('shows a popup opt-out in the open panel at once, sends it to Ingroup, and keeps it across a browser restart', async () => {
    const amo = await AmoPage.open(env.browser, `https://${HOST}/leads`);
    const panel = await amo.openPanel();
    const panelSwitch = panel.getByRole('switch', { name: /Рекламные письма/ });
    await panelSwitch.waitFor();
    await expect(panelSwitch.isChecked()).resolves.toBe(true);

    const popup = await env.browser.context.newPage();
    await popup.goto(extensionUrl(env.browser, 'popup.html'));
    const popupSwitch = popup.getByRole('switch', { name: POPUP_SWITCH });
    await expect(popupSwitch.isChecked()).resolves.toBe(true);
    await popupSwitch.uncheck();

    // The panel was not reloaded: the background pushed the new ledger state down its feed.
    await expect.poll(() => panelSwitch.isChecked()).toBe(false);
    await panel.getByText('Отказано').first().waitFor();

    // The opt-out reached Ingroup's endpoint as a marketing_opt_out request, exactly once.
    await expect
      .poll(
        async () =>
          [...env.stack.endpoint.state.requests.values()].filter(
            (r) => r.body.type === 'marketing_opt_out' && (r.body.account as { host: string }).host === HOST,
          ).length,
        { timeout: 20_000 },
      )
      .toBe(1);

    // Nothing was written to the amoCRM page's own storage.
    await expect(amo.page.evaluate(async () => (await indexedDB.databases()).length)).resolves.toBe(0);
    await expect(amo.page.evaluate(() => localStorage.length + sessionStorage.length)).resolves.toBe(0);

    const profile = env.browser.userDataDir;
    await env.browser.close({ keepProfile: true });
    env.browser = await launch(env.stack, { userDataDir: profile });
    const again = await env.browser.context.newPage();
    await again.goto(extensionUrl(env.browser, 'popup.html'));
    await expect(again.getByRole('switch', { name: POPUP_SWITCH }).isChecked()).resolves.toBe(false);
    const amo2 = await AmoPage.open(env.browser, `https://${HOST}/tasks`);
    const panel2 = await amo2.openPanel();
    await expect.poll(() => panel2.getByRole('switch', { name: /Рекламные письма/ }).isChecked()).toBe(false);
  });

  it('records a choice made in the panel in the ledger the options page verifies', async () => {
    const amo = await AmoPage.open(env.browser, `https://demo-ledger.amocrm.ru/leads`);
    const panel = await amo.openPanel();
    await panel.getByRole('switch', { name: /Улучшение сервиса/ }).uncheck();
    await panel.getByRole('switch', { name: /Объединение с данными/ }).uncheck();
    const options = await env.browser.context.newPage();
    await options.goto(extensionUrl(env.browser, 'options.html'));
    await options.getByRole('button', { name: 'Проверить цепочку хешей' }).click();
    await options.getByText(/Цепочка хешей цела: событий — \d+/).waitFor();
  });
});
