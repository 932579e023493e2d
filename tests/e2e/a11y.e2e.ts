/**
 * Accessibility (DESIGN §10): axe-core finds no WCAG 2.x A/AA violation in the panel (in its
 * frame), the popup or the options page — in Russian and English, light and dark; and the panel
 * and the popup work from the keyboard alone, every control reached by Tab with a visible focus ring.
 *
 * Extension pages forbid inline scripts (their CSP), so axe's source is evaluated through the
 * DevTools protocol (`evaluate`), which the page's CSP does not govern.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { violations } from './support/axe';
import {
  AmoPage,
  extensionUrl,
  launch,
  startStack,
  widgetColumns,
  type Launched,
  type Stack,
} from './support/extension';

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
    await widgetColumns(panel).first().waitFor();
    // The part loaded after the first paint (the other widgets, the observed traffic) is checked too.
    await panel.getByRole('region', { name: /Observed|Замечено/ }).waitFor();
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

/**
 * Tabs through a page (or the panel's frame, the keys going to the page around it) until the focus
 * comes back to a control it has already reached. Returns which of the controls there were reached, and those that
 * were reached without a visible focus ring (an outline of at least 2 px while focused).
 */
async function tabThrough(
  keys: Page,
  target: Page | Frame,
): Promise<{ controls: number; reached: number[]; noRing: string[] }> {
  const controls = await target.evaluate(() => {
    const w = window as unknown as { __tabbables: Element[] };
    w.__tabbables = [
      ...document.querySelectorAll(
        'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
      ),
    ].filter(
      (el) =>
        !el.matches(':disabled') && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
    );
    return w.__tabbables.length;
  });
  const reached: number[] = [];
  const noRing: string[] = [];
  let left = false;
  for (let i = 0; i < 400; i += 1) {
    await keys.keyboard.press('Tab');
    const at = await target.evaluate(() => {
      const el = document.activeElement;
      const index = (window as unknown as { __tabbables: Element[] }).__tabbables.indexOf(el as Element);
      const style = el ? getComputedStyle(el) : null;
      const ring = style !== null && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      const name = el
        ? `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}”`
        : 'nothing';
      return { index, ring, name };
    });
    // A page that is not a dialog lets Tab leave it for the browser's own controls after its last one.
    if (at.index === -1 && target === keys) {
      if (left) break;
      left = true;
      continue;
    }
    if (reached.includes(at.index)) break;
    reached.push(at.index);
    if (!at.ring) noRing.push(at.name);
  }
  return { controls, reached, noRing };
}

describe('operation by keyboard alone', () => {
  let stack: Stack;
  let browser: Launched;
  beforeAll(async () => {
    stack = await startStack();
    browser = await launch(stack);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it.each(SCHEMES)(
    'reaches every control of the panel with Tab, each with a visible focus ring (%s)',
    async (scheme) => {
      const amo = await AmoPage.open(browser, 'https://demo-keys.amocrm.ru/leads');
      await amo.page.emulateMedia({ colorScheme: scheme });
      await amo.launcher().focus();
      await amo.page.keyboard.press('Enter');
      const panel = amo.panelFrame();
      await widgetColumns(panel).first().waitFor();
      await panel.getByRole('region', { name: /Observed|Замечено/ }).waitFor();
      await expect.poll(() => panel.locator('h1').evaluate((el) => el === document.activeElement)).toBe(true);
      const frame = amo.page.frames().find((f) => f.url().includes('panel.html'));
      const walk = await tabThrough(amo.page, frame!);
      expect(walk.controls).toBeGreaterThan(10);
      expect([...walk.reached].sort((a, b) => a - b)).toEqual([...Array(walk.controls).keys()]);
      expect(walk.noRing).toEqual([]);
      // A right chosen with the keyboard opens the request composer.
      await panel.getByRole('button', { name: 'Получить копию моих данных', exact: true }).focus();
      await amo.page.keyboard.press('Enter');
      await panel.getByRole('heading', { name: 'Новый запрос' }).waitFor();
      await amo.page.close();
    },
  );

  it('opts an account out of promotional email in the popup with the keyboard alone', async () => {
    const amo = await AmoPage.open(browser, 'https://demo-keys-popup.amocrm.ru/leads');
    await amo.launcher().waitFor();
    const page = await browser.context.newPage();
    await page.goto(extensionUrl(browser, 'popup.html'));
    const name = 'Рекламные письма Ingroup для demo-keys-popup.amocrm.ru';
    const toggle = page.getByRole('switch', { name });
    await toggle.waitFor();
    const walk = await tabThrough(page, page);
    expect([...walk.reached].sort((a, b) => a - b)).toEqual([...Array(walk.controls).keys()]);
    expect(walk.noRing).toEqual([]);
    // Tab to the account's switch, as a person would, and press Space.
    for (let i = 0; i < 20 && !(await toggle.evaluate((el) => el === document.activeElement)); i += 1)
      await page.keyboard.press('Tab');
    await expect(toggle.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(toggle.isChecked()).resolves.toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => toggle.isChecked()).toBe(false);
    // Kept: the popup opened again shows the opt-out from the ledger.
    await page.reload();
    await expect.poll(() => page.getByRole('switch', { name }).isChecked()).toBe(false);
    await page.close();
    await amo.page.close();
  });
});
