/**
 * When the content scripts do their work (DESIGN §9): nothing that can wait runs while amoCRM's page
 * is loading. Each part waits for `load`, then for the browser's next idle period (at most
 * IDLE_TIMEOUT_MS more), so the page's own start-up goes first.
 */

/** An idle period is waited for at most this long after `load` (a page that is never idle still gets its launcher). */
export const IDLE_TIMEOUT_MS = 1_000;

/** Runs `run` in the browser's next idle period (at most IDLE_TIMEOUT_MS away; the next task where there are no idle callbacks). */
export function whenIdle(win: Window, run: () => void): void {
  if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
  else win.setTimeout(run, 0);
}

/** Runs `run` once, in the first idle period after the page's `load` (at once-ish where the browser has no idle callbacks). */
export function afterLoadIdle(win: Window, run: () => void, signal?: AbortSignal): void {
  const go = (): void => {
    if (!signal?.aborted) run();
  };
  const idle = (): void => whenIdle(win, go);
  if (win.document.readyState === 'complete') idle();
  else win.addEventListener('load', idle, { once: true, signal });
}
