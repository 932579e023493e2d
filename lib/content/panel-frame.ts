/**
 * The panel overlay: an extension page in an iframe, so amoCRM's own scripts can neither read nor
 * click into it (DESIGN §2). Created on the first open, removed on close — nothing waits on the page.
 */
import type { Lang } from '../i18n/launcher';

export interface PanelFrame {
  open(): void;
  close(): void;
}

export const PANEL_FRAME_ID = 'ingroup-privacy-panel';

export function createPanelFrame(doc: Document, panelUrl: () => string, lang: Lang, onClosed: () => void): PanelFrame {
  let holder: HTMLDivElement | null = null;
  return {
    open: () => {
      if (holder?.isConnected) return;
      holder = doc.createElement('div');
      holder.id = PANEL_FRAME_ID;
      holder.style.cssText = 'position:fixed;inset:0;z-index:2147483647;display:block';
      const iframe = doc.createElement('iframe');
      iframe.src = panelUrl();
      iframe.title = lang === 'ru' ? 'Конфиденциальность: виджеты Ingroup' : 'Privacy: Ingroup widgets';
      iframe.style.cssText = 'width:100%;height:100%;border:0;color-scheme:normal;display:block';
      iframe.setAttribute('allowtransparency', 'true');
      iframe.addEventListener('load', () => iframe.focus(), { once: true });
      holder.append(iframe);
      doc.body.append(holder);
    },
    close: () => {
      if (!holder) return;
      const wasOpen = holder.isConnected;
      holder.remove();
      holder = null;
      if (wasOpen) onClosed();
    },
  };
}
