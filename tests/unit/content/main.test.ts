import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COUNT_WAIT_MS, REDRAW_SETTLE_MS, startContent, WATCH_MS } from '@/lib/content/main';
import { LAUNCHER_ID } from '@/lib/content/launcher';
import { ASK_ATTRIBUTE } from '@/lib/content/page-world';
import { DROP_HIDDEN_MS, PANEL_FRAME_ID } from '@/lib/content/panel-frame';
import { contentRuntime, type ContentListener, type ContentRuntime } from '@/lib/content/runtime';

const EXT_ID = 'ingroupprivacyextensionid';

function fakeRuntime(reply: unknown = { ok: true, value: { ingroupCount: 3 } }) {
  const listeners = new Set<ContentListener>();
  const sent: unknown[] = [];
  const runtime = {
    id: EXT_ID as string | undefined,
    sendMessage: vi.fn(async (message: unknown) => {
      sent.push(message);
      return reply;
    }),
    getURL: vi.fn((path: string) => `chrome-extension://${EXT_ID}${path}`),
    onMessage: {
      addListener: (l: ContentListener) => listeners.add(l),
      removeListener: (l: ContentListener) => listeners.delete(l),
    },
  } satisfies ContentRuntime;
  /** Delivers a message as the runtime would; resolves with what the script answered (or 'no answer'). */
  const deliver = (message: unknown, sender: { id?: string } = { id: EXT_ID }) =>
    new Promise<unknown>((resolve) => {
      let later = false;
      for (const l of listeners) later = l(message, sender, resolve) === true || later;
      if (!later) setTimeout(() => resolve('no answer'), 0);
    });
  return { runtime, listeners, sent, deliver };
}

/**
 * An event as the browser makes it for a person's input. happy-dom has no `isTrusted`; in a real
 * browser it is unforgeable, and page code can only make untrusted events (tests/e2e/security.e2e.ts).
 */
const trusted = <E extends Event>(event: E): E => Object.defineProperty(event, 'isTrusted', { value: true });
const personClicks = (element: HTMLElement | null): void => {
  element?.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, cancelable: true })));
};

const launcherButton = () => document.querySelector<HTMLButtonElement>(`#${LAUNCHER_ID} [role=button]`);
const setUrl = (url: string): void =>
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

/** A page with (or without) amoCRM's left menu. */
function page(withMenu = true): void {
  const nav = document.createElement('nav');
  nav.id = 'nav_menu';
  document.body.replaceChildren(...(withMenu ? [nav] : []));
}
const flush = () => new Promise((r) => setTimeout(r, 0));
/** Lets the background's (immediate) answer arrive and the launcher go up, with real or fake timers. */
const launcherUp = async (): Promise<void> => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
  expect(launcherButton()).not.toBeNull();
};

/** The browser's idle callback, run at once: most tests start from a page already idle after `load`. */
const idleNow = (): void => {
  Object.defineProperty(window, 'requestIdleCallback', {
    value: (run: IdleRequestCallback) => {
      run({ didTimeout: false, timeRemaining: () => 50 });
      return 1;
    },
    configurable: true,
  });
};

beforeEach(() => {
  idleNow();
  // happy-dom does not load frames and says so on the console; the e2e suite opens the panel in Chromium.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  setUrl('https://demo.amocrm.ru/leads');
  document.documentElement.lang = 'ru';
  page();
});
/** Every copy started by a test is stopped after it, so none is left watching the next test's page. */
const running: Array<() => void> = [];
const start = (runtime: ContentRuntime, win?: Window): (() => void) => {
  const stop = startContent(() => runtime, win);
  running.push(stop);
  return stop;
};
afterEach(() => {
  for (const stop of running.splice(0)) stop();
  Reflect.deleteProperty(window, 'requestIdleCallback');
  Reflect.deleteProperty(document, 'readyState');
  document.documentElement.removeAttribute(ASK_ATTRIBUTE);
  vi.useRealTimers();
  page(false);
});

describe('the content script', () => {
  it('puts one launcher in amoCRM’s menu, tells the background the page was seen, and shows the count', async () => {
    const { runtime, sent } = fakeRuntime();
    const stop = start(runtime);
    expect(sent).toEqual([{ type: 'page/seen', host: 'demo.amocrm.ru' }]);
    await flush();
    expect(document.querySelectorAll(`#${LAUNCHER_ID}`)).toHaveLength(1);
    expect(document.querySelector('#nav_menu')?.contains(launcherButton())).toBe(true);
    expect(launcherButton()?.getAttribute('aria-label')).toBe('Конфиденциальность: виджеты Ingroup (3)');
    // The panel's address is not asked for until the admin opens it.
    expect(runtime.getURL).not.toHaveBeenCalled();
    stop();
    expect(document.getElementById(LAUNCHER_ID)).toBeNull();
  });

  it('touches neither the extension nor the page while the page loads, and starts in the first idle period after load', () => {
    vi.useFakeTimers();
    Reflect.deleteProperty(window, 'requestIdleCallback');
    const idle: IdleRequestCallback[] = [];
    Object.defineProperty(window, 'requestIdleCallback', {
      value: (run: IdleRequestCallback) => idle.push(run),
      configurable: true,
    });
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    const { runtime, sent } = fakeRuntime();
    const getRuntime = vi.fn(() => runtime);
    running.push(startContent(getRuntime));
    vi.advanceTimersByTime(COUNT_WAIT_MS * 4);
    expect(getRuntime).not.toHaveBeenCalled();
    expect(idle).toHaveLength(0);
    Reflect.deleteProperty(document, 'readyState');
    window.dispatchEvent(new Event('load'));
    // Loaded, but not yet idle: still nothing.
    expect(getRuntime).not.toHaveBeenCalled();
    expect(idle).toHaveLength(1);
    idle[0]?.({ didTimeout: false, timeRemaining: () => 50 });
    expect(getRuntime).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([{ type: 'page/seen', host: 'demo.amocrm.ru' }]);
  });

  it('stopped before the page is idle, never starts', () => {
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    const getRuntime = vi.fn(() => fakeRuntime().runtime);
    startContent(getRuntime)();
    Reflect.deleteProperty(document, 'readyState');
    window.dispatchEvent(new Event('load'));
    expect(getRuntime).not.toHaveBeenCalled();
    expect(document.getElementById(LAUNCHER_ID)).toBeNull();
  });

  it('asks the MAIN-world script for the page’s widget list only when the background’s reply asks for it', async () => {
    start(fakeRuntime({ ok: true, value: { ingroupCount: 3 } }).runtime);
    await launcherUp();
    expect(document.documentElement.hasAttribute(ASK_ATTRIBUTE)).toBe(false);
    for (const stop of running.splice(0)) stop();
    start(fakeRuntime({ ok: true, value: { ingroupCount: 3, report: true } }).runtime);
    await launcherUp();
    expect(document.documentElement.hasAttribute(ASK_ATTRIBUTE)).toBe(true);
  });

  it('does nothing off an account host', () => {
    setUrl('https://www.amocrm.ru/');
    const { runtime, sent, listeners } = fakeRuntime();
    start(runtime);
    expect(document.getElementById(LAUNCHER_ID)).toBeNull();
    expect(sent).toEqual([]);
    expect(listeners.size).toBe(0);
  });

  it('keeps the launcher without a count when the reply is not one', async () => {
    const { runtime } = fakeRuntime({ ok: true, value: { ingroupCount: -1 } });
    start(runtime);
    await flush();
    expect(launcherButton()?.getAttribute('aria-label')).toBe('Конфиденциальность: виджеты Ingroup');
  });

  it('puts the launcher up once, with its count, when the background answers', async () => {
    const { runtime } = fakeRuntime();
    // Each batch of changes to the page is one more style and layout pass for amoCRM's page.
    const batches: MutationRecord[][] = [];
    const observer = new MutationObserver((records) => batches.push(records));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    start(runtime);
    expect(document.getElementById(LAUNCHER_ID)).toBeNull();
    await flush();
    await flush();
    observer.disconnect();
    expect(batches).toHaveLength(1);
    expect(document.querySelectorAll(`#${LAUNCHER_ID}`)).toHaveLength(1);
    expect(launcherButton()?.textContent).toBe('Данные3');
  });

  it('puts the launcher up without a count when the background is slow, and adds the count when it comes', async () => {
    vi.useFakeTimers();
    let answer: (reply: unknown) => void = () => undefined;
    const { runtime } = fakeRuntime();
    runtime.sendMessage.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    start(runtime);
    vi.advanceTimersByTime(COUNT_WAIT_MS - 1);
    expect(document.getElementById(LAUNCHER_ID)).toBeNull();
    vi.advanceTimersByTime(1);
    expect(launcherButton()?.getAttribute('aria-label')).toBe('Конфиденциальность: виджеты Ingroup');
    answer({ ok: true, value: { ingroupCount: 2 } });
    await vi.runOnlyPendingTimersAsync();
    expect(launcherButton()?.getAttribute('aria-label')).toBe('Конфиденциальность: виджеты Ingroup (2)');
    expect(document.querySelectorAll(`#${LAUNCHER_ID}`)).toHaveLength(1);
  });

  it('puts the launcher up without a count when the background cannot be reached', async () => {
    const { runtime } = fakeRuntime();
    runtime.sendMessage.mockRejectedValueOnce(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    start(runtime);
    await flush();
    expect(launcherButton()?.getAttribute('aria-label')).toBe('Конфиденциальность: виджеты Ingroup');
  });

  it('opens the panel frame on a click, with the account and language, and closes it on the background’s word', async () => {
    document.documentElement.lang = 'en';
    const { runtime, deliver } = fakeRuntime();
    start(runtime);
    await launcherUp();
    personClicks(launcherButton());
    const frame = document.querySelector<HTMLIFrameElement>(`#${PANEL_FRAME_ID} iframe`);
    // No account in the address: the background binds the panel to this tab.
    expect(frame?.src).toBe(`chrome-extension://${EXT_ID}/panel.html?lang=en`);
    expect(frame?.title).toBe('Privacy: Ingroup widgets');
    personClicks(launcherButton());
    expect(document.querySelectorAll(`#${PANEL_FRAME_ID}`)).toHaveLength(1);
    expect(await deliver({ type: 'panel/close' })).toBe(true);
    const holder = document.getElementById(PANEL_FRAME_ID);
    expect(holder?.style.display).toBe('none');
    expect(document.activeElement).toBe(launcherButton());
    // Opened again, the same frame is shown (its page already loaded) and given the focus.
    expect(await deliver({ type: 'panel/open' })).toBe(true);
    expect(document.getElementById(PANEL_FRAME_ID)).toBe(holder);
    expect(holder?.style.display).toBe('block');
    expect(document.activeElement).toBe(frame);
  });

  it('opens nothing on a click or press that page code made, and opens on the same click made by a person', async () => {
    const { runtime } = fakeRuntime();
    start(runtime);
    await launcherUp();
    // amoCRM pages run third-party widget code: it can call click() or dispatch events, never trusted ones.
    launcherButton()?.click();
    launcherButton()?.dispatchEvent(new PointerEvent('pointerdown', { button: 0, bubbles: true }));
    launcherButton()?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(document.getElementById(PANEL_FRAME_ID)).toBeNull();
    // The negative control: the same click, trusted, opens the panel.
    personClicks(launcherButton());
    expect(document.getElementById(PANEL_FRAME_ID)?.style.display).toBe('block');
  });

  it('starts loading the panel, hidden, when the launcher is pressed, and shows it on the click', async () => {
    const { runtime } = fakeRuntime();
    start(runtime);
    await launcherUp();
    const button = launcherButton();
    // Another button than the main one prepares nothing.
    button?.dispatchEvent(trusted(new PointerEvent('pointerdown', { button: 2, bubbles: true })));
    expect(document.getElementById(PANEL_FRAME_ID)).toBeNull();
    button?.dispatchEvent(trusted(new PointerEvent('pointerdown', { button: 0, bubbles: true })));
    const holder = document.getElementById(PANEL_FRAME_ID);
    expect(holder?.style.display).toBe('none');
    expect(runtime.getURL).toHaveBeenCalledTimes(1);
    button?.dispatchEvent(trusted(new PointerEvent('pointerdown', { button: 0, bubbles: true })));
    personClicks(button);
    expect(document.querySelectorAll(`#${PANEL_FRAME_ID} iframe`)).toHaveLength(1);
    expect(document.getElementById(PANEL_FRAME_ID)).toBe(holder);
    expect(holder?.style.display).toBe('block');
    expect(document.activeElement).toBe(holder?.querySelector('iframe'));
  });

  it('keeps a closed panel hidden for a while, then removes it; a later open builds it again', async () => {
    vi.useFakeTimers();
    const { runtime, deliver } = fakeRuntime();
    start(runtime);
    await launcherUp();
    personClicks(launcherButton());
    await deliver({ type: 'panel/close' });
    vi.advanceTimersByTime(DROP_HIDDEN_MS - WATCH_MS);
    expect(document.getElementById(PANEL_FRAME_ID)).not.toBeNull();
    // Shown and closed again in the meantime: the wait starts over.
    await deliver({ type: 'panel/open' });
    await deliver({ type: 'panel/close' });
    vi.advanceTimersByTime(DROP_HIDDEN_MS - WATCH_MS);
    expect(document.getElementById(PANEL_FRAME_ID)).not.toBeNull();
    vi.advanceTimersByTime(WATCH_MS);
    expect(document.getElementById(PANEL_FRAME_ID)).toBeNull();
    personClicks(launcherButton());
    expect(document.querySelectorAll(`#${PANEL_FRAME_ID} iframe`)).toHaveLength(1);
    expect(document.getElementById(PANEL_FRAME_ID)?.style.display).toBe('block');
  });

  it('answers amo/fetch with the raw reply from the page’s own origin (an absolute URL, no redirects), and null when the fetch fails', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch');
    fetchMock.mockResolvedValueOnce(
      new Response('{"id":1}', { status: 200, headers: { 'content-type': 'application/hal+json' } }),
    );
    const { runtime, deliver } = fakeRuntime();
    start(runtime);
    expect(await deliver({ type: 'amo/fetch', path: '/api/v4/account' })).toEqual({
      origin: 'https://demo.amocrm.ru',
      status: 200,
      contentType: 'application/hal+json',
      retryAfter: null,
      body: '{"id":1}',
    });
    expect(fetchMock).toHaveBeenCalledWith(
      'https://demo.amocrm.ru/api/v4/account',
      expect.objectContaining({ credentials: 'same-origin', redirect: 'error' }),
    );
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await deliver({ type: 'amo/fetch', path: '/api/v4/users?page=1' })).toBeNull();
  });

  it('ignores other senders, other paths and unknown messages', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch');
    const { runtime, deliver } = fakeRuntime();
    start(runtime);
    expect(await deliver({ type: 'panel/open' }, { id: 'another-extension' })).toBe('no answer');
    expect(await deliver({ type: 'panel/open' }, {})).toBe('no answer');
    expect(await deliver({ type: 'amo/fetch', path: '/api/v4/leads' })).toBe('no answer');
    expect(await deliver({ type: 'amo/fetch', path: 'https://evil.example/api/v4/account' })).toBe('no answer');
    expect(await deliver({ type: 'wipe' })).toBe('no answer');
    expect(await deliver('panel/open')).toBe('no answer');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(document.getElementById(PANEL_FRAME_ID)).toBeNull();
  });

  it('follows amoCRM’s in-page navigation and puts the launcher back when the menu is redrawn', async () => {
    vi.useFakeTimers();
    const { runtime } = fakeRuntime();
    start(runtime);
    await launcherUp();
    setUrl('https://demo.amocrm.ru/login');
    vi.advanceTimersByTime(WATCH_MS);
    expect(document.getElementById(LAUNCHER_ID)).toBeNull();
    setUrl('https://demo.amocrm.ru/contacts');
    vi.advanceTimersByTime(WATCH_MS);
    expect(document.querySelectorAll(`#${LAUNCHER_ID}`)).toHaveLength(1);
    page();
    vi.advanceTimersByTime(WATCH_MS);
    expect(document.querySelector('#nav_menu')?.contains(launcherButton())).toBe(true);
  });

  it('takes its launcher, panel and listener away once the extension is reloaded under it', async () => {
    vi.useFakeTimers();
    const { runtime, listeners } = fakeRuntime();
    start(runtime);
    await launcherUp();
    personClicks(launcherButton());
    runtime.id = undefined;
    vi.advanceTimersByTime(WATCH_MS);
    expect(document.getElementById(LAUNCHER_ID)).toBeNull();
    expect(document.getElementById(PANEL_FRAME_ID)).toBeNull();
    expect(listeners.size).toBe(0);
    page();
    vi.advanceTimersByTime(WATCH_MS * 3);
    expect(document.getElementById(LAUNCHER_ID)).toBeNull();
  });

  it('floats the launcher when amoCRM’s menu is not there', async () => {
    page(false);
    start(fakeRuntime().runtime);
    await launcherUp();
    expect(document.body.lastElementChild?.id).toBe(LAUNCHER_ID);
  });
});

describe('the content script where the browser has the Navigation API', () => {
  let navigation: EventTarget;
  beforeEach(() => {
    vi.useFakeTimers();
    navigation = new EventTarget();
    Object.defineProperty(window, 'navigation', { value: navigation, configurable: true });
  });
  afterEach(() => {
    Reflect.deleteProperty(window, 'navigation');
  });
  /** amoCRM's router: the address changes, then the Navigation API says the current entry changed. */
  const navigate = (url: string): void => {
    setUrl(url);
    navigation.dispatchEvent(new Event('currententrychange'));
  };

  it('sets no timer while nothing happens, and follows navigation as it happens', async () => {
    start(fakeRuntime().runtime);
    await launcherUp();
    // The evidence watch starts once the page is idle (a timer where happy-dom has no
    // requestIdleCallback); after that, nothing is scheduled.
    vi.runOnlyPendingTimers();
    expect(vi.getTimerCount()).toBe(0);
    navigate('https://demo.amocrm.ru/login');
    expect(document.getElementById(LAUNCHER_ID)).toBeNull();
    navigate('https://demo.amocrm.ru/contacts');
    expect(document.querySelectorAll(`#${LAUNCHER_ID}`)).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('puts the launcher back once a redrawn menu has settled, without any navigation', async () => {
    start(fakeRuntime().runtime);
    await launcherUp();
    // The evidence watch's one start, a while after load (lib/content/page-evidence.ts).
    vi.runOnlyPendingTimers();
    page();
    await vi.advanceTimersByTimeAsync(REDRAW_SETTLE_MS - 1);
    expect(document.getElementById(LAUNCHER_ID)).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(document.querySelector('#nav_menu')?.contains(launcherButton())).toBe(true);
    // The menu emptied in place rather than replaced: put back the same way.
    document.getElementById('nav_menu')?.replaceChildren();
    await vi.advanceTimersByTimeAsync(REDRAW_SETTLE_MS);
    expect(document.querySelectorAll(`#nav_menu #${LAUNCHER_ID}`)).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('mounts at most once per settle time on a page that keeps taking the launcher out', async () => {
    start(fakeRuntime().runtime);
    await launcherUp();
    let mounts = 0;
    const fight = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof HTMLElement && node.id === LAUNCHER_ID) {
            mounts += 1;
            node.remove();
          }
        }
      }
    });
    fight.observe(document.body, { childList: true, subtree: true });
    document.getElementById(LAUNCHER_ID)?.remove();
    await vi.advanceTimersByTimeAsync(REDRAW_SETTLE_MS * 10);
    fight.disconnect();
    expect(mounts).toBeGreaterThan(0);
    expect(mounts).toBeLessThanOrEqual(10);
  });

  it('takes an orphaned launcher away at the next navigation, or when it is pressed', async () => {
    const first = fakeRuntime();
    start(first.runtime);
    await launcherUp();
    first.runtime.id = undefined;
    navigate('https://demo.amocrm.ru/contacts');
    expect(document.getElementById(LAUNCHER_ID)).toBeNull();
    expect(first.listeners.size).toBe(0);

    page();
    const second = fakeRuntime();
    start(second.runtime);
    await launcherUp();
    second.runtime.id = undefined;
    launcherButton()?.dispatchEvent(trusted(new PointerEvent('pointerdown', { button: 0, bubbles: true })));
    expect(document.getElementById(LAUNCHER_ID)).toBeNull();
    expect(document.getElementById(PANEL_FRAME_ID)).toBeNull();
    expect(second.listeners.size).toBe(0);
  });
});

describe('contentRuntime', () => {
  it('prefers Firefox’s browser.runtime, falls back to chrome.runtime, and is undefined outside an extension', () => {
    const a = fakeRuntime().runtime;
    const b = fakeRuntime().runtime;
    expect(contentRuntime({ browser: { runtime: a }, chrome: { runtime: b } })).toBe(a);
    expect(contentRuntime({ chrome: { runtime: b } })).toBe(b);
    expect(contentRuntime({})).toBeUndefined();
  });
});
