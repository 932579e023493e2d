import { afterEach, describe, expect, it, vi } from 'vitest';
import { benchSkips } from '@/lib/content/bench-parts';

const setUrl = (url: string): void =>
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);

afterEach(() => {
  vi.unstubAllGlobals();
  setUrl('https://demo.amocrm.ru/leads');
});

describe('the bench’s switches for the parts of the content scripts', () => {
  it('turn nothing off outside the bench’s own build, whatever the page’s address says', () => {
    setUrl('https://demo.amocrm.ru/leads?bench-skip=launcher,seen');
    expect(benchSkips(window, 'launcher')).toBe(false);
    vi.stubGlobal('__BENCH_PARTS__', false);
    expect(benchSkips(window, 'launcher')).toBe(false);
  });

  it('in the bench’s build, turn off exactly the parts the address names', () => {
    vi.stubGlobal('__BENCH_PARTS__', true);
    setUrl('https://demo.amocrm.ru/leads?bench-skip=launcher,seen');
    expect(benchSkips(window, 'launcher')).toBe(true);
    expect(benchSkips(window, 'seen')).toBe(true);
    expect(benchSkips(window, 'evidence')).toBe(false);
    setUrl('https://demo.amocrm.ru/leads');
    expect(benchSkips(window, 'launcher')).toBe(false);
  });
});
