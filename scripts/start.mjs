#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: build the extension, start the demo amoCRM and the local Ingroup endpoint, and open
 * Chromium with the extension on https://demo.amocrm.ru/. With a display it stays open until you
 * close it; without one it writes screenshots of the panel and the popup and says where.
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
  console.log(`Chromium is open on ${DEMO} with the extension. Click «Данные» in the left menu. Close the browser to stop.`);
  await new Promise((done) => context.on('close', done));
} else {
  // SCREENSHOTS_DIR=docs/screenshots refreshes the README's pictures.
  const out = resolve(process.env.SCREENSHOTS_DIR ?? 'artifacts/screenshots');
  mkdirSync(out, { recursive: true });
  const shots = [];
  await page.getByRole('button', { name: /Конфиденциальность|Privacy/ }).click();
  const frame = page.frameLocator('iframe[src*="panel.html"]');
  await frame.locator('th[data-widget]').first().waitFor();
  await page.waitForTimeout(500);
  shots.push(join(out, 'panel-ru.png'));
  await page.screenshot({ path: shots.at(-1) });
  await frame.getByRole('combobox').first().selectOption('en');
  await frame.getByRole('heading', { name: 'Privacy: Ingroup widgets' }).waitFor();
  await page.waitForTimeout(300);
  shots.push(join(out, 'panel-en.png'));
  await page.screenshot({ path: shots.at(-1) });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('heading', { level: 1 }).waitFor();
  await popup.waitForTimeout(500);
  shots.push(join(out, 'popup.png'));
  await popup.screenshot({ path: shots.at(-1), fullPage: true });
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.getByRole('heading', { level: 1 }).waitFor();
  await options.waitForTimeout(500);
  shots.push(join(out, 'options.png'));
  await options.screenshot({ path: shots.at(-1), fullPage: true });
  console.log(`No display here, so the demo ran headless. Screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
  await context.close();
}
await stack.close();
