import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { buildManifest } from './lib/manifest';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    // Extension pages run in Chromium and Firefox, which both preload modules natively.
    build: { sourcemap: false, modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => buildManifest(browser),
  // The Firefox sources archive is for AMO review: no build or benchmark output in it.
  zip: { excludeSources: ['artifacts/**', 'docs/screenshots/**', '.tmp/**'] },
});
