import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REPORT_SEND_MS, SEND_EVERY_MS, watchEvidence, type EvidenceBatch } from '@/lib/content/page-evidence';
import { REPORT_EVENT, SETTLE_MS } from '@/lib/content/page-world';

/** A PerformanceObserver whose entries the test hands out, as the browser does (buffered ones first). */
class FakeObserver {
  static last: FakeObserver | undefined;
  static buffered: Array<{ name: string; startTime: number }> = [];
  observing = false;
  constructor(private readonly callback: (list: { getEntries(): Array<{ name: string; startTime: number }> }) => void) {
    FakeObserver.last = this;
  }
  observe(options: { type: string; buffered?: boolean }): void {
    this.observing = options.type === 'resource';
    const entries = options.buffered ? FakeObserver.buffered : [];
    if (entries.length) setTimeout(() => this.callback({ getEntries: () => entries }), 0);
  }
  disconnect(): void {
    this.observing = false;
  }
  deliver(entries: Array<{ name: string; startTime: number }>): void {
    if (this.observing) this.callback({ getEntries: () => entries });
  }
}

const report = (widgets: string): void => {
  document.dispatchEvent(new CustomEvent(REPORT_EVENT, { detail: widgets }));
};

let life: AbortController;
beforeEach(() => {
  vi.useFakeTimers();
  life = new AbortController();
  FakeObserver.last = undefined;
  FakeObserver.buffered = [];
  Object.defineProperty(window, 'PerformanceObserver', { value: FakeObserver, configurable: true });
});
afterEach(() => {
  life.abort();
  Reflect.deleteProperty(window, 'PerformanceObserver');
  Reflect.deleteProperty(document, 'readyState');
  vi.useRealTimers();
});

describe('the evidence watch on an amoCRM page', () => {
  it('starts nothing while the page loads, and watches the traffic from SETTLE_MS after load', () => {
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    watchEvidence(window, () => undefined, life.signal);
    vi.advanceTimersByTime(SETTLE_MS * 3);
    expect(FakeObserver.last).toBeUndefined();
    Reflect.deleteProperty(document, 'readyState');
    window.dispatchEvent(new Event('load'));
    vi.advanceTimersToNextTimer();
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(FakeObserver.last).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(FakeObserver.last?.observing).toBe(true);
  });

  it('sends the page’s report and the requests found so far in one message, REPORT_SEND_MS after the report', () => {
    FakeObserver.buffered = [
      { name: 'https://api.ingru.ru/widgets/ping?account=12345', startTime: 120 },
      { name: 'https://cdn.example.com/app.js', startTime: 10 },
      { name: 'https://ingru.ru.evil.example/x', startTime: 30 },
    ];
    const batches: EvidenceBatch[] = [];
    watchEvidence(window, (batch) => batches.push(batch), life.signal);
    vi.advanceTimersToNextTimer();
    vi.advanceTimersByTime(SETTLE_MS);
    report('{"widgets":[]}');
    vi.advanceTimersByTime(REPORT_SEND_MS - 1);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.report).toBe('{"widgets":[]}');
    // Only Ingroup's own hosts; a look-alike is not one.
    expect(batches[0]?.traffic.map((hit) => hit.url)).toEqual(['https://api.ingru.ru/widgets/ping?account=12345']);
    vi.runOnlyPendingTimers();
    expect(batches).toHaveLength(1);
  });

  it('sends later requests in batches at most every SEND_EVERY_MS, and nothing once stopped', () => {
    const batches: EvidenceBatch[] = [];
    watchEvidence(window, (batch) => batches.push(batch), life.signal);
    vi.advanceTimersToNextTimer();
    vi.advanceTimersByTime(SETTLE_MS);
    FakeObserver.last?.deliver([{ name: 'https://ingru.ru/a', startTime: 1 }]);
    FakeObserver.last?.deliver([{ name: 'https://ingru.ru/b', startTime: 2 }]);
    vi.advanceTimersByTime(SEND_EVERY_MS - 1);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(batches.map((b) => b.traffic.length)).toEqual([2]);
    expect(batches[0]?.report).toBeNull();
    FakeObserver.last?.deliver([{ name: 'https://ingru.ru/c', startTime: 3 }]);
    life.abort();
    vi.runAllTimers();
    expect(batches).toHaveLength(1);
  });
});

describe('the evidence watch when the background has the page’s widget list already', () => {
  it('sends no report, and nothing at all from a page without requests to Ingroup’s hosts', () => {
    const batches: EvidenceBatch[] = [];
    watchEvidence(
      window,
      (batch) => batches.push(batch),
      life.signal,
      () => false,
    );
    vi.advanceTimersToNextTimer();
    vi.advanceTimersByTime(SETTLE_MS);
    report('{"widgets":[]}');
    vi.runOnlyPendingTimers();
    vi.advanceTimersByTime(SEND_EVERY_MS * 3);
    expect(batches).toEqual([]);
    // Requests to Ingroup's hosts still go, without the report.
    FakeObserver.last?.deliver([{ name: 'https://ingru.ru/a', startTime: 1 }]);
    vi.advanceTimersByTime(SEND_EVERY_MS);
    expect(batches.map((b) => [b.report, b.traffic.length])).toEqual([[null, 1]]);
  });
});
