/**
 * The launcher: an item of amoCRM's left menu built as its neighbours are —
 * `div.nav__menu__item › a.nav__menu__item__link › .nav__menu__item__icon + .nav__menu__item__title`
 * (DESIGN §3) — so amoCRM's own styles give it their colours in the light and the dark theme, with
 * the count as a badge and `nav__menu__item-selected` while the panel is open. A floating button
 * where the menu is not there. Plain DOM with text content only; exactly one per page.
 */
import { launcherLabel } from '../i18n/launcher';
import type { Lang } from '../vocabulary';

export const LAUNCHER_ID = 'ingroup-privacy-launcher';
const MENU_SELECTOR = '#nav_menu, .nav__menu';
const SELECTED = 'nav__menu__item-selected';
const SVG = 'http://www.w3.org/2000/svg';
/** A shield: the extension's mark, drawn in the menu's own text colour. */
const SHIELD = 'M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Zm0 4.2 4.8 1.8v3.7c0 3.2-2 6.2-4.8 7.4V6.2Z';

// One style attribute each, not property by property through `style`: this runs on every amoCRM
// page load, where reaching for `style` costs the page 0.3–0.5 ms more (npm run bench's page).
// In the menu only what amoCRM's classes cannot know: a link that opens a dialog, an icon of our
// own, a badge. Colours, sizes and the selected background come from amoCRM's stylesheet.
const LINK_IN_MENU = 'cursor:pointer;position:relative';
const ICON = 'display:flex;align-items:center;justify-content:center;background:none';
const BADGE_IN_MENU =
  'position:absolute;top:4px;right:9px;min-width:16px;height:16px;padding:0 4px;box-sizing:border-box;border-radius:8px;background:#2e7d32;color:#fff;font:600 10px/16px Arial,sans-serif;text-align:center';
const LINK_FLOATING =
  'font:13px Arial,sans-serif;cursor:pointer;display:flex;align-items:center;gap:6px;padding:10px 14px;border-radius:20px;background:#0e2438;color:#fff;text-decoration:none;box-shadow:0 2px 8px rgba(0,0,0,.3)';
const BADGE_FLOATING = 'background:#2e7d32;color:#fff;border-radius:8px;padding:0 5px;font-size:11px';
const HOLDER_FLOATING = 'position:fixed;right:20px;bottom:20px;z-index:2147483646';

export interface Launcher {
  /** The control itself (a link with the role of a button, as amoCRM's menu items are links). */
  button: HTMLElement;
  setCount(count: number | null): void;
  /** Shown as amoCRM's selected item while the panel is open. */
  setSelected(selected: boolean): void;
}

function shieldIcon(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '22');
  svg.setAttribute('height', '22');
  svg.setAttribute('fill', 'currentColor');
  const path = doc.createElementNS(SVG, 'path');
  path.setAttribute('d', SHIELD);
  svg.append(path);
  return svg;
}

/** `onPress`: the pointer went down on the launcher (a click is likely to follow); `onOpen`: the click. */
export function mountLauncher(
  doc: Document,
  lang: Lang,
  onOpen: () => void,
  onPress: () => void,
  signal: AbortSignal,
): Launcher {
  doc.getElementById(LAUNCHER_ID)?.remove();
  const menu = doc.querySelector(MENU_SELECTOR);
  const holder = doc.createElement('div');
  holder.id = LAUNCHER_ID;
  const link = doc.createElement('a');
  // Attributes rather than `href`, `dataset` or `style` properties: each property interface a
  // content script first reaches for is built anew in its isolated world, on every page load.
  link.setAttribute('href', '#');
  link.setAttribute('role', 'button');
  link.setAttribute('aria-haspopup', 'dialog');
  const icon = doc.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  const title = doc.createElement('span');
  const badge = doc.createElement('span');
  badge.setAttribute('aria-hidden', 'true');
  holder.append(link);

  if (menu) {
    holder.className = 'nav__menu__item';
    holder.setAttribute('data-entity', 'ingroup-privacy');
    link.className = 'nav__menu__item__link';
    link.setAttribute('style', LINK_IN_MENU);
    icon.className = 'nav__menu__item__icon';
    icon.setAttribute('style', ICON);
    icon.append(shieldIcon(doc));
    title.className = 'nav__menu__item__title';
    badge.setAttribute('style', BADGE_IN_MENU);
    link.append(icon, title, badge);
    // Where amoCRM puts widgets' items: after the leads; at the end of a menu without them.
    const leads = menu.querySelector(':scope > [data-entity="leads"]');
    if (leads) leads.after(holder);
    else menu.append(holder);
  } else {
    link.setAttribute('style', LINK_FLOATING);
    badge.setAttribute('style', BADGE_FLOATING);
    link.append(title, badge);
    holder.setAttribute('style', HOLDER_FLOATING);
    doc.body.append(holder);
  }

  const setCount = (count: number | null): void => {
    const label = launcherLabel(lang, count);
    title.textContent = label.text;
    badge.textContent = count === null ? '' : String(count);
    badge.hidden = count === null;
    link.setAttribute('aria-label', label.name);
  };
  const setSelected = (selected: boolean): void => {
    holder.classList.toggle(SELECTED, selected && menu !== null);
    link.setAttribute('aria-expanded', String(selected));
  };
  setCount(null);
  // Trusted input only (DESIGN §8): amoCRM pages run third-party code, which can call `click()`
  // or dispatch events on anything in the page; only the browser's own events are a person's.
  link.addEventListener(
    'click',
    (event) => {
      // A link to nowhere: neither the browser nor amoCRM's router may follow it.
      event.preventDefault();
      event.stopPropagation();
      if (event.isTrusted) onOpen();
    },
    { signal },
  );
  // A button answers Space as well as Enter.
  link.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== ' ' || !event.isTrusted) return;
      event.preventDefault();
      onOpen();
    },
    { signal },
  );
  link.addEventListener('pointerdown', (event) => event.isTrusted && event.button === 0 && onPress(), { signal });
  signal.addEventListener('abort', () => holder.remove(), { once: true });
  return { button: link, setCount, setSelected };
}
