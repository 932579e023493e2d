/**
 * Words shown only by the panel's late-loaded part (components/panel/Evidence.tsx: how the list is
 * made, the other widgets, the observed traffic), kept out of the first paint's dictionary
 * (DESIGN §9). Same rules: English defines the keys, Russian has every one.
 */
import type { Lang } from '../vocabulary';

export const evidenceMoreEn = {
  'inventory.howFound':
    'How this list is made: Ingroup’s real widget codes are not public, so a widget is counted as Ingroup’s on the evidence there is — Ingroup’s catalog naming it (from Ingroup’s endpoint, else the demo catalog bundled with the extension), the widget itself declaring Ingroup’s support contact (ingru.ru) on amoCRM’s page, this page sending requests that name it to an ingru.ru host, or your own mark. What the page says could be forged by other scripts on it: it is evidence, not proof. Mark a widget to correct the list.',
  'inventory.othersHeading': 'Other installed widgets ({count})',
  'inventory.othersNone': 'No other widgets are installed.',
  'inventory.othersHint':
    'If you know one of these is Ingroup’s, mark it: the mark stays in this browser and goes into your exports.',
  'observed.heading': 'Observed: this page’s requests to Ingroup’s hosts',
  'observed.intro':
    'Seen in this browser on this account’s amoCRM pages (their Resource Timing entries), beside what the policy declares. Kept only here.',
  'observed.none': 'No requests to ingru.ru hosts seen on this account’s pages yet.',
  'observed.row': '{host}: {count} requests, first seen {first}, last seen {last}.',
  'observed.values': 'Values of this account in those addresses: {values}.',
  'observed.noValues':
    'None of this account’s values (id, subdomain, administrator’s email or phone) was seen in those addresses.',
} as const satisfies Record<string, string>;

export const evidenceMoreRu: Record<keyof typeof evidenceMoreEn, string> = {
  'inventory.howFound':
    'Как составлен список: настоящие коды виджетов Ingroup не опубликованы, поэтому виджет считается виджетом Ingroup по имеющимся признакам — его называет каталог Ingroup (с сервера Ingroup, иначе демо-каталог, встроенный в расширение), сам виджет указывает на странице amoCRM контакт поддержки Ingroup (ingru.ru), эта страница отправляла запросы с его кодом на адрес ingru.ru, или вы сами его отметили. Сказанное страницей могут подделать другие скрипты на ней: это признак, а не доказательство. Отметьте виджет, чтобы поправить список.',
  'inventory.othersHeading': 'Другие установленные виджеты ({count})',
  'inventory.othersNone': 'Других установленных виджетов нет.',
  'inventory.othersHint':
    'Если вы знаете, что какой-то из них — виджет Ingroup, отметьте его: отметка хранится в этом браузере и попадает в выгрузки.',
  'observed.heading': 'Замечено: запросы этой страницы к серверам Ingroup',
  'observed.intro':
    'Замечено в этом браузере на страницах amoCRM этого аккаунта (по их записям Resource Timing) — рядом с тем, что заявляет политика. Хранится только здесь.',
  'observed.none': 'Запросов к адресам ingru.ru на страницах этого аккаунта пока не замечено.',
  'observed.row': '{host}: запросов {count}, впервые {first}, последний раз {last}.',
  'observed.values': 'Значения этого аккаунта в этих адресах: {values}.',
  'observed.noValues':
    'Ни одного значения этого аккаунта (ID, поддомен, email или телефон администратора) в этих адресах не замечено.',
};

export type MoreKey = keyof typeof evidenceMoreEn;

/** Like lib/i18n's translator, for these words: `{name}` replaced as text, never as markup. */
export function moreTranslator(lang: Lang): (key: MoreKey, params?: Record<string, string | number>) => string {
  const dict = lang === 'ru' ? evidenceMoreRu : evidenceMoreEn;
  return (key, params) =>
    dict[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}
