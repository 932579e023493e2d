/**
 * The panel overlay: an extension page in an iframe, so amoCRM's own scripts can neither read nor
 * click into it (DESIGN §2). Created when the launcher is pressed, hidden, so it loads while the
 * button comes up (a person's click lasts about a tenth of a second), and shown on the click; a close
 * hides it, so opening it again shows the panel at once (still subscribed to the background, so
 * never stale). A frame left hidden for `DROP_HIDDEN_MS` is removed, and nothing waits on the page.
 */
import type { Lang } from '../vocabulary';

export interface PanelFrame {
  /** Starts loading the panel, hidden, when a click is on its way (the launcher is pressed). */
  prepare(): void;
  open(): void;
  /** Hides the panel, returning focus to the page (see `onClosed`). */
  close(): void;
  /** Removes the frame altogether (the extension was reloaded, or it stayed hidden long enough). */
  destroy(): void;
}

export const PANEL_FRAME_ID = 'ingroup-privacy-panel';
const FIREFOX_SCHEME = 'moz-extension:';
/** How long a closed (or prepared and never opened) panel is kept, hidden, for a quick open. */
export const DROP_HIDDEN_MS = 10 * 60_000;

export function createPanelFrame(
  doc: Document,
  panelUrl: () => string,
  lang: () => Lang,
  onClosed: () => void,
): PanelFrame {
  let holder: HTMLDivElement | null = null;
  let iframe: HTMLIFrameElement | null = null;
  let drop: number | undefined;
  const win = doc.defaultView ?? window;
  const destroy = (): void => {
    win.clearTimeout(drop);
    holder?.remove();
    holder = iframe = null;
  };
  const hidden = (): boolean => holder?.style.display === 'none';
  const hide = (): void => {
    if (holder) holder.style.display = 'none';
    drop = win.setTimeout(destroy, DROP_HIDDEN_MS);
  };
  /** The frame, built if it is not in the page (amoCRM may have redrawn its body). */
  const ensure = (): HTMLIFrameElement => {
    if (holder?.isConnected && iframe) return iframe;
    destroy();
    holder = doc.createElement('div');
    holder.id = PANEL_FRAME_ID;
    holder.style.cssText = 'position:fixed;inset:0;z-index:2147483647;display:block';
    const frame = doc.createElement('iframe');
    const url = panelUrl();
    if (!url.startsWith(FIREFOX_SCHEME)) frame.src = url;
    frame.title = lang() === 'ru' ? 'Конфиденциальность: виджеты Ingroup' : 'Privacy: Ingroup widgets';
    frame.style.cssText = 'width:100%;height:100%;border:0;color-scheme:normal;display:block';
    frame.setAttribute('allowtransparency', 'true');
    frame.addEventListener('load', () => frame.focus(), { once: true });
    holder.append(frame);
    doc.body.append(holder);
    // Firefox has no `use_dynamic_url`: a src would show the page this install's lasting
    // moz-extension UUID. The frame goes there from the content script instead, in the same task,
    // so the page sees an empty src and then a cross-origin frame (docs/firefox.md).
    if (url.startsWith(FIREFOX_SCHEME)) frame.contentWindow?.location.replace(url);
    iframe = frame;
    return frame;
  };
  return {
    prepare: () => {
      if (holder?.isConnected) return;
      ensure();
      hide();
    },
    open: () => {
      win.clearTimeout(drop);
      const wasHidden = hidden() && holder?.isConnected;
      const frame = ensure();
      if (wasHidden && holder) {
        holder.style.display = 'block';
        frame.focus();
      }
    },
    close: () => {
      if (!holder?.isConnected || hidden()) return;
      hide();
      onClosed();
    },
    destroy,
  };
}
