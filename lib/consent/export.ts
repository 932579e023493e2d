/**
 * Ledger exports (DESIGN §6): the whole ledger as JSON with its hash chain, a Kantara Consent
 * Receipt v1.1 per event, and CSV.
 */
import {
  type ConsentMethod,
  type ConsentPurpose,
  type ConsentState,
  type Lang,
  type Regime,
  regimeOf,
} from '../vocabulary';
import type { LedgerEvent } from './event';
import { zonedTimestamp } from './event';
import { LEDGER_FILE_FORMAT, LEDGER_FILE_VERSION } from './file';

export interface LedgerFile {
  format: typeof LEDGER_FILE_FORMAT;
  version: typeof LEDGER_FILE_VERSION;
  exportedAt: string;
  events: Array<Omit<LedgerEvent, 'seq'>>;
}

/** The whole ledger, in chain order; `seq` is local to this browser and left out. */
export function ledgerFile(events: readonly LedgerEvent[], now: Date = new Date()): LedgerFile {
  return {
    format: LEDGER_FILE_FORMAT,
    version: LEDGER_FILE_VERSION,
    exportedAt: zonedTimestamp(now),
    events: events.map(({ seq: _seq, ...event }) => event),
  };
}

export function ledgerFileJson(events: readonly LedgerEvent[], now: Date = new Date()): string {
  return `${JSON.stringify(ledgerFile(events, now), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// Kantara Initiative Consent Receipt Specification v1.1.0
//
// Held to the Kantara Initiative's own JSON schema (vendored in tests/support/kantara, validated
// with ajv in tests/unit/consent/export.test.ts). Categories are written as the
// specification's example receipt writes them: "<number> - <name>" from its lists of purpose
// categories and of personal data categories (docs/exports.md says what is confirmed and what is
// inferred).

/** Written where the schema requires a value the policy does not give. */
export const NOT_IN_POLICY: Record<Lang, string> = {
  ru: 'не указан в политике Ingroup от 2022-01-20',
  en: "not stated in Ingroup's policy of 2022-01-20",
};

export interface KantaraController {
  piiController: string;
  onBehalf: boolean;
  contact: string;
  /** The schema requires an object; the policy gives no postal address (see NOT_IN_POLICY). */
  address: { streetAddress: string };
  email: string;
  /** The schema requires it; the policy gives no phone number. */
  phone: string;
}

/** Ingroup as the policy names it (§13: contact by email only; no address, no phone). */
export function kantaraController(language: Lang): KantaraController {
  return {
    piiController: 'Ingroup LLC',
    onBehalf: false,
    contact:
      language === 'ru'
        ? 'Ingroup LLC, support@ingru.ru (политика, §13)'
        : 'Ingroup LLC, support@ingru.ru (policy §13)',
    address: { streetAddress: NOT_IN_POLICY[language] },
    email: 'support@ingru.ru',
    phone: NOT_IN_POLICY[language],
  };
}

/**
 * `EXPLICIT` only for consent the administrator gave with a deliberate action; a refusal or a
 * withdrawal is not consent at all, and is written `N/A`, the value the specification's own
 * example uses for a purpose that does not rest on consent.
 */
export type KantaraConsentType = 'EXPLICIT' | 'N/A';

export interface KantaraPurpose {
  purpose: string;
  purposeCategory: string[];
  consentType: KantaraConsentType;
  piiCategory: string[];
  primaryPurpose: boolean;
  termination: string;
  thirdPartyDisclosure: boolean;
}

export interface KantaraReceipt {
  version: 'KI-CR-v1.1.0';
  jurisdiction: string;
  /** Seconds since the epoch. */
  consentTimestamp: number;
  collectionMethod: string;
  consentReceiptID: string;
  language: Lang;
  piiPrincipalId: string;
  piiControllers: KantaraController[];
  policyUrl: string;
  services: Array<{ service: string; purposes: KantaraPurpose[] }>;
  sensitive: false;
  spiCat: string[];
}

export interface ReceiptOptions {
  language: Lang;
  /** Where Ingroup publishes its policy (the catalog's `vendor.policyUrl`). */
  policyUrl: string;
  /** The account's regime; defaults to the domain's (amocrm.ru → RU, others → EU). */
  regime?: Regime;
}

type Words = Record<Lang, string>;

/** The specification's purpose categories used here (its list numbers them 1–16). */
export const KANTARA_PURPOSE_CATEGORY = {
  marketing: '6 - Marketing',
  improvePerformance: '16 - Improve Performance',
} as const;

/** The specification's personal data categories for what the policy says is collected (§1). */
export const KANTARA_PII_CATEGORIES = [
  // the administrator's name
  '1 - Biographical',
  // the administrator's email and phone
  '2 - Contact',
  // the account's id, subdomain and number of users
  '5 - Network/Service',
] as const;

const PURPOSES: Record<ConsentPurpose, { text: Words; category: string }> = {
  marketing: {
    text: { ru: 'Рекламные рассылки (политика, §3.3, §5.3)', en: 'Promotional communications (policy §3.3, §5.3)' },
    category: KANTARA_PURPOSE_CATEGORY.marketing,
  },
  improvements: {
    text: {
      ru: 'Улучшение сервиса и анализ использования (политика, §3.2)',
      en: 'Improving the service and usage analysis (policy §3.2)',
    },
    category: KANTARA_PURPOSE_CATEGORY.improvePerformance,
  },
  third_party_combination: {
    // The policy names partners and advertisers as these sources (§1) and gives no purpose of its
    // own for combining: the closest category of the specification's list is marketing.
    text: {
      ru: 'Объединение с данными третьих лиц (политика, §1)',
      en: 'Combining with data from third-party sources (policy §1)',
    },
    category: KANTARA_PURPOSE_CATEGORY.marketing,
  },
};

const STATES: Record<ConsentState, Words> = {
  given: { ru: 'согласие дано', en: 'consent given' },
  refused: { ru: 'в согласии отказано', en: 'consent refused' },
  withdrawn: { ru: 'согласие отозвано', en: 'consent withdrawn' },
};

const METHODS: Record<ConsentMethod, Words> = {
  popup: { ru: 'Расширение браузера, всплывающее окно', en: 'Browser extension popup' },
  panel: { ru: 'Расширение браузера, панель в amoCRM', en: 'Browser extension panel in amoCRM' },
  import: { ru: 'Импорт журнала согласий', en: 'Consent ledger import' },
  request: { ru: 'Запрос субъекта персональных данных', en: 'Data subject request' },
};

const TERMINATION: Record<ConsentState, Words> = {
  given: {
    ru: 'До отзыва в расширении или письмом на support@ingru.ru',
    en: 'Until withdrawn in the extension or by writing to support@ingru.ru',
  },
  refused: {
    ru: 'Не применимо: согласия нет, обработка для этой цели на основании согласия не разрешена',
    en: 'Not applicable: no consent; processing for this purpose on the basis of consent is not allowed',
  },
  withdrawn: {
    ru: 'Согласие прекращено отзывом в момент, указанный в квитанции',
    en: 'Consent ended by withdrawal at the time of this receipt',
  },
};

/** Whether a ledger state may be presented as consent: only `given`. */
export function kantaraConsentType(state: ConsentState): KantaraConsentType {
  return state === 'given' ? 'EXPLICIT' : 'N/A';
}

/** One receipt per ledger event; the event's state is stated in the purpose text and the consent type. */
export function kantaraReceipt(event: LedgerEvent, options: ReceiptOptions): KantaraReceipt {
  const { language } = options;
  const regime = regimeOf({ host: event.host, regime: options.regime });
  const purpose = PURPOSES[event.purpose];
  const method = event.importedFrom ? event.importedFrom.method : event.method;
  return {
    version: 'KI-CR-v1.1.0',
    jurisdiction: regime === 'ru152' ? 'RU' : 'EU',
    consentTimestamp: Math.floor(Date.parse(event.timestamp) / 1000),
    collectionMethod: METHODS[method][language],
    consentReceiptID: event.id,
    language,
    piiPrincipalId: event.adminUserId === null ? event.host : `${event.host}/users/${event.adminUserId}`,
    piiControllers: [kantaraController(language)],
    policyUrl: options.policyUrl,
    services: [
      {
        service: language === 'ru' ? 'Виджеты Ingroup для amoCRM' : 'Widgets by Ingroup for amoCRM',
        purposes: [
          {
            purpose: `${purpose.text[language]}: ${STATES[event.state][language]}`,
            purposeCategory: [purpose.category],
            consentType: kantaraConsentType(event.state),
            piiCategory: [...KANTARA_PII_CATEGORIES],
            primaryPurpose: false,
            termination: TERMINATION[event.state][language],
            thirdPartyDisclosure: false,
          },
        ],
      },
    ],
    sensitive: false,
    spiCat: [],
  };
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180), ready for Excel

/**
 * U+FEFF, the UTF-8 byte-order mark, first in every CSV file: without it Excel (on a Russian
 * Windows, Windows-1251) reads UTF-8 as its ANSI code page and Cyrillic turns to mojibake.
 * RFC 4180 parsers that know UTF-8 skip it (csv-parse's `bom: true`).
 */
export const CSV_BOM = '\uFEFF';

/** Rows, CRLF after each, behind the byte-order mark. */
export function csvFile(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>,
): string {
  return (
    CSV_BOM + [header.join(','), ...rows.map((row) => row.map(csvCell).join(','))].map((line) => `${line}\r\n`).join('')
  );
}

const CSV_COLUMNS = [
  'id',
  'timestamp',
  'host',
  'accountId',
  'adminUserId',
  'purpose',
  'state',
  'method',
  'policyEffectiveDate',
  'policySha256',
  'extensionVersion',
  'importedFromId',
  'prevHash',
  'hash',
] as const;

/**
 * One cell: a value a spreadsheet would run as a formula (starting with = + - @, tab or CR) gets a
 * leading apostrophe; a cell with a comma, quote or line break is quoted, its quotes doubled.
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function ledgerCsv(events: readonly LedgerEvent[]): string {
  return csvFile(
    CSV_COLUMNS,
    events.map((e) => [
      e.id,
      e.timestamp,
      e.host,
      e.account.id,
      e.adminUserId,
      e.purpose,
      e.state,
      e.method,
      e.policy.effectiveDate,
      e.policy.sha256,
      e.extensionVersion,
      e.importedFrom?.id,
      e.prevHash,
      e.hash,
    ]),
  );
}
