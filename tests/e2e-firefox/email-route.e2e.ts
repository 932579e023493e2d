import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { openExtensionPage, until, useFirefox } from './support/firefox';

// Issue 13 in Firefox, as in the Chromium suite (tests/e2e/email-route.e2e.ts): Ingroup's endpoint
// cannot be reached (the listener on 443 refuses api.ingru.ru, as a name that does not resolve).
const HOST = 'demo-email.amocrm.ru';
const draft = (type: string) => ({
  type,
  host: HOST,
  locale: 'ru',
  regime: 'ru152',
  widgets: [],
  requester: { userId: 7001001, name: 'Анна Смирнова', email: 'anna.smirnova@romashka.example' },
  account: { id: 31415926, subdomain: 'demo-email', host: HOST },
});

declare const browser: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  action: { getBadgeText(details: object): Promise<string> };
};

async function message(
  page: Page,
  body: unknown,
): Promise<{ ok: boolean; value?: { id?: string }; error?: { message: string } }> {
  return page.evaluate((m) => browser.runtime.sendMessage(m), body) as Promise<{
    ok: boolean;
    value?: { id?: string };
    error?: { message: string };
  }>;
}

const text = (page: Page): Promise<string> => page.evaluate(() => document.body.innerText);

describe('a request when Ingroup’s endpoint cannot be reached, in Firefox', () => {
  const env = useFirefox({ endpointUnreachable: true });

  it('offers email after one attempt, on the badge; a request by email is tracked to Ingroup’s answer and counted open until then', async () => {
    const page = await openExtensionPage(env.browser, 'options.html');
    // Opened first: it follows the counts live, as the badge does.
    const popup = await openExtensionPage(env.browser, 'popup.html');
    const stuck = await message(page, { type: 'request/submit', route: 'endpoint', draft: draft('objection') });
    expect(stuck.ok).toBe(true);
    await until(() => page.evaluate(() => browser.action.getBadgeText({})), '1', 20_000);
    await page.evaluate(() =>
      [...document.querySelectorAll('summary')].find((s) => s.textContent === 'Запросы в Ingroup')?.click(),
    );
    await until(async () => /Не доходит до сервиса Ingroup/.test(await text(page)), true, 20_000);
    // The endpoint's note is its own live query (lib/store/queries.ts endpointStatus): it may paint a
    // moment after the request's state.
    await until(
      async () => /Сервис Ingroup api\.ingru\.ru ещё ни разу не ответил этому браузеру/.test(await text(page)),
      true,
      20_000,
    );

    const byEmail = await message(page, { type: 'request/submit', route: 'email', draft: draft('access') });
    const id = byEmail.value!.id!;
    await until(async () => (await text(page)).includes('отправляется письмом — ещё не отправлен'), true);
    expect(await text(page)).toContain(id);
    await message(page, { type: 'request/email-sent', id });
    await until(
      async () => /отправлен по email/.test(await text(page)) && /осталось рабочих дней: \d+/.test(await text(page)),
      true,
    );

    await until(async () => /Открытых запросов: 2/.test(await text(popup)), true);

    const answered = await message(page, {
      type: 'request/answer',
      id,
      answer: { answer: 'extended', on: '2026-11-03', reason: 'Нужно собрать данные' },
    });
    expect(answered.ok).toBe(true);
    await until(async () => (await text(page)).includes('Причина: Нужно собрать данные'), true);
    await message(page, { type: 'request/answer', id, answer: { answer: 'answered', on: '2026-11-05' } });
    await until(async () => /выполнен/.test(await text(page)), true);
    await until(async () => /Открытых запросов: 1/.test(await text(popup)), true);
    expect(env.stack.endpoint.state.requests.size).toBe(0);
    await popup.close();
    await page.close();
  });
});
