#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: measures every DESIGN §9 figure and prints it beside its budget; writes
 * artifacts/bench/result.json and docs/bench.md. Not part of `npm test` — budgets are measured,
 * not asserted in timed tests. Its last line says, for each budget, within or over. Exits 0 when
 * measuring worked, whatever the figures; BENCH_STRICT=1 exits 1 when one is over budget.
 *
 *   npm run bench                        build (when sources changed), zip, measure
 *   BENCH_LOADS=60 npm run bench         more rounds for the main-thread figure (default 30)
 *   BENCH_PART_LOADS=30 npm run bench    more rounds for each part of the content scripts (default 20)
 *   BENCH_ONLY=pageload npm run bench    just these browser parts (pageload, parts, panel, lists,
 *                                        comma-separated), printed, not written to docs/bench.md
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { ensureChromium } from './ensure-chromium.mjs';
import { measureBrowser } from './bench/browser.mjs';
import { markdown, printTable, rows, withReadmeTable } from './bench/report.mjs';
import { measureSizes } from './bench/sizes.mjs';

const OUT = 'artifacts/bench';
const SOURCES = ['entrypoints', 'components', 'lib', 'public', 'wxt.config.ts', 'package.json'];
mkdirSync(OUT, { recursive: true });
// How busy the machine was: the figures of a busy machine are not a quiet one's (docs/bench.md says which).
const loadAtStart = loadavg()[0] ?? NaN;

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
const zipsAt = existsSync('.output')
  ? readdirSync('.output')
      .filter((f) => f.endsWith('.zip'))
      .map((f) => statSync(join('.output', f)).mtimeMs)
  : [];
const built = existsSync('.output/chrome-mv3/manifest.json') && zipsAt.length >= 3 ? Math.min(...zipsAt) : 0;
if (Math.max(...SOURCES.map(newest)) > built) {
  run('npx', ['wxt', 'zip']);
  run('npx', ['wxt', 'zip', '-b', 'firefox']);
} else {
  console.log('The build and zips are newer than the sources: measuring them as they are.');
}
const sizes = measureSizes('.output');
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;
// The bench's own build, whose content scripts leave parts out on request (lib/content/bench-parts.ts).
const partsBuild = '.output-bench/chrome-mv3';
if (only === null || only.includes('parts')) {
  console.log('\n▶ INGROUP_BENCH_PARTS=1 wxt build (into .output-bench/)');
  const res = spawnSync('npx', ['wxt', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, INGROUP_BENCH_PARTS: '1' },
  });
  if (res.status !== 0) {
    console.error("✖ The bench's parts build failed; nothing was measured.");
    process.exit(res.status ?? 1);
  }
}

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
    loads: Number(process.env.BENCH_LOADS ?? 30),
    partLoads: Number(process.env.BENCH_PART_LOADS ?? 20),
    partsBuild,
    only,
    log: (line) => console.log(`  ${line}`),
  });
} else {
  missing.push(`the browser figures (${chromium.message})`);
}

// 4. Report.
const list = rows({ sizes, node, browser });
/** The closing line: every budget, within or over; BENCH_STRICT=1 makes an over one fail the command. @param {import('./bench/report.mjs').Row[]} shown */
function close(shown) {
  const budgets = shown.filter((r) => r.ok !== null);
  const over = budgets.filter((r) => r.ok === false);
  console.log(
    `\n${over.length ? `✖ ${over.length} over budget: ${over.map((r) => `${r.figure} ${r.measured} (${r.budget})`).join('; ')}` : 'Every figure is within its budget.'}`,
  );
  console.log(
    `Budgets: ${budgets.map((r) => `${r.ok ? 'within' : 'OVER'} — ${r.figure.replace(/ \(.*$/, '')} ${r.measured} (${r.budget})`).join('; ')}`,
  );
  process.exit(over.length && process.env.BENCH_STRICT ? 1 : 0);
}
if (only) {
  // The widget reads before the panel are counted on the panel part's page loads, not the pageload part's.
  const parts = {
    pageload: /main-thread|own share/,
    parts: /^Page load, part/,
    panel: /Panel open|when the panel opens|before the panel/,
    lists: /^Popup|^Options/,
  };
  const skipped = Object.entries(parts)
    .filter(([part]) => !only.includes(part))
    .map(([, re]) => re);
  const shown = list.filter((r) => !skipped.some((re) => re.test(r.figure)));
  printTable(shown);
  for (const r of shown) if (r.note) console.log(`  · ${r.figure}: ${r.note}`);
  console.log(`\nBENCH_ONLY=${process.env.BENCH_ONLY}: a partial run, nothing written.`);
  close(shown);
}
const env = {
  measuredAt: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  chromium: chromiumVersion,
  node: process.versions.node,
  cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`,
  load: `load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? NaN).toFixed(1)} at the end`,
  missing,
};
writeFileSync(join(OUT, 'result.json'), `${JSON.stringify({ env, rows: list, sizes, node, browser }, null, 2)}\n`);
writeFileSync('docs/bench.md', markdown(list, env));
writeFileSync('README.md', withReadmeTable(readFileSync('README.md', 'utf8'), list, env.measuredAt, env.load));
console.log('\nDESIGN §9 budgets:');
printTable(list);
console.log(`\nWrote ${join(OUT, 'result.json')}, docs/bench.md and the table in README.md.`);
close(list);
