import { useEffect, useState } from 'preact/hooks';

/**
 * How many times the panel has been shown: 0 while it loads hidden (the page prepares it when the
 * launcher is pressed), 1 once it first appears, one more each time the page shows the kept frame
 * again after a close (lib/content/panel-frame.ts). Seen from inside the frame — a hidden frame
 * does not intersect the viewport — so the page has no way to tell the panel anything.
 */
export function useShownCount(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let visible = false;
    // The first report comes right after observe(), shown or not.
    const observer = new IntersectionObserver((entries) => {
      const now = entries.some((entry) => entry.isIntersecting);
      if (now && !visible) setCount((n) => n + 1);
      visible = now;
    });
    observer.observe(document.documentElement);
    return () => observer.disconnect();
  }, []);
  return count;
}
