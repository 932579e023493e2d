/**
 * The content script's wiring: launcher, panel frame, and the messages it answers. Plain DOM and
 * the bare runtime (lib/content/runtime.ts), because it runs on every amoCRM page load: nothing
 * while the page loads (not even a first touch of the runtime); then, once the page is idle after
 * `load` (lib/content/idle.ts), one `page/seen` message, one listener, one menu item, and no timer
 * while nothing happens — nothing else until the admin clicks.
 */
import { isAccountPage, parseAccountHost } from '../vocabulary';
import { pageLang } from '../i18n/launcher';
import { parsePageSeenCount, parsePageSeenReport, parseToContent } from '../messages-to-content';
import { amoFetch } from './amo-proxy';
import { benchSkips } from './bench-parts';
import { afterLoadIdle } from './idle';
import { LAUNCHER_ID, mountLauncher, type Launcher } from './launcher';
import { watchEvidence } from './page-evidence';
import { ASK_ATTRIBUTE } from './page-world';
import { createPanelFrame } from './panel-frame';
import type { ContentListener, ContentRuntime } from './runtime';

/** Where the browser has no Navigation API, how often the script looks for amoCRM's in-app navigation. */
export const WATCH_MS = 1_000;
/**
 * How long the first launcher waits for the background's count before it goes up without one.
 * Put up with its count, the menu item is laid out once; put up first and given the count a few
 * milliseconds later, amoCRM's page is laid out twice (~1 ms of a 5 ms budget, `npm run bench`).
 */
export const COUNT_WAIT_MS = 500;
/** How long after a change around the launcher (amoCRM redrawing its menu) it is looked for again. */
export const REDRAW_SETTLE_MS = 200;

/**
 * Starts the launcher on an amoCRM account page once the page is idle after `load`; returns what
 * stops it (also run once the extension is reloaded). `getRuntime` is called then, not before: the
 * first touch of the extension runtime costs the page a few milliseconds.
 */
export function startContent(getRuntime: () => ContentRuntime | undefined, win: Window = window): () => void {
  const account = parseAccountHost(win.location.hostname);
  if (!account || benchSkips(win, 'all')) return () => undefined;
  const life = new AbortController();
  let stopRunning: (() => void) | undefined;
  afterLoadIdle(
    win,
    () => {
      const runtime = getRuntime();
      if (runtime?.id) stopRunning = run(runtime, win, account.host, life);
    },
    life.signal,
  );
  return () => {
    life.abort();
    stopRunning?.();
  };
}

function run(runtime: ContentRuntime, win: Window, host: string, life: AbortController): () => void {
  const doc = win.document;
  // Read again as the launcher goes up: the MAIN-world script marks amoCRM's language once the page is idle too.
  let lang = pageLang(doc, host);
  let launcher: Launcher | undefined;
  let count: number | null = null;
  /** Whether the background asked for the page's widget list on this load (its `page/seen` reply). */
  let wantReport = false;
  /** False until the first launcher goes up (with its count, or without it after COUNT_WAIT_MS). */
  let mounted = false;

  // Asked for on the first open only: the runtime's first getURL costs the page milliseconds.
  const panelUrl = (): string => {
    // No account in it: the background binds the panel to this tab (DESIGN §8).
    const url = new URL(runtime.getURL('/panel.html'));
    url.searchParams.set('lang', lang);
    return url.href;
  };
  const panel = createPanelFrame(
    doc,
    panelUrl,
    () => lang,
    () => {
      launcher?.setSelected(false);
      launcher?.button.focus();
    },
  );

  // A redrawn menu takes the launcher with it: watch the child lists of the launcher's ancestors
  // (not their subtrees), as taking it out of the page changes one of them, and little else does.
  // Rewatched on each mount; looked at once the redraw has settled, so a page that keeps taking
  // the launcher out costs it at most one mount per REDRAW_SETTLE_MS, never a loop.
  let settling: number | undefined;
  const redrawn = new MutationObserver(() => {
    settling ??= win.setTimeout(() => {
      settling = undefined;
      check();
    }, REDRAW_SETTLE_MS);
  });
  const ensureLauncher = (): void => {
    if (!isAccountPage(new URL(win.location.href))) {
      doc.getElementById(LAUNCHER_ID)?.remove();
      launcher = undefined;
      redrawn.disconnect();
      return;
    }
    if (launcher?.button.isConnected) return;
    launcher = mountLauncher(doc, lang, open, prepare, life.signal);
    launcher.setCount(count);
    redrawn.disconnect();
    for (let node = launcher.button.parentNode?.parentNode; node; node = node.parentNode)
      redrawn.observe(node, { childList: true });
  };

  const onMessage: ContentListener = (raw, sender, respond) => {
    if (sender.id === undefined || sender.id !== runtime.id) return undefined;
    const message = parseToContent(raw);
    if (!message) return undefined;
    if (message.type === 'amo/fetch') {
      // A failed fetch answers null: the background reads it as "the tab gave no answer".
      amoFetch(message.path, life.signal, win.location.origin).then(respond, () => respond(null));
      return true;
    }
    if (message.type === 'panel/open') open();
    else panel.close();
    respond(true);
    return undefined;
  };

  let href = win.location.href;
  /** Looks again after a navigation or a change around the launcher. */
  const check = (): void => {
    if (orphaned() || !mounted) return;
    if (win.location.href !== href || (launcher && !launcher.button.isConnected)) {
      href = win.location.href;
      ensureLauncher();
    }
  };
  const mountFirst = (): void => {
    if (mounted || life.signal.aborted) return;
    mounted = true;
    win.clearTimeout(countWait);
    lang = pageLang(doc, host);
    if (!benchSkips(win, 'launcher')) ensureLauncher();
  };
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    life.abort();
    win.clearTimeout(countWait);
    win.clearTimeout(settling);
    redrawn.disconnect();
    panel.destroy();
    runtime.onMessage.removeListener(onMessage);
  };
  /** A copy orphaned by an extension update (runtime id gone) takes its launcher away and stops. */
  function orphaned(): boolean {
    if (runtime.id !== undefined) return false;
    stop();
    return true;
  }
  function open(): void {
    if (orphaned()) return;
    panel.open();
    launcher?.setSelected(true);
  }
  function prepare(): void {
    if (!orphaned()) panel.prepare();
  }
  // amoCRM navigates inside the page (history.pushState): the Navigation API says so as it happens;
  // without it (older Firefox), the address is looked at every second.
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    navigation.addEventListener('currententrychange', check, { signal: life.signal });
  } else {
    const watch = win.setInterval(check, WATCH_MS);
    life.signal.addEventListener('abort', () => win.clearInterval(watch), { once: true });
  }
  const countWait = win.setTimeout(mountFirst, COUNT_WAIT_MS);

  const takeCount = (reply: unknown): void => {
    const seen = parsePageSeenCount(reply);
    // An unchanged count leaves the menu item alone: no layout of amoCRM's page for nothing.
    if (seen !== undefined && seen !== count && !life.signal.aborted) {
      count = seen;
      launcher?.setCount(count);
    }
  };
  runtime.onMessage.addListener(onMessage);
  if (benchSkips(win, 'seen')) mountFirst();
  else {
    runtime
      .sendMessage({ type: 'page/seen', host })
      .then((reply) => {
        wantReport = parsePageSeenReport(reply);
        // Asked of the MAIN-world script, which looks SETTLE_MS after load (lib/content/page-world.ts).
        if (wantReport && !life.signal.aborted) doc.documentElement.setAttribute(ASK_ATTRIBUTE, '');
        takeCount(reply);
      })
      .catch(() => {
        // The background is restarting; the launcher works without a count.
      })
      .finally(mountFirst);
  }
  // A while later: the widgets the page declares and its traffic to Ingroup's hosts.
  if (!benchSkips(win, 'evidence')) {
    watchEvidence(
      win,
      (batch) => {
        if (orphaned()) return;
        runtime.sendMessage({ type: 'page/evidence', host, ...batch }).then(takeCount, () => undefined);
      },
      life.signal,
      () => wantReport,
    );
  }
  return stop;
}
