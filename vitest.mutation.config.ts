/**
 * The unit suite as `npm run mutation` runs it (stryker.config.json): the tests of lib/ in Node.
 *
 * Every mutant reruns the test files that cover it, so each file's start-up is paid hundreds of
 * times. Left out: the component tests (Preact in happy-dom, ~3 s a file on this machine) and the
 * content-script tests, which need a DOM; a mutant in the core that only they could catch would be
 * a gap in the core's own tests. The setup skips @testing-library (nothing is rendered here).
 *
 * `npm run mutation` (scripts/mutation.mjs) narrows the files to one area's tests through
 * MUTATION_TESTS, a JSON list of globs; MUTATION_BARE leaves the setup out for an area whose tests
 * need neither IndexedDB nor the fake `browser`.
 */
import { configDefaults, defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'node',
    include: process.env.MUTATION_TESTS
      ? (JSON.parse(process.env.MUTATION_TESTS) as string[])
      : ['tests/unit/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'tests/unit/components/**', 'tests/unit/content/**'],
    setupFiles: process.env.MUTATION_BARE ? [] : ['tests/support/setup-core.ts'],
    restoreMocks: true,
    // One module graph per run, not per file: a run's files share what they import (each run still
    // starts from fresh modules, so a static mutant is evaluated anew). Measured on the protocol
    // area, 3.3 → 1.8 minutes with every mutant's status the same (docs/mutation.md).
    isolate: false,
    testTimeout: 30_000,
  },
});
