/**
 * The email route (DESIGN §6): the policy's own channel, support@ingru.ru (§13). Used when the
 * endpoint refused a request or retries ran out, or when the admin prefers email: the request
 * written out in Russian or English, with the law it relies on and the request id, so Ingroup
 * can match it to the same request should it also arrive through the endpoint.
 *
 * The letter is never shortened: it is there in full to copy and as a .eml file (./eml.ts).
 * `mailto:` follows RFC 6068: subject and body percent-encoded (encodeURIComponent), lines
 * broken with CRLF; it carries the whole letter only when it fits under `MAILTO_MAX`.
 */
import { ruleFor } from '../deadlines/rules';
import { cite } from '../deadlines/statutes';
import { ledgerHeadLine } from './ledger-line';
import { deriveStatus, type RequestRecord } from './record';
import { requestTitle, TITLE } from './titles';

export { requestTitle };
import type { RequestBody } from './types';
import type { Lang, RequestType } from '../vocabulary';

export const SUPPORT_EMAIL = 'support@ingru.ru';
export const MAILTO_MAX = 1800;

type Regime = RequestBody['regime'];

/** What is asked, after "I request" / "прошу"; per regime where the laws differ. */
const WHAT: Record<Regime, Record<Lang, Record<RequestType, string>>> = {
  ru152: {
    en: {
      access:
        'the information listed in Art. 14(7): whether you process my personal data, on what legal basis and for which purposes, by what means, which data and from which source, for how long they are processed and kept, to whom they are disclosed, and whether they are transferred abroad',
      rectification: 'that you correct my personal data as listed below, which are inaccurate or outdated',
      erasure: 'that you destroy my personal data',
      portability:
        'the information listed in Art. 14(7) and, where you can, a copy of my personal data in a structured, machine-readable format. 152-FZ knows no right to data portability: the copy is a request, the information a demand of the law',
      objection:
        'that you stop processing my personal data for analytics and product improvement (§3.2 of your policy) and for combining it with data from third parties (§1)',
      restriction:
        'that you block my personal data for the period of the check, and stop processing them if the processing is unlawful',
      withdraw_consent:
        'that you take note of the withdrawal of my consent to the processing of my personal data, stop the processing that rests on it, and destroy the data it is no longer needed for',
      marketing_opt_out:
        'that you stop processing my personal data to promote goods and services and stop sending me advertising',
      marketing_opt_in:
        'that you send me promotional messages about the Service; this letter is my consent to receiving them, which I may withdraw at any time',
    },
    ru: {
      access:
        'предоставить сведения, указанные в ч. 7 ст. 14: подтверждение факта обработки моих персональных данных, правовые основания и цели обработки, применяемые способы, обрабатываемые данные и источник их получения, сроки обработки и хранения, лиц, которым они раскрываются, и сведения о трансграничной передаче',
      rectification: 'уточнить мои персональные данные, которые являются неточными или неактуальными, как указано ниже',
      erasure: 'уничтожить мои персональные данные',
      portability:
        'предоставить сведения, указанные в ч. 7 ст. 14, и, если это возможно, копию моих персональных данных в структурированном машиночитаемом формате. Права на переносимость данных 152-ФЗ не предусматривает: копия — моя просьба, сведения — требование закона',
      objection:
        'прекратить обработку моих персональных данных в целях аналитики и улучшения продуктов (§3.2 вашей политики) и объединения с данными третьих лиц (§1)',
      restriction:
        'заблокировать мои персональные данные на период проверки и прекратить их обработку, если она неправомерна',
      withdraw_consent:
        'принять отзыв моего согласия на обработку персональных данных, прекратить обработку, основанную на нём, и уничтожить данные, сохранение которых для неё больше не требуется',
      marketing_opt_out:
        'прекратить обработку моих персональных данных в целях продвижения товаров и услуг и прекратить направлять мне рекламу',
      marketing_opt_in:
        'направлять мне рекламные сообщения о Сервисе; настоящим даю согласие на их получение, которое вправе отозвать в любой момент',
    },
  },
  gdpr: {
    en: {
      access:
        'access to my personal data: a copy of the data, and whether you process them, for which purposes, from which sources, to whom they are disclosed, whether they go to third countries and with what safeguards, and for how long they are kept',
      rectification: 'correction of my personal data as listed below',
      erasure: 'erasure of my personal data',
      portability: 'my personal data in a structured, commonly used and machine-readable format',
      objection:
        'that you stop processing my personal data for analytics and product improvement (§3.2 of your policy) and for combining it with data from third parties (§1)',
      restriction: 'restriction of the processing of my personal data',
      withdraw_consent:
        'that you take note of the withdrawal of my consent to the processing of my personal data, and stop the processing that rests on it',
      marketing_opt_out:
        'that you stop processing my personal data for direct marketing and stop sending me promotional messages',
      marketing_opt_in:
        'to receive promotional messages about the Service; this letter is my consent to them, which I may withdraw at any time',
    },
    ru: {
      access:
        'предоставить доступ к моим персональным данным: их копию и сведения о том, обрабатываются ли они, для каких целей, из каких источников, кому раскрываются, передаются ли в третьи страны и с какими гарантиями, сколько хранятся',
      rectification: 'исправить мои персональные данные, как указано ниже',
      erasure: 'удалить мои персональные данные',
      portability: 'предоставить мои персональные данные в структурированном, общепринятом машиночитаемом формате',
      objection:
        'прекратить обработку моих персональных данных для аналитики и улучшения продуктов (§3.2 вашей политики) и для объединения с данными третьих лиц (§1)',
      restriction: 'ограничить обработку моих персональных данных',
      withdraw_consent:
        'принять отзыв моего согласия на обработку персональных данных и прекратить обработку, основанную на нём',
      marketing_opt_out:
        'прекратить обработку моих персональных данных в целях прямого маркетинга и направление мне рекламы',
      marketing_opt_in:
        'направлять мне рекламные сообщения о Сервисе; настоящим даю согласие на них, которое вправе отозвать в любой момент',
    },
  },
};

/** The ground a request states where the law asks for one. */
const GROUND: Partial<Record<Regime, Partial<Record<RequestType, Record<Lang, string>>>>> = {
  ru152: {
    erasure: {
      ru: 'Основание: мои персональные данные не являются необходимыми для заявленной цели обработки (ч. 3 ст. 20 {152}) — виджеты, для работы которых они были получены, мне больше не нужны либо цель их обработки достигнута.',
      en: 'Ground: my personal data are not necessary for the stated purpose of processing (Art. 20(3) of {152}): I no longer need the widgets they were collected for, or the purpose has been achieved.',
    },
    rectification: {
      ru: 'Основание: данные неточны или неактуальны (ч. 3 ст. 20 {152}); верные значения указаны ниже.',
      en: 'Ground: the data are inaccurate or outdated (Art. 20(3) of {152}); the correct values are listed below.',
    },
  },
  gdpr: {
    erasure: {
      ru: 'Основание: данные больше не нужны для целей, для которых были собраны (п. (a) ч. 1 ст. 17 GDPR); в части обработки на основании согласия я его отзываю (п. (b) ч. 1 ст. 17).',
      en: 'Ground: the data are no longer necessary for the purposes for which they were collected (GDPR Art. 17(1)(a)); where processing rests on my consent, I withdraw it (Art. 17(1)(b)).',
    },
  },
};

/**
 * The law each request relies on (`{152}`, `{38}`: the statute, named in full or by number).
 * 152-FZ: Art. 14(7) (what the subject may learn), 14(1) and 20(3) (correct, destroy data that are
 * inaccurate or not necessary), 21(1) and (3) (block, stop unlawful processing), 21(5.1) (a demand
 * to stop processing), 9(2) and 21(5) (withdrawal), 15 (direct marketing: prior consent, stop at
 * once); 38-FZ Art. 18(1) (advertising). GDPR Arts. 15–21 and 7(3). No portability in 152-FZ: it is
 * asked as access under Art. 14(7).
 */
const BASIS: Record<Regime, Record<Lang, Record<RequestType, string>>> = {
  ru152: {
    ru: {
      access: 'ч. 7 ст. 14 и ч. 1 ст. 20 {152}',
      rectification: 'ч. 1 ст. 14 и ч. 3 ст. 20 {152}',
      erasure: 'ч. 1 ст. 14 и ч. 3 ст. 20 {152}',
      portability: 'ч. 7 ст. 14 {152}',
      objection: 'ч. 5.1 ст. 21 {152}',
      restriction: 'ч. 1 ст. 14, ч. 1 и 3 ст. 21 {152}',
      withdraw_consent: 'ч. 2 ст. 9 и ч. 5 ст. 21 {152}',
      marketing_opt_out: 'ч. 2 ст. 15 {152} и ч. 1 ст. 18 {38}',
      marketing_opt_in: 'ч. 1 ст. 15 {152} и ч. 1 ст. 18 {38}',
    },
    en: {
      access: 'Art. 14(7) and Art. 20(1) of {152}',
      rectification: 'Art. 14(1) and Art. 20(3) of {152}',
      erasure: 'Art. 14(1) and Art. 20(3) of {152}',
      portability: 'Art. 14(7) of {152}',
      objection: 'Art. 21(5.1) of {152}',
      restriction: 'Art. 14(1) and Art. 21(1) and (3) of {152}',
      withdraw_consent: 'Art. 9(2) and Art. 21(5) of {152}',
      marketing_opt_out: 'Art. 15(2) of {152} and Art. 18(1) of {38}',
      marketing_opt_in: 'Art. 15(1) of {152} and Art. 18(1) of {38}',
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

export interface EmailText {
  to: string;
  subject: string;
  /** Lines joined with CRLF. */
  body: string;
}

/** The answer asked for, in the words of the rule that applies (lib/deadlines/rules.ts). */
function deadlineLine(regime: Regime, type: RequestType, lang: Lang): string {
  const rule = ruleFor(regime, type);
  const ru = lang === 'ru';
  // The period's own article (the rule's first citation); "immediately" rests on both laws it cites.
  const ids =
    rule.period?.unit === 'immediately' ? rule.cites.filter((id) => !id.startsWith('gk-')) : rule.cites.slice(0, 1);
  const cites = ids.map((id) => cite(id, lang)).join(ru ? ' и ' : ' and ');
  if (!rule.period) return ru ? 'Прошу подтвердить получение.' : 'Please confirm receipt.';
  if (rule.period.unit === 'immediately') {
    return ru
      ? `Прошу прекратить немедленно, как того требуют ${cites}, и подтвердить это.`
      : `Please stop immediately, as ${cites} require, and confirm that you have.`;
  }
  const label = rule.label[lang].charAt(0).toLowerCase() + rule.label[lang].slice(1);
  return ru
    ? `Прошу подтвердить получение и ответить в срок, установленный ${cites}: ${label}.`
    : `Please confirm receipt and answer within the time set by ${cites}: ${label}.`;
}

/**
 * Who is asking, as 152-FZ Art. 14(3) wants a request to say: an identity document's details, the
 * relationship with the operator, a signature. The admin types the document and the relationship
 * (the account is offered); nothing here is taken from amoCRM but the name, contacts and account.
 */
function requesterLines(record: RequestRecord, lang: Lang): string[] {
  const b = record.body;
  const ru = lang === 'ru';
  const identity = record.identity;
  const contacts = [b.requester.email, b.requester.phone].filter(Boolean).join(', ');
  const relationship = identity?.relationship?.trim() || defaultRelationship(b.account, lang);
  const lines = [
    b.regime === 'ru152'
      ? ru
        ? 'Сведения о заявителе (ч. 3 ст. 14 152-ФЗ):'
        : 'The requester (152-FZ Art. 14(3)):'
      : ru
        ? 'Заявитель:'
        : 'The requester:',
    `- ${ru ? 'ФИО' : 'Name'}: ${b.requester.name}`,
    `- ${ru ? 'Контакты' : 'Contact'}: ${contacts}; ${ru ? 'пользователь amoCRM' : 'amoCRM user'} ${b.requester.userId}`,
  ];
  if (identity?.document?.trim())
    lines.push(`- ${ru ? 'Документ, удостоверяющий личность' : 'Identity document'}: ${identity.document.trim()}`);
  lines.push(`- ${ru ? 'Отношения с оператором' : 'Relationship with the controller'}: ${relationship}`);
  return lines;
}

/** What the letter offers as the admin's relationship with Ingroup: the account their widgets are in. */
export function defaultRelationship(account: RequestBody['account'], lang: Lang): string {
  return lang === 'ru'
    ? `администратор аккаунта amoCRM ${account.subdomain} (${account.host}, ID ${account.id}), в котором установлены виджеты Ingroup; по §1 политики Ingroup получает мои данные из профиля администратора, установившего виджет`
    : `administrator of the amoCRM account ${account.subdomain} (${account.host}, ID ${account.id}), where Ingroup's widgets are installed; under §1 of its policy Ingroup takes my data from the profile of the administrator who installed the widget`;
}

function signatureLines(record: RequestRecord, lang: Lang): string[] {
  const b = record.body;
  const ru = lang === 'ru';
  const lines = [
    `${ru ? 'Подпись' : 'Signature'}: ____________ / ${b.requester.name} /`,
    `${ru ? 'Дата' : 'Date'}: ${b.createdAt.slice(0, 10)}`,
  ];
  if (b.regime === 'ru152') {
    lines.push(
      ru
        ? 'Запрос направлен в форме электронного документа; он может быть подписан электронной подписью (ч. 3 ст. 14 152-ФЗ).'
        : 'This request is sent as an electronic document, which may be signed with an electronic signature (152-FZ Art. 14(3)).',
    );
  }
  return lines;
}

function compose(record: RequestRecord, lang: Lang): EmailText {
  const b = record.body;
  const ru = lang === 'ru';
  const reference = deriveStatus(record).reference;
  // The request id in the subject lets Ingroup match a letter to the same request from the endpoint.
  const subject = ru
    ? `Запрос субъекта персональных данных: ${TITLE.ru[b.type]} (${record.id})`
    : `Data subject request: ${TITLE.en[b.type]} (${record.id})`;
  const laws = (text: string): string =>
    text.replace(/\{(152|38)\}/g, (_m, law: '152' | '38') => LAWS[lang][law].short);
  const lines: string[] = [
    ru
      ? 'Ingroup LLC («Widgets by Ingroup»), support@ingru.ru'
      : 'To Ingroup LLC ("Widgets by Ingroup"), support@ingru.ru',
    '',
    ru ? 'Здравствуйте!' : 'Hello,',
    '',
  ];
  const basis = legalBasis(b.regime, b.type, lang);
  lines.push(
    ru
      ? `На основании ${basis} прошу ${WHAT[b.regime].ru[b.type]}.`
      : `Under ${basis}, I request ${WHAT[b.regime].en[b.type]}.`,
  );
  const ground = GROUND[b.regime]?.[b.type]?.[lang];
  if (ground) lines.push('', laws(ground));
  lines.push('', `${ru ? 'Номер запроса' : 'Request id'}: ${record.id}`);
  if (reference) lines.push(`${ru ? 'Номер в Ingroup' : 'Ingroup reference'}: ${reference}`);
  lines.push(`${ru ? 'Аккаунт amoCRM' : 'amoCRM account'}: ${b.account.host} (id ${b.account.id})`);
  const widgets = b.widgets.length
    ? b.widgets.join(', ')
    : ru
      ? 'все виджеты Ingroup в аккаунте'
      : 'all Ingroup widgets in the account';
  lines.push(`${ru ? 'Виджеты' : 'Widgets'}: ${widgets}`);
  if (b.corrections?.length) {
    lines.push(ru ? 'Исправить:' : 'Corrections:');
    for (const c of b.corrections) lines.push(`- ${c.field}: ${c.value}`);
  }
  if (b.details) lines.push(`${ru ? 'Подробности' : 'Details'}: ${b.details}`);
  lines.push(
    `${ru ? 'Политика' : 'Policy'}: ${ru ? 'политика конфиденциальности Ingroup от' : 'Ingroup privacy policy of'} ${b.policy.effectiveDate} (SHA-256 ${b.policy.sha256.slice(0, 16)}…)`,
    ledgerHeadLine(b, lang),
    `${ru ? 'Дата запроса' : 'Date of request'}: ${b.createdAt.slice(0, 10)}`,
    '',
    ...requesterLines(record, lang),
    '',
    deadlineLine(b.regime, b.type, lang),
    '',
    ...signatureLines(record, lang),
  );
  // RFC 6068 §5: line breaks in the body are CRLF, including those typed into the details.
  return { to: SUPPORT_EMAIL, subject, body: lines.join('\n').replace(/\r\n|\r|\n/g, '\r\n') };
}

/** The letter in full, for showing, copying and the .eml file: never shortened. */
export function emailText(record: RequestRecord, lang: Lang): EmailText {
  return compose(record, lang);
}

function toMailto(text: Pick<EmailText, 'to' | 'subject'> & { body?: string }): string {
  return `mailto:${text.to}?subject=${encodeURIComponent(text.subject)}${text.body === undefined ? '' : `&body=${encodeURIComponent(text.body)}`}`;
}

export interface Mailto {
  href: string;
  /** True when the link carries the whole letter; false when it opens a new email with only the subject. */
  whole: boolean;
}

/**
 * A `mailto:` link (RFC 6068). The whole letter when the URL stays under `MAILTO_MAX` — mail
 * clients and browsers cut longer ones, silently — otherwise a new email to support@ingru.ru with
 * the subject only, for the admin to paste the letter copied in full. Never a shortened letter.
 */
export function mailtoFor(record: RequestRecord, lang: Lang, max: number = MAILTO_MAX): Mailto {
  const text = emailText(record, lang);
  const full = toMailto(text);
  return full.length <= max
    ? { href: full, whole: true }
    : { href: toMailto({ to: text.to, subject: text.subject }), whole: false };
}
