/**
 * The product's vocabulary, defined once (STYLE "One vocabulary"): which hosts are amoCRM accounts,
 * the deadline regimes and each account's regime, the consent purposes, states and methods, the
 * policy version's shape, the UI languages and the request types. Every other module imports these
 * from here; a copy elsewhere drifts (five copies of the host pattern once disagreed about `www.`).
 *
 * The content script imports the host and language helpers too, and must stay free of zod (DESIGN
 * §9: zod/mini alone would take half of its 10 KB). So the lists and functions come first as plain
 * data, and each schema is built from them with a `@__PURE__` mark, which lets the bundler drop the
 * schemas a bundle never uses: the built content script carries none of them (measured: 4.3 KB
 * gzipped with this module, of which zod's one-line global config is about 0.1 KB).
 */
import { z } from 'zod/mini';

// ── Account hosts (DESIGN §3) ─────────────────────────────────────────────────────────────────

/** The domains amoCRM accounts live under: Russia, the older international one, Kommo. */
export const ACCOUNT_DOMAINS = ['amocrm.ru', 'amocrm.com', 'kommo.com'] as const;
export type AccountDomain = (typeof ACCOUNT_DOMAINS)[number];

/**
 * One DNS label under one of the three domains, lowercase. Which labels are not accounts is said
 * below: `www.` is amoCRM's marketing site (and `www.kommo.com` Kommo's), never an account, so it
 * is refused everywhere — in the launcher, in every message and in every stored row.
 */
const ACCOUNT_HOST = /^([a-z0-9][a-z0-9-]{0,62})\.(amocrm\.ru|amocrm\.com|kommo\.com)$/;
/**
 * Sites and services under the account domains that are not accounts: the marketing and developer
 * sites, the login and status sites, chats (`amojo.`), `notifications.`, websockets (`ws.`).
 */
const NOT_ACCOUNTS: ReadonlySet<string> = new Set([
  'www',
  'developers',
  'id',
  'account',
  'auth',
  'status',
  'support',
  'amojo',
  'notifications',
  'ws',
]);
/** The regional API (`api-b.`) and file (`drive-g.`) hosts. */
const SERVICE_PREFIXES = /^(api|drive)-/;

export interface AccountHost {
  host: string;
  subdomain: string;
  domain: AccountDomain;
}

function isAccountDomain(domain: string): domain is AccountDomain {
  return (ACCOUNT_DOMAINS as readonly string[]).includes(domain);
}

/**
 * The account a hostname names, or null. The hostname is compared lowercased (as a browser reports
 * it); `host` is the canonical, lowercase form every stored row and message uses.
 */
export function parseAccountHost(hostname: string): AccountHost | null {
  const match = ACCOUNT_HOST.exec(hostname.toLowerCase());
  if (!match) return null;
  const [, subdomain, domain] = match;
  if (subdomain === undefined || domain === undefined || !isAccountDomain(domain)) return null;
  if (NOT_ACCOUNTS.has(subdomain) || SERVICE_PREFIXES.test(subdomain)) return null;
  return { host: `${subdomain}.${domain}`, subdomain, domain };
}

/** True for an account host written exactly as the extension keeps it (lowercase, no port, no dot at the end). */
export function isAccountHost(host: string): boolean {
  return parseAccountHost(host)?.host === host;
}

/** True for amoCRM's own domains and anything under them, accounts or not (`www.`, `api-b.`, the bare domain). */
export function isAmoCrmDomain(hostname: string): boolean {
  const name = hostname.toLowerCase();
  return ACCOUNT_DOMAINS.some((domain) => name === domain || name.endsWith(`.${domain}`));
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

/** An account host in a message, a request body or a stored row. */
export const AccountHostSchema = /* @__PURE__ */ z
  .string()
  .check(z.refine(isAccountHost, 'an amoCRM account host such as example.amocrm.ru'));

// ── UI languages ──────────────────────────────────────────────────────────────────────────────

export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const LangSchema = /* @__PURE__ */ z.enum(LANGS);

export function isLang(value: unknown): value is Lang {
  return value === 'ru' || value === 'en';
}

/** The language an account's domain suggests when nothing else says: Russian on amocrm.ru, English elsewhere. */
export function defaultLang(host: string): Lang {
  return host.toLowerCase().endsWith('.amocrm.ru') ? 'ru' : 'en';
}

// ── Deadline regimes (DESIGN §6) ──────────────────────────────────────────────────────────────

/** Which law's deadlines a request runs to: Russia's 152-FZ, or the GDPR. */
export const REGIMES = ['ru152', 'gdpr'] as const;
export type Regime = (typeof REGIMES)[number];
export const RegimeSchema = /* @__PURE__ */ z.enum(REGIMES);

/**
 * The regime in force for an account: the administrator's choice where there is one, else the
 * domain's default — amocrm.ru accounts 152-FZ, kommo.com and amocrm.com the GDPR (DESIGN §6).
 * The one place that default is applied.
 */
export function regimeOf(account: string | { host: string; regime?: Regime | undefined }): Regime {
  if (typeof account !== 'string' && account.regime) return account.regime;
  const host = typeof account === 'string' ? account : account.host;
  return host.toLowerCase().endsWith('.amocrm.ru') ? 'ru152' : 'gdpr';
}

// ── Consent (DESIGN §6) ───────────────────────────────────────────────────────────────────────

/** The purposes with a choice: promotional email, improvements (analytics), combining third-party data. */
export const CONSENT_PURPOSES = ['marketing', 'improvements', 'third_party_combination'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const ConsentPurpose = /* @__PURE__ */ z.enum(CONSENT_PURPOSES);

export const CONSENT_STATES = ['given', 'refused', 'withdrawn'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];
export const ConsentState = /* @__PURE__ */ z.enum(CONSENT_STATES);

/** How a choice reached the ledger. */
export const CONSENT_METHODS = ['popup', 'panel', 'import', 'request'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export const ConsentMethod = /* @__PURE__ */ z.enum(CONSENT_METHODS);

// ── The policy version (DESIGN §4) ────────────────────────────────────────────────────────────

/** A SHA-256 digest as 64 lowercase hex digits. */
export const Sha256Hex = /* @__PURE__ */ z
  .string()
  .check(z.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 as 64 lowercase hex digits'));

/** A version of Ingroup's policy: its effective date and the SHA-256 of its text. */
export const PolicyVersionSchema = /* @__PURE__ */ z.object({ effectiveDate: z.iso.date(), sha256: Sha256Hex });
export type PolicyVersion = z.infer<typeof PolicyVersionSchema>;

// ── Request types (DESIGN §6) ─────────────────────────────────────────────────────────────────

export const REQUEST_TYPES = [
  'access',
  'rectification',
  'erasure',
  'portability',
  'objection',
  'restriction',
  'withdraw_consent',
  'marketing_opt_out',
  'marketing_opt_in',
] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const RequestType = /* @__PURE__ */ z.enum(REQUEST_TYPES);
