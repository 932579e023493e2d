import { defineConfig } from 'vitest/config';

// The end-to-end suite in Debian's Firefox ESR: one browser at a time on the machine (it needs port 443).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e-firefox/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    // A start waits for port 443 while another Firefox run on the machine holds it (tests/support/port-443.mjs).
    hookTimeout: 300_000,
  },
});
