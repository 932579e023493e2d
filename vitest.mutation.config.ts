/**
 * The unit suite as `npm run mutation` runs it (stryker.config.json): the tests of lib/ only.
 * The component tests render Preact in happy-dom at ~3 s a file on this machine, and a mutant in
 * the core that only they could catch would be a gap in the core's own tests.
 */
import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [...configDefaults.exclude, 'tests/unit/components/**', 'tests/unit/security/markup.test.tsx'],
    },
  }),
);
