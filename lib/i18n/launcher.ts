/** The few words the content script shows on the amoCRM page (kept apart from the pages' dictionaries for size). */
import { defaultLang, type Lang } from '../vocabulary';

/** The attribute the MAIN-world script writes `APP.lang_id` into (lib/content/page-world.ts). */
const APP_LANG_ATTRIBUTE = 'data-ingroup-privacy-lang';

/** Russian for amoCRM's `ru`; English for every other language (es, pt, en…) until more exist. */
export function langFromCode(code: string): Lang {
  return code.trim().toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/**
 * amoCRM's interface language: the web app's own setting (`APP.lang_id`), else `<html lang>`, else
 * the domain's default — Russian on amocrm.ru, English on kommo.com and amocrm.com.
 */
export function pageLang(doc: Document, host: string): Lang {
  const code = doc.documentElement.getAttribute(APP_LANG_ATTRIBUTE) || doc.documentElement.lang;
  if (code) return langFromCode(code);
  return defaultLang(host);
}

export function launcherLabel(lang: Lang, count: number | null): { text: string; name: string } {
  const text = lang === 'ru' ? 'Данные' : 'Privacy';
  const base = lang === 'ru' ? 'Конфиденциальность: виджеты Ingroup' : 'Privacy: Ingroup widgets';
  return { text, name: count === null ? base : `${base} (${count})` };
}
