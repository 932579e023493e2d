import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPanelFrame, PANEL_FRAME_ID } from '@/lib/content/panel-frame';

const frameOf = (): HTMLIFrameElement | null => document.querySelector<HTMLIFrameElement>(`#${PANEL_FRAME_ID} iframe`);

describe('the panel frame, as the amoCRM page sees it', () => {
  beforeEach(() => {
    // happy-dom does not load frames and says so on the console.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    document.body.replaceChildren();
  });

  it('in Chromium, points its src at the per-session dynamic URL (use_dynamic_url)', () => {
    const url = 'chrome-extension://dynamic-session-id/panel.html?host=demo.amocrm.ru&lang=ru';
    createPanelFrame(
      document,
      () => url,
      () => 'ru',
      () => undefined,
    ).open();
    expect(frameOf()?.getAttribute('src')).toBe(url);
  });

  it('in Firefox, shows the page no src with the install’s moz-extension UUID, and sends the frame there itself', () => {
    const url = 'moz-extension://2f6e1c1a-0000-4000-8000-000000000001/panel.html?host=demo.amocrm.ru&lang=ru';
    const replace = vi.fn();
    const create = document.createElement.bind(document);
    vi.spyOn(document, 'createElement').mockImplementation((tag: string) => {
      const element = create(tag);
      if (tag === 'iframe') Object.defineProperty(element, 'contentWindow', { value: { location: { replace } } });
      return element;
    });
    createPanelFrame(
      document,
      () => url,
      () => 'ru',
      () => undefined,
    ).open();
    expect(frameOf()?.getAttribute('src')).toBeNull();
    expect(new XMLSerializer().serializeToString(document)).not.toContain('2f6e1c1a');
    expect(replace).toHaveBeenCalledWith(url);
  });
});
