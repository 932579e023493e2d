/**
 * Virtual time for the limiter and client: `sleep` parks a timer, `run` moves the clock to the
 * next timer whenever everything else is waiting. No real waiting, no flaky timing.
 */
export class FakeClock {
  t = 0;
  private timers: Array<{ at: number; seq: number; resolve: () => void }> = [];
  private seq = 0;

  readonly now = (): number => this.t;

  readonly sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve });
    });

  /** Settles `promise`, advancing virtual time as needed. */
  async run<T>(promise: Promise<T>): Promise<T> {
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (settled) return promise;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift();
      if (!next) throw new Error('Nothing scheduled, yet the promise is still pending');
      this.t = Math.max(this.t, next.at);
      next.resolve();
    }
  }
}
