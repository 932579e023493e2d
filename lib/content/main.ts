/**
 * The content script's wiring: launcher, panel frame, and the messages it answers. Plain DOM and
 * the bare runtime (lib/content/runtime.ts), because it runs on every amoCRM page load: one
 * `page/seen` message, one listener, one menu item — nothing else until the admin clicks.
 */
import { isAccountPage, parseAccountHost } from '../amocrm/host';
import { pageLang } from '../i18n/launcher';
import { parsePageSeenCount, parseToContent } from '../messages-to-content';
import { amoFetch } from './amo-proxy';
import { LAUNCHER_ID, mountLauncher, type Launcher } from './launcher';
import { createPanelFrame } from './panel-frame';
import type { ContentListener, ContentRuntime } from './runtime';

/** How often the script looks for amoCRM's in-app navigation and a re-rendered menu. */
export const WATCH_MS = 1_000;
/**
 * How long the first launcher waits for the background's count before it goes up without one.
 * Put up with its count, the menu item is laid out once; put up first and given the count a few
 * milliseconds later, amoCRM's page is laid out twice (~1 ms of a 5 ms budget, `npm run bench`).
 */
export const COUNT_WAIT_MS = 500;

/** Starts the launcher on an amoCRM account page; returns what stops it (also run once the extension is reloaded). */
export function startContent(runtime: ContentRuntime, win: Window = window): () => void {
  const doc = win.document;
  const account = parseAccountHost(win.location.hostname);
  if (!account) return () => undefined;
  const lang = pageLang(doc);
  const life = new AbortController();
  let launcher: Launcher | undefined;
  let count: number | null = null;
  /** False until the first launcher goes up (with its count, or without it after COUNT_WAIT_MS). */
  let mounted = false;

  // Asked for on the first open only: the runtime's first getURL costs the page milliseconds.
  const panelUrl = (): string => {
    const url = new URL(runtime.getURL('/panel.html'));
    url.searchParams.set('host', account.host);
    url.searchParams.set('lang', lang);
    return url.href;
  };
  const panel = createPanelFrame(doc, panelUrl, lang, () => launcher?.button.focus());

  const ensureLauncher = (): void => {
    if (!isAccountPage(new URL(win.location.href))) {
      doc.getElementById(LAUNCHER_ID)?.remove();
      launcher = undefined;
      return;
    }
    if (launcher?.button.isConnected) return;
    launcher = mountLauncher(doc, lang, () => panel.open(), () => panel.prepare(), life.signal);
    launcher.setCount(count);
  };

  const onMessage: ContentListener = (raw, sender, respond) => {
    if (sender.id === undefined || sender.id !== runtime.id) return undefined;
    const message = parseToContent(raw);
    if (!message) return undefined;
    if (message.type === 'amo/fetch') {
      // A failed fetch answers null: the background reads it as "the tab gave no answer".
      amoFetch(message.path, life.signal).then(respond, () => respond(null));
      return true;
    }
    if (message.type === 'panel/open') panel.open();
    else panel.close();
    respond(true);
    return undefined;
  };

  let href = win.location.href;
  const mountFirst = (): void => {
    if (mounted || life.signal.aborted) return;
    mounted = true;
    win.clearTimeout(countWait);
    ensureLauncher();
  };
  const stop = (): void => {
    if (life.signal.aborted) return;
    life.abort();
    win.clearInterval(watch);
    win.clearTimeout(countWait);
    panel.destroy();
    runtime.onMessage.removeListener(onMessage);
  };
  // amoCRM navigates inside the page and may redraw its menu: look again every second. A copy
  // orphaned by an extension update (runtime id gone) takes its launcher away and stops.
  const watch = win.setInterval(() => {
    if (runtime.id === undefined) return stop();
    // Off an account page there is no launcher to miss: only a new address is worth a look.
    if (mounted && (win.location.href !== href || (launcher && !launcher.button.isConnected))) {
      href = win.location.href;
      ensureLauncher();
    }
  }, WATCH_MS);
  const countWait = win.setTimeout(mountFirst, COUNT_WAIT_MS);

  runtime.onMessage.addListener(onMessage);
  runtime
    .sendMessage({ type: 'page/seen', host: account.host })
    .then((reply: unknown) => {
      const seen = parsePageSeenCount(reply);
      if (seen !== undefined && !life.signal.aborted) {
        count = seen;
        launcher?.setCount(count);
      }
    })
    .catch(() => {
      // The background is restarting; the launcher works without a count.
    })
    .finally(mountFirst);
  return stop;
}
