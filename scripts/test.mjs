#!/usr/bin/env node
// @ts-check
/**
 * `npm test`: everything a change must pass, in order — typecheck, lint, unit and component tests,
 * production builds, and the end-to-end suites in Debian's Chromium and Firefox ESR. Every suite is run even when
 * one fails, and the last line sums them all: `N passed, N failed`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureFirefox } from './ensure-firefox.mjs';

const TMP = '.tmp/test';
rmSync(TMP, { recursive: true, force: true });
mkdirSync(TMP, { recursive: true });

/** @type {Array<{ name: string, passed: number, failed: number, note?: string }>} */
const results = [];

/** @param {string} cmd @param {string[]} args */
function run(cmd, args) {
  console.log(`\n▶ ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' },
  });
  return res.status === 0;
}

/** A step that is one check: it passes or fails as a whole. @param {string} name @param {string} cmd @param {string[]} args */
function step(name, cmd, args) {
  const ok = run(cmd, args);
  results.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  return ok;
}

/** A vitest suite, counted test by test from its JSON report. @param {string} name @param {string[]} args */
function vitest(name, args) {
  const report = `${TMP}/${name}.json`;
  const ok = run('npx', [
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (!existsSync(report)) {
    results.push({ name, passed: 0, failed: 1, note: 'no report: the runner itself failed' });
    return;
  }
  /** @type {{ numPassedTests: number, numFailedTests: number, numTotalTests: number, numPendingTests?: number, numTodoTests?: number }} */
  const json = JSON.parse(readFileSync(report, 'utf8'));
  // A suite that errors before its tests run counts as a failure even with zero failed tests.
  const extra = !ok && json.numFailedTests === 0 ? 1 : 0;
  const skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
  results.push({
    name,
    passed: json.numPassedTests,
    failed: json.numFailedTests + extra + skipped,
    ...(skipped ? { note: `${skipped} skipped/todo counted as failed` } : {}),
  });
  if (json.numTotalTests === 0) results.push({ name: `${name} (ran no test)`, passed: 0, failed: 1 });
}

step('typecheck', 'npx', ['tsc', '--noEmit']);
step('lint', 'npm', ['run', '--silent', 'lint']); // eslint, the import-cycle check (scripts/cycles.mjs), then the formatter's check (prettier)
vitest('unit', []);
const built = step('build chrome', 'npx', ['wxt', 'build']);
const builtFirefox = step('build firefox', 'npx', ['wxt', 'build', '-b', 'firefox']);
if (existsSync('scripts/addons-lint.mjs')) step('addons-linter', 'node', ['scripts/addons-lint.mjs']);

const chromium = ensureChromium();
if (!built) {
  results.push({ name: 'e2e', passed: 0, failed: 1, note: 'skipped: the Chrome build failed' });
} else if (!chromium.ok) {
  console.error(`\n✖ ${chromium.message}`);
  results.push({ name: 'e2e', passed: 0, failed: 1, note: chromium.message });
} else {
  vitest('e2e', ['-c', 'vitest.e2e.config.ts']);
}

const firefox = ensureFirefox();
if (!builtFirefox) {
  results.push({ name: 'e2e-firefox', passed: 0, failed: 1, note: 'skipped: the Firefox build failed' });
} else if (!firefox.ok) {
  console.error(`\n✖ ${firefox.message}`);
  results.push({ name: 'e2e-firefox', passed: 0, failed: 1, note: firefox.message });
} else {
  vitest('e2e-firefox', ['-c', 'vitest.firefox.config.ts']);
}

console.log('\nSuites:');
for (const r of results)
  console.log(
    `  ${r.failed ? '✖' : '✔'} ${r.name}: ${r.passed} passed, ${r.failed} failed${r.note ? ` (${r.note})` : ''}`,
  );
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
