import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ASK_ATTRIBUTE,
  LANG_ATTRIBUTE,
  readWidgets,
  REPORT_EVENT,
  SETTLE_MS,
  startPageReport,
} from '@/lib/content/page-world';
import { langFromCode, pageLang } from '@/lib/i18n/launcher';

type Scope = Window & { APP?: unknown; AMOCRM?: unknown };

/** The page as it is before `load`, and its `load`. */
const loading = (): void => {
  Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
};
const loaded = (): void => {
  Reflect.deleteProperty(document, 'readyState');
  window.dispatchEvent(new Event('load'));
};

afterEach(() => {
  Reflect.deleteProperty(document, 'readyState');
  document.documentElement.removeAttribute(ASK_ATTRIBUTE);
  Reflect.deleteProperty(window, 'APP');
  Reflect.deleteProperty(window, 'AMOCRM');
  document.documentElement.removeAttribute(LANG_ATTRIBUTE);
  document.documentElement.lang = '';
  vi.useRealTimers();
});

describe('the MAIN-world read of amoCRM’s globals', () => {
  it('reads each widget’s code, name and declared support from APP.widgets.list, and nothing it cannot read', () => {
    (window as Scope).APP = {
      widgets: {
        list: {
          ig_autodocs: {
            params: { widget_code: 'ig_autodocs', support: { email: 'support@ingru.ru', link: 'https://ingru.ru' } },
            langs: { widget: { name: 'Автодокументы' } },
          },
          bare: {},
          odd: { params: { support: 'not an object', widget_code: 42 }, langs: null },
        },
      },
    };
    expect(readWidgets(window)).toEqual([
      { code: 'ig_autodocs', name: 'Автодокументы', supportEmail: 'support@ingru.ru', supportLink: 'https://ingru.ru' },
      { code: 'bare', name: null, supportEmail: null, supportLink: null },
      { code: 'odd', name: null, supportEmail: null, supportLink: null },
    ]);
  });

  it('falls back to the deprecated AMOCRM global, and reads nothing where neither is there', () => {
    expect(readWidgets(window)).toEqual([]);
    (window as Scope).AMOCRM = { widgets: { list: { w: { params: { widget_code: 'w' } } } } };
    expect(readWidgets(window).map((w) => w.code)).toEqual(['w']);
  });

  it('does nothing while the page loads; marks the language once it is idle after load, and reports the widgets once, as a string, SETTLE_MS later', () => {
    vi.useFakeTimers();
    (window as Scope).APP = { lang_id: 'es', widgets: { list: { w: { params: { widget_code: 'w' } } } } };
    const seen: unknown[] = [];
    document.addEventListener(REPORT_EVENT, (e) => seen.push((e as CustomEvent<unknown>).detail), { once: true });
    loading();
    // The isolated script has asked for the widget list (the background's page/seen reply said so).
    document.documentElement.setAttribute(ASK_ATTRIBUTE, '');
    startPageReport(window);
    vi.advanceTimersByTime(SETTLE_MS * 2);
    expect(document.documentElement.getAttribute(LANG_ATTRIBUTE)).toBeNull();
    expect(seen).toEqual([]);
    loaded();
    // happy-dom has no requestIdleCallback: the idle period is the next task.
    vi.advanceTimersToNextTimer();
    expect(document.documentElement.getAttribute(LANG_ATTRIBUTE)).toBe('es');
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    vi.advanceTimersToNextTimer();
    expect(seen).toHaveLength(1);
    expect(JSON.parse(seen[0] as string)).toEqual({
      lang: 'es',
      widgets: [{ code: 'w', name: null, supportEmail: null, supportLink: null }],
    });
    vi.runAllTimers();
    expect(seen).toHaveLength(1);
  });
});

describe('the MAIN-world script when the widget list is not asked for', () => {
  it('marks the language, and neither reads nor reports the widgets', () => {
    vi.useFakeTimers();
    let read = 0;
    (window as Scope).APP = {
      lang_id: 'en',
      get widgets() {
        read += 1;
        return { list: { w: { params: { widget_code: 'w' } } } };
      },
    };
    const seen: unknown[] = [];
    const listen = (e: Event): number => seen.push((e as CustomEvent<unknown>).detail);
    document.addEventListener(REPORT_EVENT, listen);
    startPageReport(window);
    vi.runAllTimers();
    document.removeEventListener(REPORT_EVENT, listen);
    expect(document.documentElement.getAttribute(LANG_ATTRIBUTE)).toBe('en');
    expect(seen).toEqual([]);
    expect(read).toBe(0);
  });
});

describe('the language of the launcher and the panel', () => {
  it.each([
    ['ru', 'ru'],
    ['en', 'en'],
    ['es', 'en'],
    ['pt', 'en'],
    ['RU', 'ru'],
  ] as const)('amoCRM’s %s gives %s', (code, lang) => {
    expect(langFromCode(code)).toBe(lang);
  });

  it('follows APP.lang_id over <html lang>, and without either defaults by domain', () => {
    expect(pageLang(document, 'a.amocrm.ru')).toBe('ru');
    expect(pageLang(document, 'a.kommo.com')).toBe('en');
    expect(pageLang(document, 'a.amocrm.com')).toBe('en');
    document.documentElement.lang = 'ru';
    expect(pageLang(document, 'a.kommo.com')).toBe('ru');
    document.documentElement.setAttribute(LANG_ATTRIBUTE, 'pt');
    expect(pageLang(document, 'a.amocrm.ru')).toBe('en');
  });
});
