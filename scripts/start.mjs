#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: build the extension, start the demo amoCRM and the local Ingroup endpoint, and open
 * Chromium with the extension on https://demo.amocrm.ru/. With a display it stays open until you
 * close it; without one it writes screenshots of the first-run page, the panel (Russian and English,
 * light and dark, its data-flow picture and a problem card), the popup and the options page, and says where.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, startStack } from '../tests/support/stack.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

const DEMO = 'https://demo.amocrm.ru/leads';
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.HEADLESS;

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const browserBin = ensureChromium();
if (!browserBin.ok) {
  console.error(browserBin.message);
  process.exit(1);
}

const stack = await startStack();
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'ingroup-demo-')), {
  executablePath: browserBin.path,
  headless: !headed,
  args: chromiumArgs(stack),
  ignoreDefaultArgs: ['--disable-extensions'],
  ignoreHTTPSErrors: true,
  locale: 'ru-RU',
  viewport: { width: 1280, height: 860 },
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(DEMO);

if (headed) {
  console.log(
    `Chromium is open on ${DEMO} with the extension. Click «Данные» in the left menu. Close the browser to stop.`,
  );
  await new Promise((done) => context.on('close', done));
} else {
  // SCREENSHOTS_DIR=docs/screenshots refreshes the README's pictures.
  const out = resolve(process.env.SCREENSHOTS_DIR ?? 'artifacts/screenshots');
  mkdirSync(out, { recursive: true });
  /** @type {string[]} */
  const shots = [];
  /** @param {import('playwright-core').Page | import('playwright-core').Locator} target @param {string} name @param {object} [opts] */
  const shoot = async (target, name, opts = {}) => {
    shots.push(join(out, name));
    await target.screenshot({ path: shots.at(-1), ...opts });
  };
  // The first-run page the extension opened on install.
  const welcome = context.pages().find((p) => p.url().endsWith('/welcome.html')) ?? (await context.newPage());
  if (!welcome.url().endsWith('/welcome.html')) await welcome.goto(`chrome-extension://${extensionId}/welcome.html`);
  await welcome.getByRole('heading', { level: 1 }).waitFor();
  await welcome.setViewportSize({ width: 900, height: 860 });
  await shoot(welcome, 'first-run.png', { fullPage: true });

  // The panel, in Russian and English, light and dark.
  await page.bringToFront();
  await page.getByRole('button', { name: /Конфиденциальность|Privacy/ }).click();
  const frame = page.frameLocator('iframe[src*="panel.html"]');
  await frame.locator('th[data-widget]').first().waitFor();
  await frame.locator('.flow-svg').waitFor();
  await page.waitForTimeout(500);
  await shoot(page, 'panel-ru.png');
  await shoot(frame.locator('section[aria-labelledby="flow-heading"]'), 'flow-ru.png');
  await shoot(frame.locator('section[aria-labelledby="flags-heading"] li').first(), 'problem-card-ru.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  const toTop = () => frame.locator('.dialog').evaluate((el) => el.scrollTo(0, 0));
  await toTop();
  await page.waitForTimeout(300);
  await shoot(page, 'panel-ru-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });
  await frame.getByRole('combobox').first().selectOption('en');
  await frame.getByRole('heading', { name: 'Privacy: Ingroup widgets' }).waitFor();
  await toTop();
  await page.waitForTimeout(300);
  await shoot(page, 'panel-en.png');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForTimeout(300);
  await shoot(page, 'panel-en-dark.png');
  await shoot(frame.locator('section[aria-labelledby="flow-heading"]'), 'flow-en-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });

  // The popup: a second account seen, and the demo account opted out, its request's state beside its switch.
  const other = await context.newPage();
  await other.goto('https://romashka-agency.amocrm.ru/leads');
  await other.getByRole('button', { name: /Конфиденциальность|Privacy/ }).waitFor();
  await other.close();
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const demoSwitch = popup.getByRole('switch', { name: /demo\.amocrm\.ru/ });
  await demoSwitch.uncheck();
  await popup.getByText(/^Отказ от рассылки: получен Ingroup$/).waitFor({ timeout: 20_000 });
  await popup.waitForTimeout(300);
  await shoot(popup, 'popup.png', { fullPage: true });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('heading', { level: 1 }).waitFor();
  await options.waitForTimeout(500);
  await shoot(options, 'options.png', { fullPage: true });
  console.log(`No display here, so the demo ran headless. Screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  await context.close();
}
await stack.close();
