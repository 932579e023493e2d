// @ts-check
/* global window, document, location, MutationObserver, IntersectionObserver, requestAnimationFrame, indexedDB, HTMLScriptElement, chrome -- functions handed to page.evaluate run in the page */
/**
 * The benchmark's browser figures, in Debian's Chromium against the local stack (DESIGN §9):
 *
 * - added main-thread time of a page load: the same amoCRM page loaded alternately in a profile
 *   with the extension and in one without, Chromium's own per-page counters (CDP
 *   Performance.getMetrics TaskDuration / ScriptDuration, in thread time) read after a quiet second;
 * - amoCRM API calls before the panel is opened (several loads) and when it opens, cold and warm;
 * - panel open → inventory painted: the launcher's click (timestamped in the page) to the frame
 *   after the first widget column (`th[data-widget]`) appears (timestamped in the panel frame once that frame is painted);
 * - popup and options, seeded with an agency's data, from navigation to the first account painted.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, EXTENSION_DIR, startStack } from '../../tests/support/stack.mjs';

const LAUNCHER = /Конфиденциальность|Privacy/;
const AMOCRM_MATCHES = ['https://*.amocrm.ru/*', 'https://*.amocrm.com/*', 'https://*.kommo.com/*'];

/**
 * An extension whose content script does nothing, on the same pages at the same time: what
 * Chromium itself costs a page for injecting any content script, to tell apart from ours.
 */
function emptyExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'ingroup-bench-empty-'));
  const manifest = { manifest_version: 3, name: 'Empty content script', version: '1.0', content_scripts: [{ matches: AMOCRM_MATCHES, js: ['noop.js'], run_at: 'document_idle' }] };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'noop.js'), 'void 0;\n');
  return dir;
}
/**
 * How long after `load` a page's counters are read: long enough for everything the content scripts
 * do on a page load to be inside the window — the launcher in the first idle period after `load`,
 * the evidence a little over SETTLE_MS (2 s, lib/content/page-world.ts) plus REPORT_SEND_MS (250 ms,
 * lib/content/page-evidence.ts) after it.
 */
const QUIET_MS = 3_000;
/** The parts of the content scripts measured one by one (lib/content/bench-parts.ts). */
export const PARTS = /** @type {const} */ (['all', 'main', 'seen', 'launcher', 'evidence']);
/** How long a person's click holds the button down, for the note beside the panel's first open. */
const PRESS_MS = 100;

/** @param {number[]} values */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? NaN : sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The first quartile, median and third quartile. @param {number[]} values @returns {[number, number, number]} */
export function quartiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const half = Math.floor(sorted.length / 2);
  return [median(sorted.slice(0, half)), median(sorted), median(sorted.slice(sorted.length - half))];
}

/** @param {string} executablePath @param {string[]} args */
async function launch(executablePath, args) {
  const dir = mkdtempSync(join(tmpdir(), 'ingroup-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath,
    headless: true,
    args,
    ignoreDefaultArgs: ['--disable-extensions'],
    ignoreHTTPSErrors: true,
    locale: 'ru-RU',
    viewport: { width: 1280, height: 800 },
  });
  return { context, close: async () => { await context.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * One load of `url` in a fresh tab: the page's main-thread counters from navigation to a quiet second after `load`.
 * @param {import('playwright-core').BrowserContext} context @param {string} url
 */
async function loadOnce(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load' });
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  const { metrics } = await cdp.send('Performance.getMetrics');
  const read = (/** @type {string} */ name) => (metrics.find((m) => m.name === name)?.value ?? NaN) * 1000;
  const launcher = await page.getByRole('button', { name: LAUNCHER }).count();
  await cdp.detach();
  await page.close();
  return { taskMs: read('TaskDuration'), scriptMs: read('ScriptDuration'), launcher };
}

/**
 * Marks, in the page's own clocks, when the launcher is clicked and when the panel and the lists
 * paint. The panel frame is kept (hidden) between opens, so it stamps each time it is shown with its
 * inventory there: once the frame that first shows a widget column has been painted (a task queued from
 * its animation frame callback runs after the paint), while the frame intersects the viewport (a
 * hidden frame does not). The product carries no marks of its own: in the panel frame this script
 * marks `panel:scripts` when the panel's module script has run (its load event), `panel:subscribe`
 * when it first connects to the background, and `panel:model` when the first message arrives on
 * that port.
 */
function benchMarks(/** @type {{ host: string }} */ arg) {
  const w = /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window));
  const stamp = () => performance.timeOrigin + performance.now();
  /** @param {() => void} then runs once the next frame is painted */
  const afterPaint = (then) => requestAnimationFrame(() => setTimeout(then, 0));
  if (location.protocol === 'chrome-extension:' && location.pathname.endsWith('/panel.html')) {
    /** @type {number[]} */
    const paints = [];
    w.__benchPaints = paints;
    let visible = true;
    let stamped = false;
    /** @type {IntersectionObserver | undefined} */
    let io;
    const check = () => {
      if (!io && document.documentElement) {
        io = new IntersectionObserver((entries) => {
          visible = entries.some((e) => e.isIntersecting);
          if (!visible) stamped = false;
          check();
        });
        io.observe(document.documentElement);
      }
      if (!visible || stamped || !document.querySelector('th[data-widget]')) return;
      stamped = true;
      afterPaint(() => paints.push(stamp()));
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
    const markOnce = (/** @type {string} */ name) => { if (performance.getEntriesByName(name).length === 0) performance.mark(name); };
    document.addEventListener('load', (event) => { if (event.target instanceof HTMLScriptElement) markOnce('panel:scripts'); }, true);
    const runtime = /** @type {{ connect: (...args: unknown[]) => { onMessage: { addListener: (f: (...a: unknown[]) => unknown) => void } } }} */ (chrome.runtime);
    const connect = runtime.connect.bind(runtime);
    runtime.connect = (...args) => {
      markOnce('panel:subscribe');
      const port = connect(...args);
      port.onMessage.addListener(() => markOnce('panel:model'));
      return port;
    };
  } else if (location.protocol === 'chrome-extension:') {
    const observer = new MutationObserver(() => {
      if (w.__benchPaintSinceNav || !(document.body?.textContent ?? '').includes(arg.host)) return;
      observer.disconnect();
      afterPaint(() => { w.__benchPaintSinceNav = performance.now(); });
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  } else {
    document.addEventListener('click', () => { w.__benchClickAt = stamp(); }, true);
  }
}

/**
 * Opens the panel with the launcher and times it from the click to the inventory painted; closes
 * it again (the frame stays, hidden). Where the frame was new, the time is broken down by the
 * panel's marks. Playwright's click presses and releases the button at once; `pressMs` holds it
 * down that long first, as a person's click does (the panel starts loading on the press).
 * @param {import('playwright-core').Page} page
 * @param {{ apiHits(host: string): Array<{ path: string }> }} amocrm
 * @param {string} host
 * @param {number} [pressMs]
 */
async function openPanelTimed(page, amocrm, host, pressMs = 0) {
  const before = amocrm.apiHits(host).length;
  const frameElement = page.locator('iframe[src*="panel.html"]');
  const kept = (await frameElement.count()) > 0;
  const paintsBefore = kept ? await frameElement.contentFrame().locator(':root').evaluate(() => /** @type {number[]} */ (/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window)).__benchPaints).length) : 0;
  const launcher = page.getByRole('button', { name: LAUNCHER });
  if (pressMs > 0) {
    await launcher.hover();
    await page.mouse.down();
    await page.waitForTimeout(pressMs);
    await page.mouse.up();
  } else {
    await launcher.click();
  }
  await frameElement.waitFor();
  const frame = await (await frameElement.elementHandle())?.contentFrame();
  if (!frame) throw new Error('The panel frame did not attach.');
  await frame.waitForFunction((n) => (/** @type {number[] | undefined} */ (/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window)).__benchPaints)?.length ?? 0) > n, paintsBefore, { timeout: 30_000 });
  const paintAt = /** @type {number} */ (await frame.evaluate((n) => /** @type {number[]} */ (/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window)).__benchPaints)[n], paintsBefore));
  const clickAt = /** @type {number} */ (await page.evaluate(() => /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window)).__benchClickAt));
  const inFrame = await frame.evaluate(() => {
    const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
    const mark = (/** @type {string} */ name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    return { timeOrigin: performance.timeOrigin, dcl: nav?.domContentLoadedEventEnd ?? NaN, scripts: mark('panel:scripts'), subscribe: mark('panel:subscribe'), model: mark('panel:model') };
  });
  await page.waitForTimeout(500);
  const calls = amocrm.apiHits(host).length - before;
  await frame.getByRole('button', { name: /Закрыть|Close/ }).first().click();
  await frameElement.waitFor({ state: 'hidden' });
  // A new frame: until it starts loading, until its scripts have run, until the inventory is painted.
  const frameStart = inFrame.timeOrigin - clickAt;
  const nan = kept ? NaN : 0;
  return {
    ms: paintAt - clickAt,
    calls,
    kept,
    frameStartMs: frameStart + nan,
    frameReadyMs: frameStart + inFrame.dcl + nan,
    scriptsMs: frameStart + inFrame.scripts + nan,
    subscribeMs: frameStart + inFrame.subscribe + nan,
    modelMs: frameStart + inFrame.model + nan,
  };
}

/**
 * @param {{ executablePath: string, seedFile: string, firstSeededHost: string, loads?: number, partLoads?: number, partsBuild?: string | null, log?: (line: string) => void, only?: string[] | null }} opts
 *   `only`: measure just these parts ('pageload', 'parts', 'panel', 'lists') — for working on one figure.
 *   `partsBuild`: the bench's own build (INGROUP_BENCH_PARTS=1) whose content scripts leave parts out on request.
 */
export async function measureBrowser({ executablePath, seedFile, firstSeededHost, loads = 30, partLoads = 20, partsBuild = null, log = console.log, only = null }) {
  /** @param {'pageload' | 'parts' | 'panel' | 'lists'} part */
  const wanted = (part) => only === null || only.includes(part);
  const stack = await startStack();
  // A private copy of the build: a rebuild during the run must not change what is measured.
  const extensionDir = mkdtempSync(join(tmpdir(), 'ingroup-bench-build-'));
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  // The floor under the popup and options figures: an extension page of this build whose one
  // module script writes the account's host, and nothing else (in the private copy only).
  writeFileSync(join(extensionDir, 'bench-floor.html'), '<!doctype html><html><head><meta charset="utf-8"><title>floor</title><script type="module" src="/bench-floor.js"></script></head><body></body></html>\n');
  writeFileSync(join(extensionDir, 'bench-floor.js'), "document.body.append(Object.assign(document.createElement('p'), { textContent: new URLSearchParams(location.search).get('host') }));\n");
  const withArgs = chromiumArgs(stack, extensionDir);
  const withoutArgs = withArgs.filter((a) => !a.startsWith('--load-extension') && !a.startsWith('--disable-extensions-except'));
  const emptyDir = emptyExtension();
  const withExt = await launch(executablePath, withArgs);
  const without = await launch(executablePath, withoutArgs);
  const empty = await launch(executablePath, chromiumArgs(stack, emptyDir));
  try {
    const worker = withExt.context.serviceWorkers()[0] ?? (await withExt.context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    // A fresh profile is an install: the extension opens its first-run page. Closed before
    // measuring, so no tab of the extension's own is open beside (or in front of) the measured ones.
    const firstRun = (/** @type {import('playwright-core').Page} */ p) => p.url().endsWith('/welcome.html');
    for (let waited = 0; waited < 15_000 && !withExt.context.pages().some(firstRun); waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.all(withExt.context.pages().filter(firstRun).map((p) => p.close()));

    // 1. Added main-thread time: alternate the two profiles, two warm-up loads each.
    if (!wanted('pageload')) loads = -2;
    else log(`page loads: ${loads} with and ${loads} without the extension…`);
    const pageUrl = 'https://demo-bench.amocrm.ru/leads';
    /** @type {{ with: Awaited<ReturnType<typeof loadOnce>>[], without: Awaited<ReturnType<typeof loadOnce>>[], empty: Awaited<ReturnType<typeof loadOnce>>[] }} */
    const runs = { with: [], without: [], empty: [] };
    for (let i = 0; i < loads + 2; i++) {
      const a = await loadOnce(withExt.context, pageUrl);
      const b = await loadOnce(without.context, pageUrl);
      const c = await loadOnce(empty.context, pageUrl);
      if (a.launcher !== 1 || b.launcher !== 0) throw new Error(`Expected the launcher only with the extension (got ${a.launcher} and ${b.launcher}).`);
      if (i >= 2) {
        runs.with.push(a);
        runs.without.push(b);
        runs.empty.push(c);
      }
    }
    const pageLoad = {
      loads,
      withTaskMs: median(runs.with.map((r) => r.taskMs)),
      withoutTaskMs: median(runs.without.map((r) => r.taskMs)),
      withScriptMs: median(runs.with.map((r) => r.scriptMs)),
      withoutScriptMs: median(runs.without.map((r) => r.scriptMs)),
      emptyTaskMs: median(runs.empty.map((r) => r.taskMs)),
      emptyScriptMs: median(runs.empty.map((r) => r.scriptMs)),
      addedTaskMs: 0,
      addedScriptMs: 0,
      /** The spread, for reading the figure: quartiles of the loads' paired differences (with − without, same round). */
      pairedQuartilesMs: quartiles(runs.with.map((r, i) => r.taskMs - (runs.without[i]?.taskMs ?? NaN))),
      /** This extension's own share, load by load: with − an empty content script, same round. */
      ownQuartilesMs: quartiles(runs.with.map((r, i) => r.taskMs - (runs.empty[i]?.taskMs ?? NaN))),
      /** The floor under any content script: an empty one − none, load by load, same round. */
      floorQuartilesMs: quartiles(runs.empty.map((r, i) => r.taskMs - (runs.without[i]?.taskMs ?? NaN))),
      /** @type {Record<string, { quartilesMs: [number, number, number], runs: number[] }> | null} */
      parts: null,
    };
    pageLoad.addedTaskMs = pageLoad.withTaskMs - pageLoad.withoutTaskMs;
    pageLoad.addedScriptMs = pageLoad.withScriptMs - pageLoad.withoutScriptMs;
    await without.close();
    await empty.close();
    rmSync(emptyDir, { recursive: true, force: true });

    // 1b. Each part of the content scripts: the bench's build loaded whole and with one part left
    // out, in turn in the same round (the order rotating), the cost of a part being the load-by-load
    // difference (whole − without it).
    /** @type {Record<string, { quartilesMs: [number, number, number], runs: number[] }> | null} */
    let parts = null;
    if (wanted('parts') && partsBuild) {
      log(`page loads: ${partLoads} rounds of the bench's build whole and without each of ${PARTS.join(', ')}…`);
      const partsDir = mkdtempSync(join(tmpdir(), 'ingroup-bench-parts-'));
      cpSync(partsBuild, partsDir, { recursive: true });
      const partsExt = await launch(executablePath, chromiumArgs(stack, partsDir));
      try {
        const variants = ['', ...PARTS];
        /** @type {Record<string, number[]>} */
        const diffs = Object.fromEntries(PARTS.map((part) => [part, []]));
        for (let i = 0; i < partLoads + 2; i++) {
          /** @type {Record<string, number>} */
          const task = {};
          for (let k = 0; k < variants.length; k++) {
            const variant = variants[(i + k) % variants.length] ?? '';
            task[variant] = (await loadOnce(partsExt.context, variant ? `${pageUrl}?bench-skip=${variant}` : pageUrl)).taskMs;
          }
          if (i >= 2) for (const part of PARTS) diffs[part]?.push((task[''] ?? NaN) - (task[part] ?? NaN));
        }
        parts = Object.fromEntries(PARTS.map((part) => [part, { quartilesMs: quartiles(diffs[part] ?? []), runs: diffs[part] ?? [] }]));
      } finally {
        await partsExt.close();
        rmSync(partsDir, { recursive: true, force: true });
      }
    }

    // 2. API calls before opening the panel, then the panel cold and warm.
    await withExt.context.addInitScript(benchMarks, { host: firstSeededHost });
    log('amoCRM calls before the panel, and the panel cold and warm…');
    const reloads = wanted('panel') ? 5 : 0;
    /** @typedef {Awaited<ReturnType<typeof openPanelTimed>>} Open */
    /** @type {Array<{ host: string, widgetPages: number, widgetReads: number, other: number, cold: Open, reopen: Open[], firstAfterLoad: Open[], pressedFirst: Open[] }>} */
    const accounts = [];
    /** @param {import('playwright-core').Page | undefined} page @param {string} host */
    const reload = async (page, host) => {
      await page?.close();
      const next = await withExt.context.newPage();
      await next.goto(`https://${host}/leads`);
      await next.getByRole('button', { name: /\(3\)/ }).waitFor();
      return next;
    };
    for (const host of reloads ? ['big-bench-1.amocrm.ru', 'big-bench-2.amocrm.ru', 'big-bench-3.amocrm.ru'] : []) {
      let page;
      for (let i = 0; i < reloads; i++) page = await reload(page, host);
      if (!page) throw new Error('no page');
      await page.waitForTimeout(300);
      const hits = stack.amocrm.apiHits(host);
      const widgetHits = hits.filter((h) => h.path.startsWith('/api/v4/widgets'));
      const before = { widgetPages: widgetHits.length, widgetReads: widgetHits.filter((h) => /[?&]page=1(&|$)/.test(h.path)).length, other: hits.length - widgetHits.length };
      const cold = await openPanelTimed(page, stack.amocrm, host);
      // Warm: reopened on the same page (the kept frame), and opened first on a freshly loaded page.
      const reopen = [];
      for (let i = 0; i < 5; i++) reopen.push(await openPanelTimed(page, stack.amocrm, host));
      const firstAfterLoad = [];
      const pressedFirst = [];
      for (let i = 0; i < 3; i++) {
        page = await reload(page, host);
        await page.waitForTimeout(300);
        firstAfterLoad.push(await openPanelTimed(page, stack.amocrm, host));
        page = await reload(page, host);
        await page.waitForTimeout(300);
        pressedFirst.push(await openPanelTimed(page, stack.amocrm, host, PRESS_MS));
      }
      if (cold.kept || reopen.some((o) => !o.kept) || [...firstAfterLoad, ...pressedFirst].some((o) => o.kept)) throw new Error('The panel frame was not kept between opens, or survived a page load.');
      accounts.push({ host, ...before, cold, reopen, firstAfterLoad, pressedFirst });
      await page.close();
    }
    const all = (/** @type {(a: (typeof accounts)[number]) => Open[]} */ pick, /** @type {keyof Open} */ key) => median(accounts.flatMap((a) => pick(a).map((o) => Number(o[key]))));
    const first = (/** @type {(typeof accounts)[number]} */ a) => a.firstAfterLoad;
    const panel = {
      reloadsBeforeOpen: reloads,
      maxWidgetReadsBeforeOpen: Math.max(...accounts.map((a) => a.widgetReads)),
      maxOtherCallsBeforeOpen: Math.max(...accounts.map((a) => a.other)),
      widgetPagesPerRead: accounts[0] ? accounts[0].widgetPages / Math.max(1, accounts[0].widgetReads) : NaN,
      coldMs: median(accounts.map((a) => a.cold.ms)),
      maxColdCalls: Math.max(...accounts.map((a) => a.cold.calls)),
      reopenMs: all((a) => a.reopen, 'ms'),
      firstAfterLoadMs: all(first, 'ms'),
      pressMs: PRESS_MS,
      pressedFirstMs: all((a) => a.pressedFirst, 'ms'),
      firstFrameStartMs: all(first, 'frameStartMs'),
      firstFrameReadyMs: all(first, 'frameReadyMs'),
      firstScriptsMs: all(first, 'scriptsMs'),
      firstSubscribeMs: all(first, 'subscribeMs'),
      firstModelMs: all(first, 'modelMs'),
      maxWarmCalls: Math.max(...accounts.flatMap((a) => [...a.reopen, ...a.firstAfterLoad].map((w) => w.calls))),
      accounts,
    };

    // 3. Popup and options with an agency's data, seeded into the extension's own IndexedDB.
    log('popup and options with 200 accounts, 2,000 requests, 20,000 ledger events…');
    /** @param {'popup' | 'options' | 'bench-floor'} name */
    const openList = async (name) => {
      const page = await withExt.context.newPage();
      try {
        await page.goto(`chrome-extension://${extensionId}/${name}.html?host=${firstSeededHost}`, { timeout: 60_000 });
        await page.waitForFunction(() => /** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window)).__benchPaintSinceNav !== undefined, undefined, { timeout: 60_000 });
        return await page.evaluate(() => {
          const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
          return { ms: /** @type {number} */ (/** @type {Record<string, unknown>} */ (/** @type {unknown} */ (window)).__benchPaintSinceNav), dcl: nav?.domContentLoadedEventEnd ?? NaN };
        });
      } catch (error) {
        // Over a minute, or a crash: counted as not painted, and said so.
        return { ms: Infinity, dcl: NaN, error: String(error instanceof Error ? error.message.split('\n')[0] : error) };
      } finally {
        await page.close().catch(() => undefined);
      }
    };
    const seed = JSON.parse(readFileSync(seedFile, 'utf8'));
    const seeder = await withExt.context.newPage();
    await seeder.goto(`chrome-extension://${extensionId}/options.html`);
    await seeder.getByRole('heading', { level: 1 }).waitFor();
    await seeder.waitForTimeout(300);
    const counts = await seeder.evaluate(seedDatabase, seed);
    await seeder.close();
    /** @type {Record<'popup' | 'options' | 'bench-floor', Array<{ ms: number, dcl: number, error?: string }>>} */
    const lists = { popup: [], options: [], 'bench-floor': [] };
    for (let i = 0; i < (wanted('lists') ? 6 : 0); i++) {
      // The first open of each page also compiles its code: it counts like the others.
      for (const name of /** @type {const} */ (['popup', 'options', 'bench-floor'])) lists[name].push(await openList(name));
    }
    const agency = {
      seeded: counts,
      popupMs: median(lists.popup.map((r) => r.ms)),
      optionsMs: median(lists.options.map((r) => r.ms)),
      popupScriptsDoneMs: median(lists.popup.map((r) => r.dcl)),
      optionsScriptsDoneMs: median(lists.options.map((r) => r.dcl)),
      floorMs: median(lists['bench-floor'].map((r) => r.ms)),
      runs: lists,
    };
    pageLoad.parts = parts;
    return { pageLoad, pageLoadRuns: runs, panel, agency };
  } finally {
    await withExt.close().catch(() => undefined);
    await without.close().catch(() => undefined);
    await empty.close().catch(() => undefined);
    rmSync(emptyDir, { recursive: true, force: true });
    rmSync(extensionDir, { recursive: true, force: true });
    await stack.close();
  }
}

/**
 * Runs inside options.html: writes the seed straight into the extension's IndexedDB (the schema
 * of lib/store/db.ts, already created by the page's own Dexie), so no seeding route exists in the product.
 * The ledger's rows come with their `seq`, and `choices` holds the choice in force they leave (as
 * the product's ledger writes keep it, computed in node-figures.measure.ts): the popup reads that
 * table, so a seed without it would show every account with no choice and measure less work.
 * @param {{ accounts: object[], requests: object[], ledger: object[], choices: object[] }} seed
 */
export async function seedDatabase(seed) {
  /** @type {IDBDatabase} */
  const idb = await new Promise((resolve, reject) => {
    const open = indexedDB.open('ingroup-privacy');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const stores = /** @type {const} */ (['accounts', 'requests', 'ledger', 'choices']);
  for (const name of stores) {
    if (!idb.objectStoreNames.contains(name)) throw new Error(`The extension's database has no "${name}" table: lib/store/db.ts changed?`);
    if (!Array.isArray(seed[name]) || seed[name].length === 0) throw new Error(`The seed has no "${name}" rows: regenerate it (node-figures.measure.ts).`);
  }
  await new Promise((resolve, reject) => {
    const tx = idb.transaction([...stores], 'readwrite');
    for (const row of seed.accounts) tx.objectStore('accounts').put(row);
    for (const row of seed.requests) tx.objectStore('requests').put(row);
    for (const row of seed.ledger) tx.objectStore('ledger').add(row);
    for (const row of seed.choices) tx.objectStore('choices').put(row);
    tx.oncomplete = () => resolve(undefined);
    tx.onerror = () => reject(tx.error);
  });
  /** @param {string} name @returns {Promise<number>} */
  const count = (name) => new Promise((resolve) => {
    const req = idb.transaction(name).objectStore(name).count();
    req.onsuccess = () => resolve(req.result);
  });
  const result = { accounts: await count('accounts'), requests: await count('requests'), ledger: await count('ledger'), choices: await count('choices') };
  idb.close();
  return result;
}
