const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** What Tab can reach in `container`, in document order: enabled, rendered and not hidden. */
function tabbable(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.matches(':disabled') && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
  );
}

/**
 * Keeps Tab and Shift+Tab inside a modal dialog, so keyboard focus never falls through to the amoCRM
 * page behind the panel. Every Tab is moved here rather than left to the browser: its own order can
 * step past the dialog's last control into the page (an element the browser skips but a selector
 * still matches, or controls that change while the panel refreshes).
 */
export function trapTab(event: KeyboardEvent, container: HTMLElement | null): void {
  if (event.key !== 'Tab' || !container) return;
  const focusable = tabbable(container);
  if (focusable.length === 0) return;
  event.preventDefault();
  const active = document.activeElement;
  const at = focusable.findIndex((el) => el === active);
  const step = event.shiftKey ? -1 : 1;
  // From outside the list (the title, the frame's body, a control just removed): the first control
  // after the focus in document order, or the last before it with Shift.
  const next =
    at >= 0 ? (at + step + focusable.length) % focusable.length : insertionPoint(focusable, active, event.shiftKey);
  focusable[next]?.focus();
}

function insertionPoint(focusable: HTMLElement[], active: Element | null, back: boolean): number {
  if (!active || active === document.body) return back ? focusable.length - 1 : 0;
  const after = focusable.findIndex(
    (el) => (active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0,
  );
  if (back) return after === -1 ? focusable.length - 1 : (after - 1 + focusable.length) % focusable.length;
  return after === -1 ? 0 : after;
}
