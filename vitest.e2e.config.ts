import { defineConfig } from 'vitest/config';

// The end-to-end suite: the built extension in Debian's Chromium, one browser at a time.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
