/**
 * The popup's switch lines and empty state, kept out of the dictionary the panel loads on its first
 * paint (DESIGN §9). Same rules: English defines the keys, Russian has every one.
 */
import type { Lang } from '../vocabulary';

export const popupEn = {
  'popup.thisTab': 'this tab',
  'popup.request.marketing_opt_out': 'Opt-out request: {status}',
  'popup.request.marketing_opt_in': 'Opt-in request: {status}',
  'popup.request.overdue': 'overdue by law (due {date})',
  'popup.request.unsent':
    'Your choice is recorded here but has not reached Ingroup yet: open this account’s privacy panel once to send it.',
  'popup.request.none': 'No opt-out requested',
  'popup.emptyTitle': 'No amoCRM account yet',
  'popup.empty':
    'Open your amoCRM account in this browser (on amocrm.ru, amocrm.com or kommo.com): it appears here, with a switch for Ingroup’s promotional email.',
  'popup.howItWorks': 'How the extension works',
} as const;

export const popupRu: Record<keyof typeof popupEn, string> = {
  'popup.thisTab': 'эта вкладка',
  'popup.request.marketing_opt_out': 'Отказ от рассылки: {status}',
  'popup.request.marketing_opt_in': 'Согласие на рассылку: {status}',
  'popup.request.overdue': 'просрочен по закону (срок {date})',
  'popup.request.unsent':
    'Выбор записан здесь, но до Ingroup ещё не дошёл: откройте панель этого аккаунта хотя бы раз, чтобы отправить его.',
  'popup.request.none': 'Отказ не запрашивался',
  'popup.emptyTitle': 'Аккаунтов amoCRM пока нет',
  'popup.empty':
    'Откройте свой аккаунт amoCRM в этом браузере (на amocrm.ru, amocrm.com или kommo.com): он появится здесь, с переключателем рекламных писем Ingroup.',
  'popup.howItWorks': 'Как работает расширение',
};

export type PopupKey = keyof typeof popupEn;

/** Like lib/i18n's translator, for these words: `{name}` replaced as text, never as markup. */
export function popupTranslator(lang: Lang): (key: PopupKey, params?: Record<string, string | number>) => string {
  const dict = lang === 'ru' ? popupRu : popupEn;
  return (key, params) =>
    dict[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}
