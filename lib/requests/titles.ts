/**
 * A request type's short name, e.g. "erasure" / "уничтожение данных": on its own so that a list of
 * requests can name them without loading the letters (lib/requests/email.ts).
 */
import type { Lang, RequestType } from '../vocabulary';

export const TITLE: Record<Lang, Record<RequestType, string>> = {
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

/** A short name of the request type, e.g. "erasure" / "уничтожение данных". */
export function requestTitle(type: RequestType, lang: Lang): string {
  return TITLE[lang][type];
}
