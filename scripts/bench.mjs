#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: measures every DESIGN §9 figure and prints it beside its budget; writes
 * artifacts/bench/result.json and docs/bench.md. Not part of `npm test` — budgets are measured,
 * not asserted in timed tests. Exits 0 when measuring worked, whatever the figures (say
 * BENCH_STRICT=1 to exit 1 when one is over budget).
 *
 *   npm run bench                  build (when sources changed), zip, measure
 *   BENCH_LOADS=60 npm run bench   more page loads for the main-thread figure (default 40)
 *   BENCH_ONLY=lists npm run bench just these browser parts (pageload, panel, lists, comma-separated),
 *                                  printed, not written to docs/bench.md — for working on one figure
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import { measureBrowser } from './bench/browser.mjs';
import { markdown, printTable, rows, withReadmeTable } from './bench/report.mjs';
import { measureSizes } from './bench/sizes.mjs';

const OUT = 'artifacts/bench';
const SOURCES = ['entrypoints', 'components', 'lib', 'public', 'wxt.config.ts', 'package.json'];
mkdirSync(OUT, { recursive: true });

/** @param {string} path @returns {number} newest modification time under path */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((t, name) => Math.max(t, newest(join(path, name))), stat.mtimeMs);
}

/** @param {string} cmd @param {string[]} args */
function run(cmd, args) {
  console.log(`\n▶ ${cmd} ${args.join(' ')}`);
  const res = spawnSync(cmd, args, { stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`✖ ${cmd} ${args.join(' ')} failed; nothing was measured.`);
    process.exit(res.status ?? 1);
  }
}

// 1. Build and zip both stores' packages when the sources are newer than the zips.
const zipsAt = existsSync('.output') ? readdirSync('.output').filter((f) => f.endsWith('.zip')).map((f) => statSync(join('.output', f)).mtimeMs) : [];
const built = existsSync('.output/chrome-mv3/manifest.json') && zipsAt.length >= 3 ? Math.min(...zipsAt) : 0;
if (Math.max(...SOURCES.map(newest)) > built) {
  run('npx', ['wxt', 'zip']);
  run('npx', ['wxt', 'zip', '-b', 'firefox']);
} else {
  console.log('The build and zips are newer than the sources: measuring them as they are.');
}
const sizes = measureSizes('.output');

// 2. Ledger, outbox and the agency seed, with the product's modules in Node.
const nodeOut = join(OUT, 'node.json');
const seedFile = join(OUT, 'seed.json');
run('npx', ['vitest', 'run', '-c', 'scripts/bench/vitest.config.ts', '--reporter=dot']);
const node = JSON.parse(readFileSync(nodeOut, 'utf8'));

// 3. The browser figures.
/** @type {string[]} */
const missing = [];
let browser = null;
let chromiumVersion = 'Chromium not found';
const chromium = ensureChromium();
if (chromium.ok) {
  chromiumVersion = execFileSync(chromium.path, ['--version'], { encoding: 'utf8' }).trim();
  console.log(`\n▶ ${chromiumVersion}, headless`);
  browser = await measureBrowser({
    executablePath: chromium.path,
    seedFile,
    firstSeededHost: node.seed.firstHost,
    loads: Number(process.env.BENCH_LOADS ?? 40),
    only: process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null,
    log: (line) => console.log(`  ${line}`),
  });
} else {
  missing.push(`the browser figures (${chromium.message})`);
}

// 4. Report.
const list = rows({ sizes, node, browser });
if (process.env.BENCH_ONLY) {
  // The widget reads before the panel are counted on the panel part's page loads, not the pageload part's.
  const parts = { pageload: /main-thread/, panel: /Panel open|when the panel opens|before the panel/, lists: /^Popup|^Options/ };
  const only = process.env.BENCH_ONLY.split(',');
  const skipped = Object.entries(parts).filter(([part]) => !only.includes(part)).map(([, re]) => re);
  const shown = list.filter((r) => !skipped.some((re) => re.test(r.figure)));
  printTable(shown);
  for (const r of shown) if (r.note) console.log(`  · ${r.figure}: ${r.note}`);
  console.log(`\nBENCH_ONLY=${process.env.BENCH_ONLY}: a partial run, nothing written.`);
  process.exit(0);
}
const env = { measuredAt: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC', chromium: chromiumVersion, node: process.versions.node, cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`, missing };
writeFileSync(join(OUT, 'result.json'), `${JSON.stringify({ env, rows: list, sizes, node, browser }, null, 2)}\n`);
writeFileSync('docs/bench.md', markdown(list, env));
writeFileSync('README.md', withReadmeTable(readFileSync('README.md', 'utf8'), list, env.measuredAt));
console.log('\nDESIGN §9 budgets:');
printTable(list);
const over = list.filter((r) => r.ok === false);
console.log(`\n${over.length ? `${over.length} over budget: ${over.map((r) => r.figure).join('; ')}` : 'Every figure is within its budget.'}`);
console.log(`Wrote ${join(OUT, 'result.json')}, docs/bench.md and the table in README.md.`);
process.exit(over.length && process.env.BENCH_STRICT ? 1 : 0);
