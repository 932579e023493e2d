/**
 * Accessibility (DESIGN §10): axe-core finds no WCAG 2.x A/AA violation in the panel (in its
 * frame), the popup or the options page — in Russian and English, light and dark.
 *
 * Extension pages forbid inline scripts (their CSP), so axe's source is evaluated through the
 * DevTools protocol (`evaluate`), which the page's CSP does not govern.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmoPage, extensionUrl, launch, startStack, type Launched, type Stack } from './support/extension';

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
async function violations(target: Page | Frame, scheme: 'light' | 'dark' = 'light'): Promise<string[]> {
  const dark = await target.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  if (dark !== (scheme === 'dark')) throw new Error(`${target.url()} did not render in the ${scheme} scheme`);
  await target.evaluate(AXE_SOURCE);
  const found = (await target.evaluate(async (tags: string[]) => {
    const axe = (globalThis as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations;
  }, TAGS)) as Violation[];
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)} — ${v.help}`));
}

const SCHEMES = ['light', 'dark'] as const;
const LANGS = [
  { lang: 'ru', locale: 'ru-RU', account: 'https://demo-a11y.amocrm.ru/leads', close: 'Закрыть' },
  { lang: 'en', locale: 'en-US', account: 'https://en-a11y.kommo.com/leads', close: 'Close' },
] as const;

describe.each(LANGS)('accessibility in $lang', ({ locale, account }) => {
  let stack: Stack;
  let browser: Launched;
  beforeAll(async () => {
    stack = await startStack();
    browser = await launch(stack, { locale });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it.each(SCHEMES)('the panel has no axe violation (%s)', async (scheme) => {
    const amo = await AmoPage.open(browser, account);
    await amo.page.emulateMedia({ colorScheme: scheme });
    const panel = await amo.openPanel();
    await panel.getByRole('article').first().waitFor();
    const frame = amo.page.frames().find((f) => f.url().includes('panel.html'));
    expect(frame).toBeDefined();
    await expect(violations(frame!, scheme)).resolves.toEqual([]);
    await amo.page.close();
  });

  it.each(SCHEMES)('the popup has no axe violation (%s)', async (scheme) => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(extensionUrl(browser, 'popup.html'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(200);
    await expect(violations(page, scheme)).resolves.toEqual([]);
    await page.close();
  });

  it.each(SCHEMES)('the options page has no axe violation (%s)', async (scheme) => {
    const page = await browser.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(extensionUrl(browser, 'options.html'));
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(200);
    await expect(violations(page, scheme)).resolves.toEqual([]);
    await page.close();
  });
});

describe('the axe check itself', () => {
  it('finds a violation when there is one (so a clean result means something)', async () => {
    let stack: Stack | undefined;
    let browser: Launched | undefined;
    try {
      stack = await startStack();
      browser = await launch(stack);
      const page = await browser.context.newPage();
      await page.goto(extensionUrl(browser, 'options.html'));
      await page.getByRole('heading', { level: 1 }).waitFor();
      // An unlabelled button, added through the DevTools protocol, must be reported.
      await page.evaluate(() => document.body.append(document.createElement('button')));
      await expect(violations(page)).resolves.toEqual([expect.stringMatching(/^button-name/)]);
    } finally {
      await browser?.close();
      await stack?.close();
    }
  });
});
