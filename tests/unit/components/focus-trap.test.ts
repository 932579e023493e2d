import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trapTab } from '@/components/common/focus-trap';

/** A dialog with a title (not a Tab stop), three controls, and controls Tab cannot reach. */
function dialog(): { root: HTMLElement; byId: (id: string) => HTMLElement } {
  document.body.innerText = '';
  const root = document.createElement('div');
  const add = (tag: string, id: string, setup: (el: HTMLElement) => void = () => undefined): void => {
    const el = document.createElement(tag);
    el.id = id;
    setup(el);
    root.append(el);
  };
  add('h1', 'title', (el) => el.setAttribute('tabindex', '-1'));
  add('button', 'lang');
  add('a', 'policy', (el) => el.setAttribute('href', '#policy'));
  add('button', 'off', (el) => el.setAttribute('disabled', ''));
  add('button', 'close');
  add('button', 'invisible', (el) => (el.style.visibility = 'hidden'));
  add('button', 'unrendered', (el) => el.setAttribute('data-unrendered', ''));
  document.body.append(root);
  return { root, byId: (id) => document.getElementById(id) as HTMLElement };
}

function tab(root: HTMLElement, shiftKey = false): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, cancelable: true });
  trapTab(event, root);
  return event;
}

describe('the panel keeps Tab inside its dialog', () => {
  beforeEach(() => {
    // happy-dom lays nothing out: an element is rendered unless it is marked otherwise.
    vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
      return (this.hasAttribute('data-unrendered') ? [] : [{}]) as unknown as DOMRectList;
    });
  });
  afterEach(() => {
    document.body.innerText = '';
  });

  it.each([
    { from: 'title', shift: false, to: 'lang' },
    { from: 'lang', shift: false, to: 'policy' },
    { from: 'policy', shift: false, to: 'close' },
    { from: 'close', shift: false, to: 'lang' },
    { from: 'lang', shift: true, to: 'close' },
    { from: 'close', shift: true, to: 'policy' },
    { from: 'title', shift: true, to: 'close' },
  ])('moves from $from to $to (Shift: $shift), skipping what Tab cannot reach', ({ from, shift, to }) => {
    const { root, byId } = dialog();
    byId(from).focus();
    const event = tab(root, shift);
    expect(event.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(byId(to));
  });

  it('brings the focus back in from the page body', () => {
    const { root, byId } = dialog();
    (document.activeElement as HTMLElement | null)?.blur();
    tab(root);
    expect(document.activeElement).toBe(byId('lang'));
    (document.activeElement as HTMLElement | null)?.blur();
    tab(root, true);
    expect(document.activeElement).toBe(byId('close'));
  });

  it('leaves other keys, and a dialog with nothing to reach, to the browser', () => {
    const { root, byId } = dialog();
    byId('lang').focus();
    const enter = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true });
    trapTab(enter, root);
    expect(enter.defaultPrevented).toBe(false);
    const empty = document.createElement('div');
    document.body.append(empty);
    expect(tab(empty).defaultPrevented).toBe(false);
    expect(document.activeElement).toBe(byId('lang'));
  });
});
