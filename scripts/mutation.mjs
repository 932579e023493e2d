#!/usr/bin/env node
// @ts-check
/**
 * `npm run mutation`: StrykerJS over the core, one run per area, each against that area's own tests;
 * the areas' reports merged into reports/mutation/mutation.json, checked against the report's
 * published JSON schema, and scored (scripts/mutation-report.mjs).
 *
 * Why areas: a *static* mutant (module-level code: a pattern, a table, a zod schema) cannot be
 * traced to the tests that read it, so Stryker reruns every test file that imports its module.
 * Over the whole unit suite that is most of the suite for each of ~540 static mutants (81% of a
 * full run's time, Stryker's own estimate, over 2 hours on two cores). Against its area's tests a
 * static mutant reruns a handful of files. A module is held by the tests written for it; a mutant
 * only some other area's tests could catch is a gap in its own (docs/mutation.md).
 *
 *   npm run mutation                  # every area
 *   npm run mutation -- consent amocrm # some areas (their reports merged with nothing else)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Ajv } from 'ajv';
import schema from 'mutation-testing-report-schema/mutation-testing-report-schema.json' with { type: 'json' };

/**
 * What each area mutates and the test files that hold it. `tests` are globs for
 * vitest.mutation.config.ts (MUTATION_TESTS); the cross-cutting boundary tests (hostile input at
 * every parser) go with each area they parse for. `bare`: the area's tests need neither IndexedDB
 * nor the fake `browser`, so they run without the setup file (MUTATION_BARE), a tenth of a second
 * less per file and mutant.
 * @type {ReadonlyArray<{ name: string, mutate: string[], tests: string[], bare?: boolean }>}
 */
export const AREAS = [
  { name: 'deadlines', mutate: ['lib/deadlines/**/*.ts'], tests: ['tests/unit/deadlines/**/*.test.ts'], bare: true },
  {
    name: 'consent',
    mutate: ['lib/consent/chain.ts', 'lib/consent/verify.ts', 'lib/consent/ledger.ts', 'lib/consent/import.ts'],
    tests: [
      'tests/unit/consent/**/*.test.ts',
      'tests/unit/background/consent-handlers.test.ts',
      'tests/unit/store/db.test.ts',
      'tests/unit/security/boundaries.test.ts',
    ],
  },
  {
    name: 'requests',
    mutate: ['lib/requests/outbox/**/*.ts', 'lib/requests/endpoint.ts'],
    tests: [
      'tests/unit/requests/**/*.test.ts',
      'tests/unit/background/outbox-runner.test.ts',
      'tests/unit/background/request-handlers.test.ts',
      'tests/unit/security/boundaries.test.ts',
    ],
  },
  {
    name: 'amocrm',
    mutate: ['lib/amocrm/limiter.ts', 'lib/amocrm/client.ts'],
    tests: ['tests/unit/amocrm/**/*.test.ts', 'tests/unit/security/boundaries.test.ts'],
  },
  {
    name: 'protocol',
    mutate: ['lib/messages.ts', 'lib/message-replies.ts'],
    tests: [
      'tests/unit/messages*.test.ts',
      'tests/unit/security/messages.test.ts',
      'tests/unit/security/boundaries.test.ts',
      'tests/unit/send-to-tab.test.ts',
    ],
  },
  {
    name: 'store',
    mutate: ['lib/store/queries.ts'],
    tests: ['tests/unit/store/**/*.test.ts', 'tests/unit/background/**/*.test.ts', 'tests/unit/panel/**/*.test.ts'],
  },
];

const REPORT = 'reports/mutation/mutation.json';
const AREA_DIR = 'reports/mutation/areas';

/** @param {string} name */
const areaReport = (name) => join(AREA_DIR, `${name}.json`);

/** Runs Stryker over one area; returns its exit code. @param {(typeof AREAS)[number]} area */
function runArea(area) {
  const base = JSON.parse(readFileSync('stryker.config.json', 'utf8'));
  delete base.$schema;
  const config = {
    ...base,
    mutate: area.mutate,
    jsonReporter: { fileName: areaReport(area.name) },
    htmlReporter: { fileName: join(AREA_DIR, `${area.name}.html`) },
    tempDirName: `.tmp/stryker-${area.name}`,
  };
  mkdirSync('.tmp', { recursive: true });
  const configFile = `.tmp/stryker-${area.name}.config.json`;
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const result = spawnSync('npx', ['stryker', 'run', configFile], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_TESTS: JSON.stringify(area.tests), MUTATION_BARE: area.bare ? '1' : '' },
  });
  return result.status ?? 1;
}

/**
 * One report from the areas' reports: their files side by side (each file is mutated in one area
 * only), their test files likewise. @param {string[]} names
 */
export function mergeReports(names) {
  /** @type {any} */
  let merged = null;
  for (const name of names) {
    const report = JSON.parse(readFileSync(areaReport(name), 'utf8'));
    if (!merged) {
      merged = { ...report, files: {}, testFiles: {} };
    }
    for (const [path, file] of Object.entries(report.files)) {
      if (path in merged.files) throw new Error(`${path} is mutated in two areas.`);
      merged.files[path] = file;
    }
    Object.assign(merged.testFiles, report.testFiles ?? {});
  }
  return merged;
}

/** Checks a report against mutation-testing-report-schema (the format's own schema, not ours). @param {unknown} report */
export function validateReport(report) {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const validate = ajv.compile(schema);
  if (!validate(report))
    throw new Error(`The merged report does not match its schema: ${ajv.errorsText(validate.errors)}`);
}

function main() {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !AREAS.some((a) => a.name === name));
  if (unknown.length) {
    console.error(`Unknown area ${unknown.join(', ')}; the areas are ${AREAS.map((a) => a.name).join(', ')}.`);
    process.exit(2);
  }
  const areas = asked.length ? AREAS.filter((a) => asked.includes(a.name)) : AREAS;
  rmSync(AREA_DIR, { recursive: true, force: true });
  mkdirSync(AREA_DIR, { recursive: true });
  const started = performance.now();
  /** @type {string[]} */
  const timings = [];
  for (const area of areas) {
    console.log(`\n▶ mutation: ${area.name} (${area.mutate.join(', ')})`);
    const t0 = performance.now();
    const code = runArea(area);
    timings.push(`${area.name} ${((performance.now() - t0) / 60_000).toFixed(1)} min`);
    if (code !== 0) {
      console.error(`Stryker failed on ${area.name} (exit ${code}).`);
      process.exit(code);
    }
  }
  const report = mergeReports(areas.map((a) => a.name));
  validateReport(report);
  writeFileSync(REPORT, JSON.stringify(report));
  const minutes = (performance.now() - started) / 60_000;
  console.log(`\nMutation run: ${minutes.toFixed(1)} min (${timings.join(', ')}); ${REPORT} written and valid.\n`);
  const scored = spawnSync(process.execPath, ['scripts/mutation-report.mjs', REPORT], { stdio: 'inherit' });
  process.exit(scored.status ?? 1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
