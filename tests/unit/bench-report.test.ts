// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { README_END, README_START, withReadmeTable } from '../../scripts/bench/report.mjs';

const rows = [
  { figure: 'Content script, gzipped', measured: '2.3 KB', budget: '≤ 10 KB', ok: true },
  {
    figure: 'Added main-thread time | per load',
    measured: '17.0 ms',
    budget: '≤ 5 ms',
    ok: false,
    note: 'empty script 4.8 ms',
  },
];

describe('the README’s budgets table', () => {
  it('is replaced between its markers and nowhere else', () => {
    const readme = `# Title\n\nBefore.\n\n${README_START}\nold table\n${README_END}\n\nAfter.\n`;
    const out = withReadmeTable(readme, rows, '2026-11-25 10:30 UTC');
    expect(out.startsWith('# Title\n\nBefore.\n\n')).toBe(true);
    expect(out.endsWith('\n\nAfter.\n')).toBe(true);
    expect(out).not.toContain('old table');
    expect(out).toContain('| Content script, gzipped | 2.3 KB | ≤ 10 KB | ✔ within |');
    expect(out).toContain(
      '| Added main-thread time \\| per load<br><small>empty script 4.8 ms</small> | 17.0 ms | ≤ 5 ms | ✖ over |',
    );
    expect(out).toContain('Last run: 2026-11-25 10:30 UTC');
    // A second run replaces the first run's table rather than adding another.
    expect(withReadmeTable(out, rows, 'later').match(/\| Figure \|/g)).toHaveLength(1);
  });

  it('says what is missing when the markers are not there', () => {
    expect(() => withReadmeTable('# Title\n', rows, 'now')).toThrow(/no <!-- bench:start/);
  });
});

describe('the page-load figure’s spread', () => {
  it('is given as quartiles of the load-by-load differences', async () => {
    const { quartiles } = await import('../../scripts/bench/browser.mjs');
    expect(quartiles([8, 1, 7, 2, 6, 3, 5, 4])).toEqual([2.5, 4.5, 6.5]);
    expect(quartiles([5, 1, 3])).toEqual([1, 3, 5]);
  }, 30_000); // the first import transforms the bench script, which takes seconds when the machine is busy
});
