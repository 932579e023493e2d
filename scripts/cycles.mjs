#!/usr/bin/env node
// @ts-check
/**
 * `npm run lint`'s import-cycle check: dpdm follows every import of the product code, type-only
 * ones included (no `--transform`), through the tsconfig's `@/` alias, and exits 1 on any cycle.
 * `node scripts/cycles.mjs <globs…>` checks other files (tests/unit/lint/cycles.test.ts does, on
 * a fixture with a cycle in it).
 */
import { spawnSync } from 'node:child_process';

const PRODUCT = ['entrypoints/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'];
const globs = process.argv.slice(2).length ? process.argv.slice(2) : PRODUCT;
const args = ['dpdm', '--no-tree', '--no-warning', '--no-progress', '--exit-code', 'circular:1', ...globs];
const res = spawnSync('npx', args, { stdio: 'inherit' });
if (res.status !== 0)
  console.error(
    '\n✖ Import cycle (type-only imports count too): move the shared piece into a module both can import, so imports run one way.',
  );
process.exit(res.status ?? 1);
