// @ts-check
/**
 * Where Debian's Firefox ESR is (FIREFOX_PATH, or the package's binary), and the preferences that
 * run the built extension against the local stack — Firefox's stand-ins for Chromium's flags in
 * stack.mjs.
 */
import { existsSync } from 'node:fs';

export const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'];

/** @returns {string | null} */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return FIREFOX_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * @param {{ extensionId: string, uuid: string, locale?: string }} opts
 *   uuid: the `moz-extension://` host to give the extension, so tests know its pages' addresses.
 * @returns {Record<string, string | number | boolean>}
 */
export function firefoxPrefs({ extensionId, uuid, locale = 'ru-RU' }) {
  return {
    // No --host-resolver-rules in Firefox: every name resolves to loopback, where the stack's
    // port-443 listener routes amoCRM's domains and api.ingru.ru by name and refuses the rest.
    'network.dns.forceResolve': '127.0.0.1',
    'network.dns.disableIPv6': true,
    'network.proxy.type': 0,
    // The pages' language, as Chromium's `locale` sets it (navigator.languages).
    'intl.accept_languages': locale === 'ru-RU' ? 'ru-RU, ru' : `${locale}, en`,
    // Fixed here, kept through the restart scenarios (the temporary install is made again on
    // each start; its storage and address stay, as a permanent install's do).
    'extensions.webextensions.uuids': JSON.stringify({ [extensionId]: uuid }),
    'extensions.webextensions.keepUuidOnUninstall': true,
    'extensions.webextensions.keepStorageOnUninstall': true,
    // permissions.request() is answered yes without a doorhanger a headless run cannot click.
    'extensions.webextOptionalPermissionPrompts': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
  };
}
