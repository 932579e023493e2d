import { describe, expect, it } from 'vitest';
import {
  PANEL_FRAME,
  type PanelFrame,
  byRole,
  isChecked,
  launchFirefox,
  openExtensionPage,
  panelFrame,
  screenshot,
  until,
  useFirefox,
} from './support/firefox';

const HOST = 'demo-choices.amocrm.ru';
const LAUNCHER = 'Конфиденциальность: виджеты Ingroup (3)';
const POPUP_SWITCH = `Рекламные письма Ingroup для ${HOST}`;
const PANEL_SWITCH = 'Рекламные письма — Ingroup может это делать';

/** In the panel frame: whether the switch labelled `name` is on (null while it is not there). */
function panelSwitchOn(frame: PanelFrame): Promise<boolean | null> {
  return frame.evaluate((name) => {
    const input = [...document.querySelectorAll<HTMLInputElement>('input[role="switch"]')].find(
      (el) => el.closest('label')?.textContent?.replace(/\s+/g, ' ').trim() === name,
    );
    return input ? input.checked : null;
  }, PANEL_SWITCH);
}

describe('consent choices, in Firefox', () => {
  const env = useFirefox();

  it('shows a popup opt-out in the open panel at once, sends it to Ingroup, and keeps it across a browser restart', async () => {
    const amo = await env.browser.newPage();
    await amo.goto(`https://${HOST}/leads`);
    await (await byRole(amo, 'button', LAUNCHER)).click();
    await amo.waitForSelector(PANEL_FRAME, { visible: true });
    // The panel itself, in the frame in the amoCRM tab (reached over BiDi: see support/firefox.ts).
    const panel = await panelFrame(env.browser, amo);
    await until(() => panelSwitchOn(panel), true, 30_000);

    const popup = await openExtensionPage(env.browser, 'popup.html');
    const popupSwitch = await byRole(popup, 'switch', POPUP_SWITCH);
    expect(await isChecked(popupSwitch)).toBe(true);
    await popupSwitch.click();

    // The panel was not reloaded: the background pushed the new ledger state down its feed.
    await until(() => panelSwitchOn(panel), false);
    await until(() => panel.evaluate(() => document.body.innerText.includes('Отказано')), true);

    // The opt-out reached Ingroup's endpoint as a marketing_opt_out request, exactly once.
    const optOuts = (): Promise<number> =>
      Promise.resolve(
        [...env.stack.endpoint.state.requests.values()].filter(
          (r) => r.body.type === 'marketing_opt_out' && (r.body.account as { host: string }).host === HOST,
        ).length,
      );
    await until(optOuts, 1, 20_000);

    // Nothing was written to the amoCRM page's own storage.
    expect(await amo.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);
    expect(await amo.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    await screenshot(amo, 'panel-after-popup-opt-out');

    const { userDataDir, uuid } = env.browser;
    await env.browser.close({ keepProfile: true });
    env.browser = await launchFirefox(env.stack, { userDataDir, uuid });
    const again = await openExtensionPage(env.browser, 'popup.html');
    expect(await isChecked(await byRole(again, 'switch', POPUP_SWITCH))).toBe(false);
    const amo2 = await env.browser.newPage();
    await amo2.goto(`https://${HOST}/tasks`);
    await (await byRole(amo2, 'button', LAUNCHER)).click();
    await amo2.waitForSelector(PANEL_FRAME, { visible: true });
    const panel2 = await panelFrame(env.browser, amo2);
    await until(() => panelSwitchOn(panel2), false, 30_000);
    expect(await optOuts()).toBe(1);
  });
});
