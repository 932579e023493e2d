/**
 * A complaint to the authority when Ingroup misses a deadline (DESIGN §6): Roskomnadzor for
 * 152-FZ (Art. 17(1): the subject may appeal the operator's inaction to the authority; Art. 23(3):
 * the authority's measures), the
 * data-protection authority of the admin's EU/EEA country for the GDPR (Art. 77). Plain text to
 * copy — never markup.
 *
 * The text to file is in the authority's language: Russian for Roskomnadzor, English for an EU
 * authority (the language the EDPB's cross-border procedures run in). When the admin reads
 * another language, a translation comes with it, for them, not for filing.
 */
import type { Lang, Regime } from '../vocabulary';
import { toMoscowDate } from '../deadlines/dates';
import { cite } from '../deadlines/statutes';
import { keyOf, translator } from '../i18n';
import { legalBasis, requestTitle, SUPPORT_EMAIL } from './email';
import type { RequestView } from './view';

export interface Authority {
  name: string;
  url: string;
}

export interface Complaint {
  authority: Authority;
  /** The language of `text`: the authority's. */
  lang: Lang;
  /** The complaint to file. */
  text: string;
  /** The same complaint in the admin's language, when that differs — to read, not to file. */
  translation?: { lang: Lang; text: string };
}

const AUTHORITY: Record<Regime, Record<Lang, Authority>> = {
  ru152: {
    ru: {
      name: 'Федеральная служба по надзору в сфере связи, информационных технологий и массовых коммуникаций (Роскомнадзор)',
      url: 'https://pd.rkn.gov.ru/',
    },
    en: {
      name: 'Roskomnadzor (the Federal Service for Supervision of Communications, Information Technology and Mass Media)',
      url: 'https://pd.rkn.gov.ru/',
    },
  },
  gdpr: {
    ru: {
      name: 'Надзорный орган по защите данных страны ЕС/ЕЭЗ, где вы живёте или работаете (ст. 77 GDPR); список — на сайте EDPB',
      url: 'https://www.edpb.europa.eu/about-edpb/about-edpb/members_en',
    },
    en: {
      name: 'The data-protection supervisory authority of the EU/EEA country where you live or work (GDPR Art. 77); the EDPB lists them',
      url: 'https://www.edpb.europa.eu/about-edpb/about-edpb/members_en',
    },
  },
};

/** The language a complaint is filed in. */
export function filingLang(regime: Regime): Lang {
  return regime === 'ru152' ? 'ru' : 'en';
}

/**
 * The operator as its policy names it — "Ingroup LLC", "Widgets by Ingroup" — and no more: the
 * policy gives no Russian name, address or registration numbers, so the complaint says so rather
 * than guess them.
 */
const OPERATOR: Record<Lang, string> = {
  ru: `Ingroup LLC («Widgets by Ingroup»), ${SUPPORT_EMAIL} — так оператор назван в своей политике конфиденциальности от 20.01.2022; адрес, ОГРН и ИНН в ней не указаны`,
  en: `Ingroup LLC ("Widgets by Ingroup"), ${SUPPORT_EMAIL}, as its privacy policy of 20 January 2022 names it; the policy gives no address or registration numbers`,
};

/** Who to complain to, in the admin's language. */
export function authorityFor(regime: Regime, lang: Lang): Authority {
  return AUTHORITY[regime][lang];
}

/** 2026-11-17 → 17.11.2026 in Russian letters; ISO dates in English ones. */
function day(date: string | null, lang: Lang): string {
  if (!date) return '—';
  const iso = toMoscowDate(date);
  return lang === 'ru' ? iso.split('-').reverse().join('.') : iso;
}

/** The complaint written out in one language. */
export function complaintText(view: RequestView, regime: Regime, lang: Lang): string {
  const t = translator(lang);
  const r = view.record;
  const body = r.body;
  const ru = lang === 'ru';
  const authority = AUTHORITY[regime][lang];
  const from = [body.requester.name, body.requester.email, body.requester.phone].filter(Boolean).join(', ');
  const sent = day(new Date(r.createdAt).toISOString(), lang);
  const status = t(keyOf('requests.status', view.state.status));
  const rule = view.rule;
  const deadline = rule ? `${rule.label[lang]} (${rule.source})` : '—';
  const extended =
    view.state.extendedDueAt && rule?.extension
      ? ru
        ? ' (с продлением, о котором сообщил оператор)'
        : ' (with the extension the controller announced)'
      : '';
  const reported =
    view.reportedDueDate && view.reportedDueDate !== view.dueDate
      ? [
          ru
            ? `Срок, который назвал оператор: ${day(view.reportedDueDate, lang)} — закон его не продлевает`
            : `The date the controller gave: ${day(view.reportedDueDate, lang)}, which the law does not allow`,
        ]
      : [];
  const facts = ru
    ? [
        `Номер запроса: ${r.id}`,
        `Номер у оператора: ${view.state.reference ?? '—'}`,
        `Запрос направлен: ${sent}`,
        `Получен оператором: ${day(view.receivedAt, lang)}`,
        `Основание запроса: ${legalBasis(regime, r.type, 'ru', 'full')}`,
        `Срок ответа по закону: ${deadline}`,
        `Срок по закону истёк: ${day(view.dueDate, lang)}${extended}`,
        ...reported,
        `Статус у оператора: ${status}`,
      ]
    : [
        `Request id: ${r.id}`,
        `Controller's reference: ${view.state.reference ?? '—'}`,
        `Request sent: ${sent}`,
        `Received by the controller: ${day(view.receivedAt, lang)}`,
        `The request relies on: ${legalBasis(regime, r.type, 'en', 'full')}`,
        `Legal deadline: ${deadline}`,
        `The legal deadline passed on: ${day(view.dueDate, lang)}${extended}`,
        ...reported,
        `Status at the controller: ${status}`,
      ];
  const right =
    regime === 'ru152'
      ? ru
        ? `В соответствии с ${cite('ru152-17-1', 'ru')} обжалую бездействие оператора в уполномоченный орган по защите прав субъектов персональных данных.`
        : `Under ${cite('ru152-17-1', 'en')}, I appeal the operator's inaction to the authority for the protection of the rights of personal-data subjects.`
      : ru
        ? 'На основании ст. 77 GDPR подаю жалобу в надзорный орган.'
        : 'Under GDPR Art. 77, I lodge a complaint with the supervisory authority.';
  const ask =
    regime === 'ru152'
      ? ru
        ? `Прошу рассмотреть жалобу и принять меры, предусмотренные ${cite('ru152-23-3', 'ru')}: потребовать от оператора исполнить запрос, а при неправомерной обработке — принять меры по её приостановлению или прекращению.`
        : `I ask you to examine this complaint and take the measures of ${cite('ru152-23-3', 'en')}: require the operator to act on the request and, where the processing is unlawful, take measures to suspend or stop it.`
      : ru
        ? 'Прошу рассмотреть жалобу и воспользоваться полномочиями по п. (c) ч. 2 ст. 58 GDPR: предписать контролёру исполнить запрос.'
        : 'I ask you to handle this complaint and use your power under GDPR Art. 58(2)(c) to order the controller to comply with the request.';
  const immediate =
    rule?.period?.unit === 'immediately'
      ? [
          ru
            ? `Закон требует прекратить немедленно: ${rule.source}.`
            : `The law requires an immediate stop: ${rule.source}.`,
          '',
        ]
      : [];
  return [
    `${ru ? 'Кому' : 'To'}: ${authority.name}, ${authority.url}`,
    `${ru ? 'От' : 'From'}: ${from}`,
    '',
    ru
      ? 'Жалоба: оператор персональных данных не ответил на запрос в установленный законом срок'
      : 'Complaint: a controller did not answer a data-subject request within the time the law sets',
    '',
    ru ? `Оператор: ${OPERATOR.ru}.` : `Controller: ${OPERATOR.en}.`,
    ru
      ? `Я администратор аккаунта amoCRM ${body.account.subdomain} (${body.account.host}, ID ${body.account.id}), в котором установлены виджеты оператора. Я направил(а) оператору запрос «${requestTitle(r.type, 'ru')}».`
      : `I administer the amoCRM account ${body.account.subdomain} (${body.account.host}, ID ${body.account.id}), where the controller's widgets are installed. I sent the controller a request for ${requestTitle(r.type, 'en')}.`,
    '',
    ...facts,
    '',
    ...immediate,
    ru
      ? 'Ответа по существу в установленный законом срок нет.'
      : 'No answer on the merits came within the time the law sets.',
    right,
    ask,
    '',
    `${ru ? 'Подпись' : 'Signature'}: ____________ / ${body.requester.name} /`,
  ].join('\n');
}

/** The complaint to file, in the authority's language, with a translation for the admin when needed. */
export function complaintFor(view: RequestView, regime: Regime, lang: Lang): Complaint {
  const filing = filingLang(regime);
  return {
    authority: authorityFor(regime, lang),
    lang: filing,
    text: complaintText(view, regime, filing),
    ...(filing !== lang ? { translation: { lang, text: complaintText(view, regime, lang) } } : {}),
  };
}
