import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { buildManifest } from './lib/manifest';

/**
 * `npm run bench` builds a second copy with INGROUP_BENCH_PARTS=1, into `.output-bench/`, whose
 * content scripts can leave parts out to measure each (lib/content/bench-parts.ts). Every other
 * build compiles those checks away.
 */
const benchParts = process.env['INGROUP_BENCH_PARTS'] === '1';

// https://wxt.dev/api/config.html
export default defineConfig({
  ...(benchParts ? { outDir: '.output-bench' } : {}),
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    define: { __BENCH_PARTS__: JSON.stringify(benchParts) },
    // Extension pages run in Chromium and Firefox, which both preload modules natively.
    build: { sourcemap: false, modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => buildManifest(browser),
  // The Firefox sources archive is for AMO review: no build or benchmark output in it.
  zip: { excludeSources: ['artifacts/**', 'docs/screenshots/**', '.tmp/**'] },
});
