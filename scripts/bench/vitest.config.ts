import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// The benchmark's Node figures (scripts/bench/node-figures.measure.ts): run by `npm run bench`
// with the product's own modules, never by `npm test`.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: ['scripts/bench/*.measure.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
