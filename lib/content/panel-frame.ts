/**
 * The panel overlay: an extension page in an iframe, so amoCRM's own scripts can neither read nor
 * click into it (DESIGN §2). Created on the first open; a close hides it, so opening it again shows
 * the panel at once (still subscribed to the background, so never stale). A frame left hidden for
 * `DROP_HIDDEN_MS` is removed, and nothing waits on the page.
 */
import type { Lang } from '../i18n/launcher';

export interface PanelFrame {
  open(): void;
  /** Hides the panel, returning focus to the page (see `onClosed`). */
  close(): void;
  /** Removes the frame altogether (the extension was reloaded, or it stayed hidden long enough). */
  destroy(): void;
}

export const PANEL_FRAME_ID = 'ingroup-privacy-panel';
/** How long a closed panel is kept, hidden, for a quick reopen. */
export const DROP_HIDDEN_MS = 10 * 60_000;

export function createPanelFrame(doc: Document, panelUrl: () => string, lang: Lang, onClosed: () => void): PanelFrame {
  let holder: HTMLDivElement | null = null;
  let iframe: HTMLIFrameElement | null = null;
  let drop: number | undefined;
  const win = doc.defaultView ?? window;
  const destroy = (): void => {
    win.clearTimeout(drop);
    holder?.remove();
    holder = iframe = null;
  };
  return {
    open: () => {
      win.clearTimeout(drop);
      if (holder?.isConnected && iframe) {
        if (holder.style.display === 'none') {
          holder.style.display = 'block';
          iframe.focus();
        }
        return;
      }
      destroy();
      holder = doc.createElement('div');
      holder.id = PANEL_FRAME_ID;
      holder.style.cssText = 'position:fixed;inset:0;z-index:2147483647;display:block';
      const frame = doc.createElement('iframe');
      frame.src = panelUrl();
      frame.title = lang === 'ru' ? 'Конфиденциальность: виджеты Ingroup' : 'Privacy: Ingroup widgets';
      frame.style.cssText = 'width:100%;height:100%;border:0;color-scheme:normal;display:block';
      frame.setAttribute('allowtransparency', 'true');
      frame.addEventListener('load', () => frame.focus(), { once: true });
      holder.append(frame);
      doc.body.append(holder);
      iframe = frame;
    },
    close: () => {
      if (!holder?.isConnected || holder.style.display === 'none') return;
      holder.style.display = 'none';
      drop = win.setTimeout(destroy, DROP_HIDDEN_MS);
      onClosed();
    },
    destroy,
  };
}
