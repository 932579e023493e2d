/**
 * The isolated content script's side of the evidence (DESIGN §5): the MAIN-world script's report
 * (lib/content/page-world.ts) and the page's requests to Ingroup's hosts, read from its Resource
 * Timing entries (no `webRequest`). Started once the page is idle after load, it passes both to the
 * background as they come, unparsed: the background parses them with zod where they arrive.
 */
import { isIngroupHost } from '../attribution/hosts';
import { afterLoadIdle, IDLE_TIMEOUT_MS } from './idle';
import { REPORT_EVENT, SETTLE_MS } from './page-world';

export interface TrafficHit {
  url: string;
  at: number;
}

export interface EvidenceBatch {
  report: string | null;
  traffic: TrafficHit[];
}

/** Batches go out at most this often. */
export const SEND_EVERY_MS = 2_000;
/**
 * The page's report goes out this soon after it comes, with the requests the traffic watch has
 * found by then (its buffered entries arrive just after it starts, at about the same time): the
 * evidence of a page load is one message, sent a little over SETTLE_MS after `load`.
 */
export const REPORT_SEND_MS = 250;
const MAX_URL = 2_000;
const MAX_HITS = 500;
const MAX_REPORT = 500_000;

function ingroupHit(entry: PerformanceEntry, origin: number): TrafficHit | null {
  // Most entries are not Ingroup's: a substring test first, the URL parsed only for candidates.
  if (!entry.name.includes('ingru.ru')) return null;
  try {
    if (!isIngroupHost(new URL(entry.name).hostname)) return null;
  } catch {
    return null;
  }
  return { url: entry.name.slice(0, MAX_URL), at: Math.round(origin + entry.startTime) };
}

/**
 * Watches until `signal` aborts; `send` gets each batch (never an empty one). The page's widget list
 * goes out only when `wantReport()` says the background asked for it (its `page/seen` reply): on
 * most loads a batch is the page's requests to Ingroup's hosts, and a page without them sends nothing.
 */
export function watchEvidence(
  win: Window,
  send: (batch: EvidenceBatch) => void,
  signal: AbortSignal,
  wantReport: () => boolean = () => true,
): void {
  let report: string | null = null;
  let traffic: TrafficHit[] = [];
  let timer: number | undefined;
  let due = Infinity;
  const flush = (): void => {
    timer = undefined;
    due = Infinity;
    if (signal.aborted || (report === null && traffic.length === 0)) return;
    const batch = { report, traffic: traffic.slice(0, MAX_HITS) };
    report = null;
    traffic = [];
    send(batch);
  };
  /** Sends within `ms`, or sooner where a send is already due. */
  const soon = (ms: number): void => {
    const at = win.performance.now() + ms;
    if (at >= due) return;
    win.clearTimeout(timer);
    due = at;
    timer = win.setTimeout(flush, ms);
  };
  win.document.addEventListener(
    REPORT_EVENT,
    (event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      if (typeof detail !== 'string' || detail.length > MAX_REPORT || !wantReport()) return;
      report = detail;
      soon(REPORT_SEND_MS);
    },
    { signal },
  );
  const start = (): void => {
    const Observer = (win as Window & typeof globalThis).PerformanceObserver as typeof PerformanceObserver | undefined;
    if (signal.aborted || typeof Observer !== 'function') return;
    const origin = win.performance.timeOrigin;
    const observer = new Observer((list) => {
      for (const entry of list.getEntries()) {
        const hit = ingroupHit(entry, origin);
        if (hit && traffic.length < MAX_HITS) traffic.push(hit);
      }
      if (traffic.length) soon(SEND_EVERY_MS);
    });
    // `buffered`: the entries from before the watch started (the page's first requests) come too.
    observer.observe({ type: 'resource', buffered: true });
    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        win.clearTimeout(timer);
      },
      { once: true },
    );
  };
  // As the MAIN-world read: SETTLE_MS after load, when the page is next idle. The buffered observer
  // still gets the requests made before it started (up to the page's Resource Timing buffer, 250).
  afterLoadIdle(
    win,
    () => {
      win.setTimeout(() => {
        if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(start, { timeout: IDLE_TIMEOUT_MS });
        else start();
      }, SETTLE_MS);
    },
    signal,
  );
}
