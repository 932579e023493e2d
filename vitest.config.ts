import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/support/setup-unit.ts'],
    restoreMocks: true,
    // The 5 s default is missed by CPU-bound tests (the outbox drain, the ledger property tests)
    // when the shared 2-core machine runs several suites at once (load average 10-19 measured).
    testTimeout: 30_000,
  },
});
