#!/usr/bin/env node
// @ts-check
/**
 * Reads Stryker's JSON report (reports/mutation/mutation.json, mutation-testing-report-schema) and
 * prints each mutated file's score against the floor the project holds it to, then every mutant
 * still alive with its place and replacement. Exits 1 when a file is below its floor.
 *
 * Score as Stryker counts it: (Killed + Timeout) / (Killed + Timeout + Survived + NoCoverage).
 * Ignored mutants (disable comments) and RuntimeError/CompileError ones are left out of it.
 *
 *   node scripts/mutation-report.mjs [report.json]
 */
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'reports/mutation/mutation.json';
/** @type {{ files: Record<string, { mutants: Array<{ id: string, mutatorName: string, replacement?: string, status: string, location: { start: { line: number, column: number } } }> }> }} */
const report = JSON.parse(readFileSync(file, 'utf8'));

/** The floors issue 20 sets: 95% for the deadlines, the outbox and the chain, 90% for the rest. */
const STRICT = [/^lib\/deadlines\//, /^lib\/requests\/outbox\//, /^lib\/consent\/(chain|verify)\.ts$/];
const floorOf = (/** @type {string} */ path) => (STRICT.some((re) => re.test(path)) ? 95 : 90);

let below = 0;
/** @type {Array<{ path: string, mutatorName: string, replacement?: string, status: string, location: { start: { line: number, column: number } } }>} */
const alive = [];
const rows = Object.entries(report.files)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([path, { mutants }]) => {
    const count = (/** @type {string[]} */ ...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
    const detected = count('Killed', 'Timeout');
    const undetected = count('Survived', 'NoCoverage');
    const score = detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
    const floor = floorOf(path);
    if (score < floor) below += 1;
    for (const m of mutants) if (m.status === 'Survived' || m.status === 'NoCoverage') alive.push({ path, ...m });
    return {
      path,
      score,
      floor,
      killed: count('Killed'),
      timeout: count('Timeout'),
      survived: count('Survived'),
      noCoverage: count('NoCoverage'),
      ignored: count('Ignored'),
      errors: count('RuntimeError', 'CompileError'),
    };
  });

const pad = (/** @type {string | number} */ v, /** @type {number} */ n) => String(v).padStart(n);
console.log(
  `${'file'.padEnd(34)} ${pad('score', 7)} ${pad('floor', 5)} ${pad('killed', 6)} ${pad('t/o', 4)} ${pad('surv', 5)} ${pad('nocov', 5)} ${pad('ignored', 7)} ${pad('errors', 6)}`,
);
for (const r of rows) {
  const mark = r.score < r.floor ? '  ✗ below floor' : '';
  console.log(
    `${r.path.padEnd(34)} ${pad(r.score.toFixed(1), 7)} ${pad(r.floor, 5)} ${pad(r.killed, 6)} ${pad(r.timeout, 4)} ${pad(r.survived, 5)} ${pad(r.noCoverage, 5)} ${pad(r.ignored, 7)} ${pad(r.errors, 6)}${mark}`,
  );
}
if (alive.length) {
  console.log('\nStill alive:');
  for (const m of alive)
    console.log(
      `  ${m.path}:${m.location.start.line}:${m.location.start.column} ${m.status} ${m.mutatorName} → ${JSON.stringify(m.replacement ?? '')}`,
    );
}
process.exit(below > 0 ? 1 : 0);
