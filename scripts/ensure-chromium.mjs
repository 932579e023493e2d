// @ts-check
/**
 * The e2e suite, the demo and the benchmark need Debian's Chromium (and openssl for the test
 * certificate). Install them when missing and possible (root with apt-get); otherwise say exactly
 * what to install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from '../tests/support/chromium.mjs';

/** @returns {{ ok: true, path: string } | { ok: false, message: string }} */
export function ensureChromium() {
  const hasOpenssl = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
  const found = findChromium();
  if (found && hasOpenssl) return { ok: true, path: found };
  if (process.env.CHROME_PATH && !found) {
    return { ok: false, message: `CHROME_PATH is set to ${process.env.CHROME_PATH}, but no browser is there.` };
  }
  const missing = [found ? null : 'chromium', hasOpenssl ? null : 'openssl'].filter((p) => p !== null);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`\n▶ Installing Debian's ${missing.join(' and ')} (needed by the end-to-end tests)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install =
      update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
    const path = findChromium();
    if (install && install.status === 0 && path) return { ok: true, path };
    return {
      ok: false,
      message: `apt-get could not install ${missing.join(' and ')}; install them by hand: sudo apt-get install ${missing.join(' ')}`,
    };
  }
  return {
    ok: false,
    message: `The end-to-end tests need ${missing.join(' and ')}. Install: sudo apt-get install ${missing.join(' ')} (or set CHROME_PATH to a Chromium binary), then run npm test again.`,
  };
}
