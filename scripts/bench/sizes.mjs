// @ts-check
/**
 * Sizes of the built extension (DESIGN §9): each file gzipped at level 9, as a store and a disk
 * cache would hold it. The panel page's JS is its module script plus every chunk it imports,
 * followed through the built files themselves.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** @param {string} file */
export function gzipSize(file) {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/**
 * Files reachable from `roots` through static imports, and the dynamic `import()` targets met on the way.
 * @param {string} outDir @param {string[]} roots @param {Set<string>} [known] files already counted
 */
function closure(outDir, roots, known = new Set()) {
  /** @type {Set<string>} */
  const seen = new Set();
  /** @type {Set<string>} */
  const dynamic = new Set();
  const queue = [...roots];
  while (queue.length) {
    const file = queue.shift();
    if (!file || seen.has(file) || known.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(outDir, file), 'utf8');
    const here = posix.dirname(file);
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'`]([^"'`]+\.js)["'`]/g))
      queue.push(posix.normalize(posix.join(here, m[1] ?? '')));
    for (const m of code.matchAll(/\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g))
      dynamic.add(posix.normalize(posix.join(here, m[1] ?? '')));
  }
  return { seen, dynamic };
}

/**
 * The JS a page loads: its module scripts and modulepreloads, and their static imports, transitively.
 * @param {string} outDir e.g. .output/chrome-mv3
 * @param {string} html e.g. panel.html
 * @returns {{ files: Array<{ file: string, bytes: number, gzip: number }>, later: Array<{ file: string, gzip: number }> }}
 *   `later`: what the page imports on demand (the composer when a right is chosen, the CSV and
 *   calendar writers on an export), with everything those chunks import in turn
 */
export function pageScripts(outDir, html) {
  const source = readFileSync(join(outDir, html), 'utf8');
  const roots = [
    ...source.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...source.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => posix.normalize((m[1] ?? '').replace(/^\//, '')));
  const first = closure(outDir, roots);
  /** @type {Set<string>} */
  const later = new Set();
  let pending = [...first.dynamic];
  while (pending.length) {
    const next = closure(outDir, pending, new Set([...first.seen, ...later]));
    for (const file of next.seen) later.add(file);
    pending = [...next.dynamic].filter((f) => !first.seen.has(f) && !later.has(f));
  }
  const size = (/** @type {string} */ file) => ({
    file,
    bytes: statSync(join(outDir, file)).size,
    gzip: gzipSize(join(outDir, file)),
  });
  return { files: [...first.seen].sort().map(size), later: [...later].sort().map(size) };
}

/** @param {string} outBase .output */
export function zips(outBase) {
  if (!existsSync(outBase)) return [];
  return readdirSync(outBase)
    .filter((f) => f.endsWith('.zip'))
    .sort()
    .map((f) => ({ file: f, bytes: statSync(join(outBase, f)).size }));
}

/**
 * @param {string} outBase .output
 * @returns {{ contentScriptGzip: number, panel: ReturnType<typeof pageScripts> & { gzip: number }, popupGzip: number, optionsGzip: number, zips: ReturnType<typeof zips> }}
 */
export function measureSizes(outBase) {
  const outDir = join(outBase, 'chrome-mv3');
  const panel = pageScripts(outDir, 'panel.html');
  const sum = (/** @type {{ gzip: number }[]} */ list) => list.reduce((n, f) => n + f.gzip, 0);
  return {
    contentScriptGzip: gzipSize(join(outDir, 'amocrm-launcher.js')),
    panel: { ...panel, gzip: sum(panel.files) },
    popupGzip: sum(pageScripts(outDir, 'popup.html').files),
    optionsGzip: sum(pageScripts(outDir, 'options.html').files),
    zips: zips(dirname(outDir)),
  };
}
