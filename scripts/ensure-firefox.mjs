// @ts-check
/**
 * The Firefox end-to-end suite needs Debian's firefox-esr (and openssl for the test certificate).
 * Install them when missing and possible (root with apt-get); otherwise say exactly what to
 * install. No browser is ever downloaded from anywhere else.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findFirefox } from '../tests/support/firefox.mjs';

/** @returns {{ ok: true, path: string } | { ok: false, message: string }} */
export function ensureFirefox() {
  const hasOpenssl = spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
  const found = findFirefox();
  if (found && hasOpenssl) return { ok: true, path: found };
  if (process.env.FIREFOX_PATH && !found) {
    return { ok: false, message: `FIREFOX_PATH is set to ${process.env.FIREFOX_PATH}, but no browser is there.` };
  }
  const missing = [found ? null : 'firefox-esr', hasOpenssl ? null : 'openssl'].filter((p) => p !== null);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`\n▶ Installing Debian's ${missing.join(' and ')} (needed by the Firefox end-to-end tests)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install =
      update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
    const path = findFirefox();
    if (install && install.status === 0 && path) return { ok: true, path };
    return {
      ok: false,
      message: `apt-get could not install ${missing.join(' and ')}; install them by hand: sudo apt-get install ${missing.join(' ')}`,
    };
  }
  return {
    ok: false,
    message: `The Firefox end-to-end tests need ${missing.join(' and ')}. Install: sudo apt-get install ${missing.join(' ')} (or set FIREFOX_PATH to a Firefox 140+ binary), then run npm test again.`,
  };
}
