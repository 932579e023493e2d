// @vitest-environment node
/**
 * `npm run lint` fails on an import cycle, type-only imports included (scripts/cycles.mjs): shown
 * on two fixtures, one with a cycle closed by an `import type`, one with the shared type moved out.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function cycles(glob: string): { status: number | null; output: string } {
  const res = spawnSync('node', ['scripts/cycles.mjs', glob], {
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  return { status: res.status, output: `${res.stdout}${res.stderr}` };
}

describe('the import-cycle check', () => {
  it('fails on a cycle closed by a type-only import, and names it', () => {
    const { status, output } = cycles('tests/fixtures/cycle/*.ts');
    expect(status).toBe(1);
    expect(output).toMatch(/tests\/fixtures\/cycle\/(store|table)\.ts -> tests\/fixtures\/cycle\/(table|store)\.ts/);
    expect(output).toMatch(/Import cycle/);
  });

  it('passes once the shared type lives in a module of its own', () => {
    expect(cycles('tests/fixtures/no-cycle/*.ts').status).toBe(0);
  });
});
