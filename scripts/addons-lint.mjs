#!/usr/bin/env node
// @ts-check
/**
 * Store readiness for addons.mozilla.org: Mozilla's addons-linter on the Firefox build
 * (.output/firefox-mv3). Errors fail (exit 1); warnings and notices are printed for the reviewer's
 * eye but do not fail. Builds the Firefox package first when it is missing.
 *
 *   node scripts/addons-lint.mjs [dir]
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

/** @typedef {{ code: string, message: string, description?: string | string[], file?: string, line?: number }} Finding */
/** @typedef {{ errors: Finding[], warnings: Finding[], notices: Finding[] }} Report */
/** The package ships no types; this is the part of its documented Node API used here. */
const addonsLinter =
  /** @type {{ createInstance(opts: { config: Record<string, unknown>, runAsBinary: boolean }): { run(): Promise<Report> } }} */ (
    createRequire(import.meta.url)('addons-linter')
  );

const dir = resolve(process.argv[2] ?? '.output/firefox-mv3');
if (!existsSync(`${dir}/manifest.json`)) {
  console.log(`No Firefox build at ${dir}; building it…`);
  const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const linter = addonsLinter.createInstance({
  config: {
    _: [dir],
    logLevel: 'fatal',
    stack: false,
    pretty: false,
    warningsAsErrors: false,
    metadata: false,
    output: 'none',
    boring: true,
    selfHosted: false,
    privileged: false,
  },
  runAsBinary: false,
});

const report = await linter.run();

/** @param {string} label @param {Finding[]} list */
function print(label, list) {
  for (const f of list) {
    const where = f.file ? ` (${f.file}${f.line ? `:${f.line}` : ''})` : '';
    console.log(`  ${label} ${f.code}: ${f.message}${where}`);
  }
}
console.log(
  `addons-linter on ${dir}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`,
);
print('✖ error', report.errors);
print('⚠ warning', report.warnings);
print('ℹ notice', report.notices);
if (report.errors.length > 0) {
  console.error(
    'addons.mozilla.org would refuse this package: fix the errors above and run `npm run build:firefox` again.',
  );
  process.exit(1);
}
