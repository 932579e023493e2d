/**
 * The launcher: an item in amoCRM's left menu when its landmark is there, a floating button
 * otherwise. Plain DOM with text content only; exactly one per page.
 */
import { launcherLabel, type Lang } from '../i18n/launcher';

export const LAUNCHER_ID = 'ingroup-privacy-launcher';
const MENU_SELECTOR = '#nav_menu, .nav__menu';

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

  Object.assign(button.style, {
    font: 'inherit', fontSize: '12px', cursor: 'pointer', border: '0', display: 'flex',
    alignItems: 'center', justifyContent: 'center', gap: '4px',
  });
  Object.assign(badge.style, { background: '#2e7d32', color: '#fff', borderRadius: '8px', padding: '0 5px', fontSize: '11px' });
  if (menu) {
    holder.className = 'nav__menu__item';
    Object.assign(button.style, { width: '100%', padding: '12px 6px', background: 'transparent', color: 'inherit' });
    menu.append(holder);
  } else {
    Object.assign(holder.style, { position: 'fixed', right: '20px', bottom: '20px', zIndex: '2147483646' });
    Object.assign(button.style, {
      padding: '10px 14px', borderRadius: '20px', background: '#0e2438', color: '#fff', boxShadow: '0 2px 8px rgba(0,0,0,.3)',
    });
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
  button.addEventListener('click', onOpen, { signal });
  button.addEventListener('pointerdown', (event) => event.button === 0 && onPress(), { signal });
  signal.addEventListener('abort', () => holder.remove(), { once: true });
  return { button, setCount };
}
