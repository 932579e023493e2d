/**
 * The pages' words in Russian and English. English defines the keys; Russian must have every one
 * (the type says so). Interpolation is `{name}`, replaced as text — never as markup.
 */
import { consentEn, consentRu } from './consent';
import { en as baseEn } from './en';
import { evidenceEn, evidenceRu } from './evidence';
import { inventoryEn, inventoryRu } from './inventory';
import { overviewEn, overviewRu } from './overview';
import { requestsEn, requestsRu } from './requests';
import { ru as baseRu } from './ru';
import type { Lang } from '../vocabulary';

const en = { ...baseEn, ...inventoryEn, ...evidenceEn, ...consentEn, ...requestsEn, ...overviewEn };
const ru: Record<keyof typeof en, string> = {
  ...baseRu,
  ...inventoryRu,
  ...evidenceRu,
  ...consentRu,
  ...requestsRu,
  ...overviewRu,
};

export type MessageKey = keyof typeof en;
export type Dictionary = Record<MessageKey, string>;

const DICTIONARIES: Record<Lang, Dictionary> = { en, ru };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * The key for one value of a finite set under a prefix: `keyOf('requests.status', view.state.status)`.
 * Its type is the template literal `${prefix}.${value}`, so handing it to a `Translate` is a type
 * error as soon as one value of the set has no words in the dictionaries — no cast to hide it.
 */
export function keyOf<const P extends string, const V extends string>(prefix: P, value: V): `${P}.${V}` {
  return `${prefix}.${value}`;
}

export function translator(lang: Lang): Translate {
  const dict = DICTIONARIES[lang];
  return (key, params) => {
    const text = dict[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

/** The browser's language when nothing else says: Russian for ru*, English otherwise. */
export function browserLang(languages: readonly string[]): Lang {
  return languages[0]?.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}
