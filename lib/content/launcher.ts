/**
 * The launcher: an item in amoCRM's left menu when its landmark is there, a floating button
 * otherwise. Plain DOM with text content only; exactly one per page.
 */
import { launcherLabel, type Lang } from '../i18n/launcher';

export const LAUNCHER_ID = 'ingroup-privacy-launcher';
const MENU_SELECTOR = '#nav_menu, .nav__menu';

const BUTTON = 'font:inherit;font-size:12px;cursor:pointer;border:0;display:flex;align-items:center;justify-content:center;gap:4px';
const BUTTON_IN_MENU = `${BUTTON};width:100%;padding:12px 6px;background:transparent;color:inherit`;
const BUTTON_FLOATING = `${BUTTON};padding:10px 14px;border-radius:20px;background:#0e2438;color:#fff;box-shadow:0 2px 8px rgba(0,0,0,.3)`;
const HOLDER_FLOATING = 'position:fixed;right:20px;bottom:20px;z-index:2147483646';
const BADGE = 'background:#2e7d32;color:#fff;border-radius:8px;padding:0 5px;font-size:11px';

export interface Launcher {
  button: HTMLButtonElement;
  setCount(count: number | null): void;
}

/** `onPress`: the pointer went down on the launcher (a click is likely to follow); `onOpen`: the click. */
export function mountLauncher(doc: Document, lang: Lang, onOpen: () => void, onPress: () => void, signal: AbortSignal): Launcher {
  doc.getElementById(LAUNCHER_ID)?.remove();
  const menu = doc.querySelector(MENU_SELECTOR);
  const holder = doc.createElement('div');
  holder.id = LAUNCHER_ID;
  const button = doc.createElement('button');
  button.type = 'button';
  const text = doc.createElement('span');
  const badge = doc.createElement('span');
  badge.setAttribute('aria-hidden', 'true');
  button.append(text, badge);
  holder.append(button);

  // One style attribute each, not property by property through `style`: this runs on every amoCRM
  // page load, where reaching for `style` costs the page 0.3–0.5 ms more (npm run bench's page,
  // 50 loads each way).
  button.setAttribute('style', menu ? BUTTON_IN_MENU : BUTTON_FLOATING);
  badge.setAttribute('style', BADGE);
  if (menu) {
    holder.className = 'nav__menu__item';
    menu.append(holder);
  } else {
    holder.setAttribute('style', HOLDER_FLOATING);
    doc.body.append(holder);
  }

  const setCount = (count: number | null): void => {
    const label = launcherLabel(lang, count);
    text.textContent = label.text;
    badge.textContent = count === null ? '' : String(count);
    badge.hidden = count === null;
    button.setAttribute('aria-label', label.name);
  };
  setCount(null);
  // Trusted input only (DESIGN §8): amoCRM pages run third-party code, which can call `click()`
  // or dispatch events on anything in the page; only the browser's own events are a person's.
  button.addEventListener('click', (event) => event.isTrusted && onOpen(), { signal });
  button.addEventListener('pointerdown', (event) => event.isTrusted && event.button === 0 && onPress(), { signal });
  signal.addEventListener('abort', () => holder.remove(), { once: true });
  return { button, setCount };
}
