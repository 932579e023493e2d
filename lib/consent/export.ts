/**
 * Ledger exports (DESIGN §6): the whole ledger as JSON with its hash chain, a Kantara Consent
 * Receipt v1.1 per event, and CSV.
 */
import { defaultRegime, type Regime } from '../amocrm/host';
import type { ConsentMethod, ConsentPurpose, ConsentState, LedgerEvent } from './event';
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

export const CONTROLLER = {
  piiController: 'Ingroup LLC',
  onBehalf: false,
  contact: 'Ingroup LLC privacy contact',
  email: 'support@ingru.ru',
} as const;

export interface KantaraPurpose {
  purpose: string;
  purposeCategory: string[];
  consentType: 'EXPLICIT';
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
  language: 'ru' | 'en';
  piiPrincipalId: string;
  piiControllers: Array<{ piiController: string; onBehalf: boolean; contact: string; email: string }>;
  policyUrl: string;
  services: Array<{ service: string; purposes: KantaraPurpose[] }>;
  sensitive: false;
  spiCat: string[];
}

export interface ReceiptOptions {
  language: 'ru' | 'en';
  /** Where Ingroup publishes its policy (the catalog's `vendor.policyUrl`). */
  policyUrl: string;
  /** The account's regime; defaults to the domain's (amocrm.ru → RU, others → EU). */
  regime?: Regime;
}

type Words = Record<'ru' | 'en', string>;

const PURPOSES: Record<ConsentPurpose, { text: Words; category: string }> = {
  marketing: {
    text: { ru: 'Рекламные рассылки (политика, §3.3, §5.3)', en: 'Promotional communications (policy §3.3, §5.3)' },
    category: 'Marketing',
  },
  improvements: {
    text: { ru: 'Улучшение сервиса и анализ использования (политика, §3.2)', en: 'Improving the service and usage analysis (policy §3.2)' },
    category: 'Improve Performance',
  },
  third_party_combination: {
    // The policy names partners and advertisers as these sources (§1).
    text: { ru: 'Объединение с данными третьих лиц (политика, §1)', en: 'Combining with data from third-party sources (policy §1)' },
    category: 'Marketing',
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

const TERMINATION: Words = {
  ru: 'До отзыва в расширении или письмом на support@ingru.ru',
  en: 'Until withdrawn in the extension or by writing to support@ingru.ru',
};

/** One receipt per ledger event; the event's state is stated in the purpose text. */
export function kantaraReceipt(event: LedgerEvent, options: ReceiptOptions): KantaraReceipt {
  const { language } = options;
  const regime = options.regime ?? defaultRegime(event.host);
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
    piiControllers: [{ ...CONTROLLER }],
    policyUrl: options.policyUrl,
    services: [
      {
        service: language === 'ru' ? 'Виджеты Ingroup для amoCRM' : 'Widgets by Ingroup for amoCRM',
        purposes: [
          {
            purpose: `${purpose.text[language]}: ${STATES[event.state][language]}`,
            purposeCategory: [purpose.category],
            consentType: 'EXPLICIT',
            // Policy §1: the administrator's name, email and phone; the account's data.
            piiCategory: ['Biographical', 'Contact', 'Network/Service'],
            primaryPurpose: false,
            termination: TERMINATION[language],
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
// CSV (RFC 4180)

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
  const rows = events.map((e) =>
    [
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
    ]
      .map(csvCell)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].map((line) => `${line}\r\n`).join('');
}
