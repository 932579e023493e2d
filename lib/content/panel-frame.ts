/**
 * The panel overlay: an extension page in an iframe (WXT `createIframeUi`), so amoCRM's own
 * scripts can neither read nor click into it (DESIGN §2).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import type { Lang } from '../i18n/launcher';

export interface PanelFrame {
  open(): void;
  close(): void;
  isOpen(): boolean;
}

export function createPanelFrame(ctx: ContentScriptContext, host: string, lang: Lang, onClosed: () => void): PanelFrame {
  let open = false;
  const ui = createIframeUi(ctx, {
    page: '/panel.html',
    position: 'modal',
    zIndex: 2147483647,
    onBeforeMount: (_wrapper, iframe) => {
      const url = new URL(browser.runtime.getURL('/panel.html'));
      url.searchParams.set('host', host);
      url.searchParams.set('lang', lang);
      iframe.src = url.href;
      iframe.title = lang === 'ru' ? 'Конфиденциальность: виджеты Ingroup' : 'Privacy: Ingroup widgets';
      Object.assign(iframe.style, { width: '100%', height: '100%', border: '0', colorScheme: 'normal' });
      iframe.setAttribute('allowtransparency', 'true');
    },
    onMount: (_wrapper, iframe) => {
      iframe.addEventListener('load', () => iframe.focus(), { once: true });
    },
  });
  return {
    open: () => {
      if (open) return;
      open = true;
      ui.mount();
    },
    close: () => {
      if (!open) return;
      open = false;
      ui.remove();
      onClosed();
    },
    isOpen: () => open,
  };
}
