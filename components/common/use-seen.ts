import { useEffect, useState, type MutableRef } from 'preact/hooks';

/** IntersectionObserver v2 (Chromium): whether the element is really seen — not covered, transparent, or transformed. */
interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

/**
 * Whether the person can see `ref`'s element, where the browser can tell: the page around the
 * panel's frame may make it transparent or put something over it (DESIGN §8). True, false, or
 * null where the browser has no IntersectionObserver v2 (Firefox): then nobody can tell.
 */
export function useSeen(ref: MutableRef<HTMLElement | null>): boolean | null {
  const [seen, setSeen] = useState<boolean | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const options = { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit;
    const observer = new IntersectionObserver((entries) => {
      const entry: VisibilityEntry | undefined = entries[entries.length - 1];
      if (entry) setSeen(typeof entry.isVisible === 'boolean' ? entry.isVisible && entry.isIntersecting : null);
    }, options);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return seen;
}
