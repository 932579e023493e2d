/**
 * axe-core's WCAG 2.x A/AA check of a page or frame. Extension pages forbid inline scripts (their
 * CSP), so axe's source is evaluated through the DevTools protocol (`evaluate`), which the page's
 * CSP does not govern.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/**
 * axe's violations in a page or frame, as readable lines: rule, impact, node, what to fix.
 * Checks first that the page really renders in the colour scheme asked for.
 */
export async function violations(target: Page | Frame, scheme: 'light' | 'dark' = 'light'): Promise<string[]> {
  const dark = await target.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  if (dark !== (scheme === 'dark')) throw new Error(`${target.url()} did not render in the ${scheme} scheme`);
  await target.evaluate(AXE_SOURCE);
  const found = (await target.evaluate(async (tags: string[]) => {
    const axe = (
      globalThis as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations;
  }, TAGS)) as Violation[];
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)} — ${v.help}`));
}
