/**
 * The content script's wiring: launcher, panel frame, and the two messages it answers. Every
 * listener hangs off the WXT context, so navigation and extension reloads clean up by construction.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isAccountPage, parseAccountHost } from '../amocrm/host';
import { pageLang } from '../i18n/launcher';
import { parsePageSeenCount, parseToContent } from '../messages-to-content';
import { amoFetch } from './amo-proxy';
import { LAUNCHER_ID, mountLauncher, type Launcher } from './launcher';
import { createPanelFrame } from './panel-frame';

export function startContent(ctx: ContentScriptContext): void {
  const account = parseAccountHost(location.hostname);
  if (!account) return;
  const lang = pageLang(document);
  let launcher: Launcher | undefined;
  let count: number | null = null;
  const panel = createPanelFrame(ctx, account.host, lang, () => launcher?.button.focus());

  const ensureLauncher = (): void => {
    if (!isAccountPage(new URL(location.href))) {
      document.getElementById(LAUNCHER_ID)?.remove();
      launcher = undefined;
      return;
    }
    if (launcher?.button.isConnected) return;
    launcher = mountLauncher(document, lang, () => panel.open(), ctx.signal);
    launcher.setCount(count);
  };
  ensureLauncher();
  ctx.addEventListener(window, 'wxt:locationchange', ensureLauncher);

  const onMessage = (raw: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const message = parseToContent(raw);
    if (!message) return undefined;
    if (message.type === 'amo/fetch') return amoFetch(message.path, ctx.signal);
    if (message.type === 'panel/open') panel.open();
    else panel.close();
    return Promise.resolve(true);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  void browser.runtime
    .sendMessage({ type: 'page/seen', host: account.host })
    .then((reply: unknown) => {
      const seen = parsePageSeenCount(reply);
      if (seen !== undefined && ctx.isValid) {
        count = seen;
        launcher?.setCount(count);
      }
    })
    .catch(() => {
      // The background is restarting; the launcher works without a count.
    });
}
