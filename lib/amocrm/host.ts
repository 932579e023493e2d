/**
 * Which pages are an amoCRM account (DESIGN §3): `<sub>.amocrm.ru`, `<sub>.amocrm.com`,
 * `<sub>.kommo.com`, never the `www.` / `developers.` sites, amoCRM's service hosts (chats `amojo.`,
 * `notifications.`, websockets `ws.`, the regional `api-*.` and file `drive-*.` hosts) or the login page.
 */
const ACCOUNT_HOST = /^([a-z0-9][a-z0-9-]{0,62})\.(amocrm\.ru|amocrm\.com|kommo\.com)$/;
const NOT_ACCOUNTS = new Set(['www', 'developers', 'id', 'account', 'auth', 'status', 'support', 'amojo', 'notifications', 'ws']);
const SERVICE_PREFIXES = /^(api|drive)-/;

export type Regime = 'ru152' | 'gdpr';

export interface AccountHost {
  host: string;
  subdomain: string;
  domain: 'amocrm.ru' | 'amocrm.com' | 'kommo.com';
}

export function parseAccountHost(hostname: string): AccountHost | null {
  const match = ACCOUNT_HOST.exec(hostname.toLowerCase());
  if (!match) return null;
  const [, subdomain, domain] = match as unknown as [string, string, AccountHost['domain']];
  if (NOT_ACCOUNTS.has(subdomain) || SERVICE_PREFIXES.test(subdomain)) return null;
  return { host: `${subdomain}.${domain}`, subdomain, domain };
}

/** An amoCRM page the launcher belongs on: an account host, over HTTPS, not the login page. */
export function isAccountPage(url: URL): boolean {
  if (url.protocol !== 'https:' || url.port !== '') return false;
  if (!parseAccountHost(url.hostname)) return false;
  return !/^\/(login|oauth)(\/|$)/.test(url.pathname);
}

/** True for an `https://<account host>` origin — what content-script senders must come from. */
export function isAccountOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' && url.port === '' && parseAccountHost(url.hostname) !== null;
  } catch {
    return false;
  }
}

/** DESIGN §6: amocrm.ru accounts default to 152-FZ, kommo.com / amocrm.com to the GDPR. */
export function defaultRegime(host: string): Regime {
  return host.endsWith('.amocrm.ru') ? 'ru152' : 'gdpr';
}
