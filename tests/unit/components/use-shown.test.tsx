import { act, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useShownCount } from '@/components/panel/use-shown';

/** An IntersectionObserver the test drives: `report(true)` as when the page shows the frame. */
function fakeObserver() {
  const observers: Array<{ callback: IntersectionObserverCallback; targets: Element[]; disconnected: boolean }> = [];
  class Fake {
    private readonly entry: (typeof observers)[number];
    constructor(callback: IntersectionObserverCallback) {
      this.entry = { callback, targets: [], disconnected: false };
      observers.push(this.entry);
    }
    observe(target: Element): void {
      this.entry.targets.push(target);
    }
    disconnect(): void {
      this.entry.disconnected = true;
    }
  }
  vi.stubGlobal('IntersectionObserver', Fake);
  const report = (isIntersecting: boolean): void => {
    void act(() => {
      for (const o of observers.filter((x) => !x.disconnected)) {
        o.callback(
          o.targets.map((target) => ({ target, isIntersecting }) as IntersectionObserverEntry),
          {} as IntersectionObserver,
        );
      }
    });
  };
  return { observers, report };
}

function Probe(): preact.JSX.Element {
  return <p>shown {useShownCount()}</p>;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('useShownCount', () => {
  it('counts each time the panel is shown: none while it loads hidden, then one per showing', () => {
    const { observers, report } = fakeObserver();
    render(<Probe />);
    expect(observers[0]?.targets).toEqual([document.documentElement]);
    expect(screen.getByText('shown 0')).toBeTruthy();
    // Prepared hidden when the launcher was pressed: not shown yet.
    report(false);
    expect(screen.getByText('shown 0')).toBeTruthy();
    report(true);
    expect(screen.getByText('shown 1')).toBeTruthy();
    report(true);
    expect(screen.getByText('shown 1')).toBeTruthy();
    report(false);
    report(false);
    expect(screen.getByText('shown 1')).toBeTruthy();
    report(true);
    expect(screen.getByText('shown 2')).toBeTruthy();
  });

  it('counts the first showing when the panel was shown from the start', () => {
    const { report } = fakeObserver();
    render(<Probe />);
    report(true);
    expect(screen.getByText('shown 1')).toBeTruthy();
  });

  it('stops watching when the panel goes away', () => {
    const { observers } = fakeObserver();
    const { unmount } = render(<Probe />);
    unmount();
    expect(observers.every((o) => o.disconnected)).toBe(true);
  });
});
