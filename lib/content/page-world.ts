/**
 * The MAIN-world script's one job (DESIGN §2, §5): read the web app's own globals — `APP.lang_id`
 * and `APP.widgets.list` (its deprecated twin `AMOCRM` where `APP` is missing) — and hand plain data
 * to the isolated content script, one way: the language as an attribute on `<html>`, the widget list
 * as a string in one event, both once the page is idle after `load`. It listens to nothing but
 * `load` and keeps nothing; the page could forge either, so what it hands over is evidence to show,
 * never authority.
 */

import { benchSkips } from './bench-parts';
import { afterLoadIdle, whenIdle } from './idle';

/** `<html data-ingroup-privacy-lang>`: the web app's language code as `APP.lang_id` gives it. */
export const LANG_ATTRIBUTE = 'data-ingroup-privacy-lang';
/**
 * `<html data-ingroup-privacy-report>`: set by the isolated content script when the background has
 * asked for the page's widget list on this load; without it the MAIN-world script reads no widgets.
 * The page can set it too, which only makes it report what the isolated script then ignores.
 */
export const ASK_ATTRIBUTE = 'data-ingroup-privacy-report';
/** Dispatched on `document` with the report as a JSON string in `detail`. */
export const REPORT_EVENT = 'ingroup-privacy:page-report';
/**
 * How long after `load` the widget list is read (then when the page is next idle): amoCRM sets its
 * widgets up after the page has loaded, and the page's own start-up is left alone.
 */
export const SETTLE_MS = 2_000;
/** If the page has listed no widgets yet by then, it is looked at once more this much later. */
export const RETRY_MS = 5_000;
const MAX_WIDGETS = 1000;

type Loose = Record<string, unknown>;

const record = (value: unknown): Loose | null =>
  typeof value === 'object' && value !== null ? (value as Loose) : null;
const text = (value: unknown, max: number): string | null =>
  typeof value === 'string' && value !== '' ? value.slice(0, max) : null;

function appOf(win: Window): Loose | null {
  const scope = win as unknown as Loose;
  return record(scope['APP']) ?? record(scope['AMOCRM']);
}

export interface ReportedWidget {
  code: string;
  name: string | null;
  supportEmail: string | null;
  supportLink: string | null;
}

/** `APP.widgets.list[code]`: `params.{widget_code, support{email, link}}` and `langs.widget.name`. */
export function readWidgets(win: Window): ReportedWidget[] {
  const list = record(record(appOf(win)?.['widgets'])?.['list']);
  if (!list) return [];
  return Object.keys(list)
    .slice(0, MAX_WIDGETS)
    .flatMap((key) => {
      const item = record(list[key]);
      const params = record(item?.['params']);
      const support = record(params?.['support']);
      const code = text(params?.['widget_code'], 200) ?? text(key, 200);
      if (!code) return [];
      const name = text(record(record(item?.['langs'])?.['widget'])?.['name'], 200);
      return [{ code, name, supportEmail: text(support?.['email'], 320), supportLink: text(support?.['link'], 500) }];
    });
}

export function readLang(win: Window): string | null {
  return text(appOf(win)?.['lang_id'], 20);
}

/**
 * Once the page is idle after `load` (lib/content/idle.ts), marks the language (the launcher goes up
 * in the same idle period, after this); SETTLE_MS later, in the next idle period, reports the widgets
 * if the isolated script has asked for them (ASK_ATTRIBUTE).
 */
export function startPageReport(win: Window): void {
  if (benchSkips(win, 'main')) return;
  const report = (retry: boolean): void => {
    if (!win.document.documentElement.hasAttribute(ASK_ATTRIBUTE)) return;
    const widgets = readWidgets(win);
    if (widgets.length === 0 && retry) {
      win.setTimeout(() => whenIdle(win, () => report(false)), RETRY_MS);
      return;
    }
    win.document.dispatchEvent(
      new CustomEvent(REPORT_EVENT, { detail: JSON.stringify({ lang: readLang(win), widgets }) }),
    );
  };
  afterLoadIdle(win, () => {
    const lang = readLang(win);
    if (lang) win.document.documentElement.setAttribute(LANG_ATTRIBUTE, lang);
    win.setTimeout(() => whenIdle(win, () => report(true)), SETTLE_MS);
  });
}
