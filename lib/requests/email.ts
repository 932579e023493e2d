/**
 * The email route (DESIGN §6): the policy's own channel, support@ingru.ru (§13). Used when the
 * endpoint refused a request or retries ran out, or when the admin prefers email: the request
 * written out in Russian or English, with the law it relies on and the request id, so Ingroup
 * can match it to the same request should it also arrive through the endpoint.
 *
 * `mailto:` follows RFC 6068: subject and body percent-encoded (encodeURIComponent), lines
 * broken with CRLF. Mail clients and browsers cut long mailto URLs (around 2,000 characters), so
 * the text is compacted, then the free-text details shortened, to stay under `MAILTO_MAX` — the
 * full text is always available from `emailText` to copy.
 */
import { deriveStatus, type RequestRecord } from './record';
import type { RequestBody, RequestType } from './types';

export const SUPPORT_EMAIL = 'support@ingru.ru';
export const MAILTO_MAX = 1800;

type Lang = 'ru' | 'en';
type Regime = RequestBody['regime'];

const WHAT: Record<Lang, Record<RequestType, string>> = {
  en: {
    access: 'access to my personal data: whether you process it, what data, for which purposes, from which sources, to whom it is disclosed and for how long it is kept',
    rectification: 'correction of my personal data as listed below',
    erasure: 'erasure of my personal data',
    portability: 'a copy of my personal data in a structured, commonly used, machine-readable format',
    objection: 'that you stop processing my personal data for analytics and product improvement and for combining it with data from third parties',
    restriction: 'restriction (blocking) of the processing of my personal data',
    withdraw_consent: 'withdrawal of my consent to the processing of my personal data, and that processing based on it stops',
    marketing_opt_out: 'that you stop sending me promotional messages and stop processing my data for marketing',
    marketing_opt_in: 'to receive promotional messages; this is my consent to it',
  },
  ru: {
    access: 'предоставить сведения об обработке моих персональных данных: обрабатываются ли они, какие данные, для каких целей, из каких источников, кому раскрываются и сколько хранятся',
    rectification: 'уточнить мои персональные данные, как указано ниже',
    erasure: 'уничтожить мои персональные данные',
    portability: 'предоставить копию моих персональных данных в структурированном, машиночитаемом формате',
    objection: 'прекратить обработку моих персональных данных для аналитики и улучшения продуктов и для объединения с данными третьих лиц',
    restriction: 'заблокировать (ограничить) обработку моих персональных данных',
    withdraw_consent: 'принять отзыв моего согласия на обработку персональных данных и прекратить обработку на его основании',
    marketing_opt_out: 'прекратить направлять мне рекламные сообщения и обрабатывать мои данные в целях продвижения',
    marketing_opt_in: 'направлять мне рекламные сообщения; настоящим даю согласие на их получение',
  },
};

const TITLE: Record<Lang, Record<RequestType, string>> = {
  en: {
    access: 'access',
    rectification: 'rectification',
    erasure: 'erasure',
    portability: 'data portability',
    objection: 'objection',
    restriction: 'restriction of processing',
    withdraw_consent: 'withdrawal of consent',
    marketing_opt_out: 'marketing opt-out',
    marketing_opt_in: 'marketing opt-in',
  },
  ru: {
    access: 'доступ к данным',
    rectification: 'уточнение данных',
    erasure: 'уничтожение данных',
    portability: 'копия данных',
    objection: 'возражение против обработки',
    restriction: 'блокирование обработки',
    withdraw_consent: 'отзыв согласия',
    marketing_opt_out: 'отказ от рекламы',
    marketing_opt_in: 'согласие на рекламу',
  },
};

/**
 * The law each request relies on (`{152}`, `{38}`: the statute, named in full or by number). 152-FZ: Art. 14 (the subject's rights), Art. 20 (the operator's
 * duties and 10 working days), Art. 21 (clarify, block, destroy), Art. 9(2) and 21(5) (withdrawal),
 * Art. 15(2) (stop direct marketing at once); 38-FZ Art. 18(1) (advertising). GDPR Arts. 15–21,
 * 7(3) (withdrawal) and 12(3) (one month).
 */
const BASIS: Record<Regime, Record<Lang, Record<RequestType, string>>> = {
  ru152: {
    ru: {
      access: 'ст. 14 и 20 {152}',
      rectification: 'ст. 14, 20 и 21 {152}',
      erasure: 'ст. 14, 20 и 21 {152}',
      portability: 'ст. 14 и 20 {152}',
      objection: 'ст. 14 и 21 {152}',
      restriction: 'ст. 14, 20 и 21 {152}',
      withdraw_consent: 'ч. 2 ст. 9 и ч. 5 ст. 21 {152}',
      marketing_opt_out: 'ч. 2 ст. 15 {152} и ч. 1 ст. 18 {38}',
      marketing_opt_in: 'ст. 9 {152} и ч. 1 ст. 18 {38}',
    },
    en: {
      access: 'Arts. 14 and 20 of {152}',
      rectification: 'Arts. 14, 20 and 21 of {152}',
      erasure: 'Arts. 14, 20 and 21 of {152}',
      portability: 'Arts. 14 and 20 of {152}',
      objection: 'Arts. 14 and 21 of {152}',
      restriction: 'Arts. 14, 20 and 21 of {152}',
      withdraw_consent: 'Art. 9(2) and Art. 21(5) of {152}',
      marketing_opt_out: 'Art. 15(2) of {152} and Art. 18(1) of {38}',
      marketing_opt_in: 'Art. 9 of {152} and Art. 18(1) of {38}',
    },
  },
  gdpr: {
    ru: {
      access: 'ст. 15 GDPR',
      rectification: 'ст. 16 GDPR',
      erasure: 'ст. 17 GDPR',
      portability: 'ст. 20 GDPR',
      objection: 'ч. 1 ст. 21 GDPR',
      restriction: 'ст. 18 GDPR',
      withdraw_consent: 'ч. 3 ст. 7 GDPR',
      marketing_opt_out: 'ч. 2 и 3 ст. 21 GDPR',
      marketing_opt_in: 'п. (a) ч. 1 ст. 6 и ст. 7 GDPR',
    },
    en: {
      access: 'GDPR Art. 15',
      rectification: 'GDPR Art. 16',
      erasure: 'GDPR Art. 17',
      portability: 'GDPR Art. 20',
      objection: 'GDPR Art. 21(1)',
      restriction: 'GDPR Art. 18',
      withdraw_consent: 'GDPR Art. 7(3)',
      marketing_opt_out: 'GDPR Art. 21(2) and (3)',
      marketing_opt_in: 'GDPR Arts. 6(1)(a) and 7',
    },
  },
};

/** A short name of the request type, e.g. "erasure" / "уничтожение данных". */
export function requestTitle(type: RequestType, lang: Lang): string {
  return TITLE[lang][type];
}

const LAWS: Record<Lang, Record<'152' | '38', { full: string; short: string }>> = {
  ru: {
    '152': { full: 'Федерального закона от 27.07.2006 № 152-ФЗ «О персональных данных»', short: '152-ФЗ' },
    '38': { full: 'Федерального закона от 13.03.2006 № 38-ФЗ «О рекламе»', short: '38-ФЗ' },
  },
  en: {
    '152': { full: 'Russian Federal Law No. 152-FZ of 27 July 2006 "On Personal Data"', short: '152-FZ' },
    '38': { full: 'Russian Federal Law No. 38-FZ of 13 March 2006 "On Advertising"', short: '38-FZ' },
  },
};

/** The law a request relies on, with the statutes named in full or by number. */
export function legalBasis(regime: Regime, type: RequestType, lang: Lang, form: 'full' | 'short' = 'full'): string {
  return BASIS[regime][lang][type].replace(/\{(152|38)\}/g, (_m, law: '152' | '38') => LAWS[lang][law][form]);
}

function deadline(regime: Regime, type: RequestType, lang: Lang): string {
  if (type === 'marketing_opt_out') {
    return lang === 'ru' ? 'немедленно, как требует закон' : 'immediately, as the law requires';
  }
  if (regime === 'ru152') {
    return lang === 'ru' ? 'в течение 10 рабочих дней (ст. 20 152-ФЗ)' : 'within 10 working days (152-FZ Art. 20)';
  }
  return lang === 'ru' ? 'в течение одного месяца (ч. 3 ст. 12 GDPR)' : 'within one month (GDPR Art. 12(3))';
}

interface Shape {
  compact: boolean;
  detailsMax: number;
  widgetsMax: number;
}

export interface EmailText {
  to: string;
  subject: string;
  /** Lines joined with CRLF. */
  body: string;
}

function compose(record: RequestRecord, lang: Lang, shape: Shape): EmailText {
  const b = record.body;
  const ru = lang === 'ru';
  const reference = deriveStatus(record).reference;
  const subject = ru
    ? `${shape.compact ? 'Запрос по ПДн' : 'Запрос субъекта персональных данных'}: ${TITLE.ru[b.type]} (${record.id})`
    : `Data subject request: ${TITLE.en[b.type]} (${record.id})`;
  const lines: string[] = [];
  if (!shape.compact) lines.push(ru ? 'Здравствуйте!' : 'Hello,', '');
  if (shape.compact) {
    lines.push(`${ru ? 'Прошу' : 'Request'}: ${TITLE[lang][b.type]} (${legalBasis(b.regime, b.type, lang, 'short')}).`, '');
  } else {
    const basis = legalBasis(b.regime, b.type, lang);
    lines.push(ru ? `На основании ${basis} прошу ${WHAT.ru[b.type]}.` : `Under ${basis}, I request ${WHAT.en[b.type]}.`, '');
  }
  lines.push(`${ru ? 'Номер запроса' : 'Request id'}: ${record.id}`);
  if (reference) lines.push(`${ru ? 'Номер в Ingroup' : 'Ingroup reference'}: ${reference}`);
  lines.push(`${ru ? 'Аккаунт amoCRM' : 'amoCRM account'}: ${b.account.host} (id ${b.account.id})`);
  const who = [b.requester.name, b.requester.email, b.requester.phone].filter(Boolean).join(', ');
  lines.push(`${ru ? 'Заявитель' : 'Requester'}: ${who}; ${ru ? 'пользователь amoCRM' : 'amoCRM user'} ${b.requester.userId}`);
  const shown = b.widgets.slice(0, shape.widgetsMax);
  const more = b.widgets.length - shown.length;
  const widgets = b.widgets.length
    ? shown.join(', ') + (more > 0 ? (ru ? ` и ещё ${more}` : ` and ${more} more`) : '')
    : ru
      ? 'все виджеты Ingroup в аккаунте'
      : 'all Ingroup widgets in the account';
  lines.push(`${ru ? 'Виджеты' : 'Widgets'}: ${widgets}`);
  if (b.corrections?.length) {
    lines.push(ru ? 'Исправить:' : 'Corrections:');
    for (const c of b.corrections) lines.push(`- ${c.field}: ${c.value}`);
  }
  if (b.details) {
    const cut = b.details.length > shape.detailsMax;
    const text = cut ? `${b.details.slice(0, shape.detailsMax).trimEnd()}… ${ru ? '[сокращено]' : '[shortened]'}` : b.details;
    if (shape.detailsMax > 0 || !cut) lines.push(`${ru ? 'Подробности' : 'Details'}: ${text}`);
  }
  if (!shape.compact) {
    lines.push(
      `${ru ? 'Политика' : 'Policy'}: ${ru ? 'политика конфиденциальности Ingroup от' : 'Ingroup privacy policy of'} ${b.policy.effectiveDate} (SHA-256 ${b.policy.sha256.slice(0, 16)}…)`,
    );
  }
  lines.push(`${ru ? 'Дата запроса' : 'Date of request'}: ${b.createdAt.slice(0, 10)}`, '');
  if (shape.compact) lines.push(`${ru ? 'Срок ответа' : 'Answer due'}: ${deadline(b.regime, b.type, lang)}`);
  else lines.push(ru ? `Прошу подтвердить получение и ответить ${deadline(b.regime, b.type, lang)}.` : `Please confirm receipt and answer ${deadline(b.regime, b.type, lang)}.`);
  if (!shape.compact) lines.push('', b.requester.name);
  // RFC 6068 §5: line breaks in the body are CRLF, including those typed into the details.
  return { to: SUPPORT_EMAIL, subject, body: lines.join('\n').replace(/\r\n|\r|\n/g, '\r\n') };
}

/** The email in full, for showing and copying. */
export function emailText(record: RequestRecord, lang: Lang): EmailText {
  return compose(record, lang, { compact: false, detailsMax: Infinity, widgetsMax: Infinity });
}

function toMailto(text: EmailText): string {
  return `mailto:${text.to}?subject=${encodeURIComponent(text.subject)}&body=${encodeURIComponent(text.body)}`;
}

/**
 * `mailto:support@ingru.ru?subject=…&body=…` with the request written out. Compacts, then
 * shortens details and the widget list, to keep the URL under `MAILTO_MAX` where possible; the
 * request id, type, account, requester and legal basis are always kept.
 */
export function mailtoFor(record: RequestRecord, lang: Lang): string {
  const full = toMailto(emailText(record, lang));
  if (full.length <= MAILTO_MAX) return full;
  const details = record.body.details?.length ?? 0;
  const build = (detailsMax: number, widgetsMax: number): string => toMailto(compose(record, lang, { compact: true, detailsMax, widgetsMax }));
  let best = full;
  for (const widgetsMax of [Infinity, 10, 3]) {
    best = build(details, widgetsMax);
    if (best.length <= MAILTO_MAX) return best;
    // The longest details that still fit: binary search over their length.
    let lo = 0;
    let hi = details;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (build(mid, widgetsMax).length <= MAILTO_MAX) lo = mid;
      else hi = mid - 1;
    }
    best = build(lo, widgetsMax);
    if (best.length <= MAILTO_MAX) return best;
  }
  return best;
}
