/**
 * Exports checked by parsers the extension did not write — the Kantara Initiative's own schema
 * with ajv, csv-parse, ical.js — and the ledger's head hash kept outside the browser: copied from
 * Options, carried by each request Ingroup receives, and pasted back to tell the ledger intact,
 * extended or rewritten.
 */
import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { kantaraErrors } from '../support/kantara';
import { AmoPage, extensionUrl, useExtension } from './support/extension';

const HOST = 'demo-exports.amocrm.ru';
const POPUP_SWITCH = `Рекламные письма Ingroup для ${HOST}`;

async function downloadText(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

describe('exports that hold up outside the extension', () => {
  const env = useExtension();

  it('exports receipts that pass the official Kantara schema, an Excel-ready CSV, a calendar of every dated request, and a head hash that catches a rewrite', async () => {
    const amo = await AmoPage.open(env.browser, `https://${HOST}/leads`);
    const panel = await amo.openPanel();
    await panel.getByRole('switch', { name: /Рекламные письма/ }).waitFor();
    const popup = await env.browser.context.newPage();
    await popup.goto(extensionUrl(env.browser, 'popup.html'));
    const popupSwitch = popup.getByRole('switch', { name: POPUP_SWITCH });
    await popupSwitch.uncheck();
    const received = (): Array<{ body: Record<string, unknown>; dueAt?: string }> =>
      [...env.stack.endpoint.state.requests.values()].filter((r) => (r.body.account as { host: string }).host === HOST);
    await expect.poll(() => received().length, { timeout: 20_000 }).toBe(1);

    const options = await env.browser.context.newPage();
    await options.goto(extensionUrl(env.browser, 'options.html'));

    // The head hash, as Options shows it, is the one the request carried to Ingroup.
    const head = options.getByLabel('Хеш вершины (SHA-256)');
    await expect.poll(() => head.inputValue()).toMatch(/^[0-9a-f]{64}$/);
    const kept = await head.inputValue();
    expect(received()[0]!.body.ledger).toEqual({ headHash: kept, events: 1 });
    await options.getByText(/^Хеш последнего события, записанного /).waitFor();

    // Kantara receipts: every one passes the Kantara Initiative's schema; the refusal is not explicit consent.
    const receipts = await downloadText(options, 'Экспорт квитанций согласия (Kantara CR v1.1)');
    const list = JSON.parse(receipts.bytes.toString('utf8')) as Array<{
      services: Array<{ purposes: Array<{ consentType: string }> }>;
    }>;
    expect(list).toHaveLength(1);
    for (const receipt of list) expect(kantaraErrors(receipt)).toEqual([]);
    expect(list[0]!.services[0]!.purposes[0]!.consentType).toBe('N/A');

    // The ledger CSV starts with the UTF-8 byte-order mark and reads back whole.
    const csv = await downloadText(options, 'Экспорт журнала (CSV)');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv<Record<string, string>>(csv.bytes, { bom: true, columns: true });
    expect(rows.map((r) => [r.host, r.purpose, r.state, r.hash])).toEqual([[HOST, 'marketing', 'refused', kept]]);

    // A second choice extends the chain; the kept hash still vouches for the first event.
    await popupSwitch.check();
    await expect.poll(() => received().length, { timeout: 20_000 }).toBe(2);
    await expect.poll(() => head.inputValue()).not.toBe(kept);
    const field = options.getByLabel('Сохранённый вами хеш вершины');
    const check = options.getByRole('button', { name: 'Сверить журнал с ним' });
    await field.fill(kept);
    await check.click();
    await options
      .getByText(
        'Дополнен: первые 1 событий — ровно те, что закреплены этим хешем; ещё 1 записаны после него и им не покрыты.',
      )
      .waitFor();
    await field.fill(await head.inputValue());
    await check.click();
    await options.getByText(/^Не изменён: это нынешняя вершина журнала\./).waitFor();
    await field.fill('f'.repeat(64));
    await check.click();
    await options.getByText(/^Переписан: ни у одного события журнала \(событий: 2\) нет такого хеша\./).waitFor();

    // The deadlines calendar holds every request Ingroup received with a due date, read by ical.js.
    await options.getByText('Запросы в Ingroup').click();
    await expect
      .poll(() => options.getByRole('listitem', { name: /: получен Ingroup$/ }).count(), { timeout: 20_000 })
      .toBe(2);
    const ics = await downloadText(options, 'Сроки в календарь (ICS)');
    const calendar = new ICAL.Component(ICAL.parse(ics.bytes.toString('utf8')));
    const uids = calendar.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
    const dated = received().filter((r) => r.dueAt);
    expect(dated).toHaveLength(2);
    for (const request of dated) expect(uids).toContain(`${String(request.body.id)}@ingru-privacy`);
    expect(ics.bytes.toString('utf8')).not.toMatch(/^METHOD:/m);

    // The requests CSV is Excel-ready too.
    const requestsCsv = await downloadText(options, 'Экспорт в CSV');
    expect([...requestsCsv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(env.browser.errors).toEqual([]);
  });
});
