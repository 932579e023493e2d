/**
 * What `npm run bench` turns off to measure each part of the content scripts' cost to an amoCRM page
 * load (docs/bench.md): in its own build only (`INGROUP_BENCH_PARTS=1`, written to `.output-bench/`),
 * the page's address names the parts left out (`?bench-skip=seen,launcher`). Every other build
 * defines `__BENCH_PARTS__` false, and the checks are compiled away with it: a page cannot turn
 * anything off in the product.
 */
declare const __BENCH_PARTS__: boolean;

/**
 * - `all`: the isolated script stops before doing anything (what is left is loading it);
 * - `seen`: no `page/seen` message (the launcher goes up without a count);
 * - `launcher`: no launcher in amoCRM's menu;
 * - `evidence`: no evidence watch in the isolated script;
 * - `main`: the MAIN-world script stops before doing anything.
 */
export type BenchPart = 'all' | 'seen' | 'launcher' | 'evidence' | 'main';

/** True in the bench's build when the page's address leaves `part` out; false, at build time, everywhere else. */
export function benchSkips(win: Window, part: BenchPart): boolean {
  // `typeof` first: the unit tests run the sources without the build's definition.
  return (
    typeof __BENCH_PARTS__ !== 'undefined' &&
    __BENCH_PARTS__ &&
    (new URLSearchParams(win.location.search).get('bench-skip') ?? '').split(',').includes(part)
  );
}
