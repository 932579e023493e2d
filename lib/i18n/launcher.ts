/** The few words the content script shows on the amoCRM page (kept apart from the pages' dictionaries for size). */
export type Lang = 'ru' | 'en';

/** amoCRM's interface language, from the page's `<html lang>`; Russian unless it says English. */
export function pageLang(doc: Document): Lang {
  return doc.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'ru';
}

export function launcherLabel(lang: Lang, count: number | null): { text: string; name: string } {
  const text = lang === 'ru' ? 'Данные' : 'Privacy';
  const base = lang === 'ru' ? 'Конфиденциальность: виджеты Ingroup' : 'Privacy: Ingroup widgets';
  return { text, name: count === null ? base : `${base} (${count})` };
}
