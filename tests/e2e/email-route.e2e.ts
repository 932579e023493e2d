/**
 * Issue 13's promises, tried as a new administrator would: Ingroup's endpoint is our contract, not
 * a service known to exist. With `api.ingru.ru` not resolving, a request goes by email from the
 * start and is tracked like any other; with the endpoint answering 503 and a day-long Retry-After,
 * email is offered while the request waits, and the toolbar badge says it is not getting through.
 */
import { readFileSync } from 'node:fs';
import PostalMime from 'postal-mime';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AmoPage, extensionUrl, useExtension, widgetColumns, type Launched } from './support/extension';

async function openPage(browser: Launched, name: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(extensionUrl(browser, name));
  await page.getByRole('heading', { level: 1 }).waitFor();
  return page;
}

/** The options page with every request listed (the list opens on demand). */
async function optionsRequests(browser: Launched): Promise<Page> {
  const page = await openPage(browser, 'options.html');
  await page.getByText('Запросы в Ingroup', { exact: true }).first().click();
  return page;
}

const badge = (browser: Launched): Promise<string> => browser.worker.evaluate(() => chrome.action.getBadgeText({}));

describe('a request when Ingroup’s endpoint does not resolve', () => {
  const env = useExtension({ stack: { endpointUnreachable: true } });

  it('goes by email from the start: the whole letter to copy and as a .eml, its legal due date once sent, counted as open, and Ingroup’s answer recorded', async () => {
    const host = 'demo-email.amocrm.ru';
    const amo = await AmoPage.open(env.browser, `https://${host}/leads`);
    const panel = await amo.openPanel();
    await widgetColumns(panel).first().waitFor();
    // The panel says what it knows of the endpoint, as observed, not assumed.
    await panel
      .getByText(/Сервис Ingroup api\.ingru\.ru ещё ни разу не ответил этому браузеру/)
      .first()
      .waitFor();

    // Composing an access request offers email at once, and says why.
    await panel.getByRole('button', { name: 'Получить копию моих данных', exact: true }).click();
    const route = panel.getByRole('group', { name: 'Куда уходит запрос' });
    await route.waitFor();
    await expect(route.getByRole('radio', { name: /Письмом на support@ingru\.ru/ }).isChecked()).resolves.toBe(true);
    await route.getByText(/ещё ни разу не ответил этому браузеру/).waitFor();
    await panel.getByRole('button', { name: 'Сохранить и показать письмо' }).click();
    const step = panel.getByRole('dialog', { name: /Проверьте и подтвердите/ });
    const confirm = step.getByRole('button', { name: 'Подтвердить' });
    await expect.poll(() => confirm.isEnabled(), { timeout: 5_000 }).toBe(true);
    await confirm.click();
    const item = panel.getByRole('listitem', { name: /отправляется письмом — ещё не отправлен/ });
    await item.waitFor();
    // Nothing went to any endpoint.
    expect(env.stack.endpoint.state.requests.size).toBe(0);
    await amo.page.close();

    // The same request in Options: the whole letter, copied exactly as shown.
    const options = await optionsRequests(env.browser);
    // What the Copy button hands the clipboard (an extension origin cannot be granted clipboard reads here).
    await options.evaluate(() => {
      const copied: string[] = [];
      Object.assign(window, { copied });
      navigator.clipboard.writeText = async (text: string) => {
        copied.push(text);
      };
    });
    const entry = options.getByRole('listitem', { name: /отправляется письмом/ });
    await entry.waitFor();
    const id = (await entry.locator('dd code').first().innerText()).trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const letter = await entry.locator('pre.preview').first().innerText();
    expect(letter).toContain('support@ingru.ru');
    expect(letter).toContain(id);
    expect(letter).toContain('demo-email');
    await entry.getByRole('button', { name: 'Копировать' }).first().click();
    await entry.getByText('Скопировано.').waitFor();
    const copied = await options.evaluate(() => (window as unknown as { copied: string[] }).copied);
    expect(copied).toEqual([letter]);

    // The .eml parses, with a parser the project did not write, as a letter to support@ingru.ru with the same text.
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      entry.getByRole('button', { name: 'Скачать как письмо (.eml)' }).click(),
    ]);
    const eml = readFileSync(await download.path());
    const parsed = await PostalMime.parse(eml);
    expect(parsed.to?.map((a) => ('address' in a ? a.address : ''))).toEqual(['support@ingru.ru']);
    expect(parsed.subject).toContain(id);
    const body = (parsed.text ?? '').replace(/\r\n/g, '\n').trim();
    expect(letter.replace(/\r\n/g, '\n')).toContain(body);
    expect(body).toContain(id);

    // Marked sent: the legal due date, from today.
    await entry.getByRole('button', { name: 'Я отправил письмо' }).click();
    const sent = options.getByRole('listitem', { name: /отправлен по email/ });
    await sent.waitFor();
    const dueBefore = await sent.getByText(/осталось рабочих дней: \d+/).innerText();

    // The popup counts it as open.
    const popup = await openPage(env.browser, 'popup.html');
    await popup.getByText(/Открытых запросов: 1/).waitFor();

    // Ingroup's answer, recorded: an extension with its reason moves the status and the due date.
    await sent.getByText('Отметить ответ Ingroup').click();
    await sent.getByRole('radio', { name: 'Продлил срок, указав причину' }).check();
    await sent
      .getByRole('textbox', { name: 'Причина, которую назвал Ingroup' })
      .fill('Нужно собрать данные из резервных копий');
    await sent.getByRole('button', { name: 'Отметить ответ' }).click();
    const extended = options.getByRole('listitem', { name: /в работе/ });
    await extended.waitFor();
    await extended.getByText('Причина: Нужно собрать данные из резервных копий').waitFor();
    const dueAfter = await extended.getByText(/осталось рабочих дней: \d+/).innerText();
    const days = (text: string): number => Number(/(\d+)$/.exec(text)?.[1]);
    expect(days(dueAfter)).toBe(days(dueBefore) + 5);
    await extended.getByText('История').click();
    await extended.getByText(/ответ Ingroup, отмеченный вами: продлил срок/).waitFor();

    // Answered (the form is still open): closed, and no longer open in the popup.
    await extended.getByRole('radio', { name: 'Ответил: выполнил запрос или прислал данные' }).check();
    await extended.getByRole('button', { name: 'Отметить ответ' }).click();
    await options.getByRole('listitem', { name: /выполнен/ }).waitFor();
    await popup.reload();
    await popup.getByText(/Открытых запросов: 0/).waitFor();
    await popup.close();
    await options.close();
  });

  it('offers email at once for a request sent to the endpoint anyway, and counts it on the badge with one notification', async () => {
    const options = await openPage(env.browser, 'options.html');
    const before = Number((await badge(env.browser)) || 0);
    const reply = await options.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'request/submit',
        route: 'endpoint',
        draft: {
          type: 'objection',
          host: 'demo-email.amocrm.ru',
          locale: 'ru',
          regime: 'ru152',
          widgets: [],
          requester: { userId: 7001001, name: 'Анна Смирнова', email: 'anna.smirnova@romashka.example' },
          account: { id: 31415926, subdomain: 'demo-email', host: 'demo-email.amocrm.ru' },
        },
      }),
    );
    expect(reply).toMatchObject({ ok: true });
    await options.getByText('Запросы в Ingroup', { exact: true }).first().click();
    const item = options.getByRole('listitem', { name: /возражение против обработки: в очереди/ });
    // One failed attempt that reached nothing is enough: email is offered now, not after ten tries.
    await item.getByText(/Не доходит до сервиса Ingroup/).waitFor({ timeout: 20_000 });
    await item.getByRole('button', { name: 'Я отправил письмо' }).waitFor();
    await expect.poll(() => badge(env.browser), { timeout: 20_000 }).toBe(String(before + 1));
    const notifications = await env.browser.worker.evaluate(() => chrome.notifications.getAll());
    expect(Object.keys(notifications).filter((k) => k.startsWith('stuck:'))).toHaveLength(1);
    await options.close();
  });
});

describe('a request when Ingroup’s endpoint answers 503 with a day-long Retry-After', () => {
  const env = useExtension({ stack: { endpointFaults: { rateLimit: { status: 503, retryAfter: 86_400 } } } });

  it('offers email while the request waits, and the badge shows a request that is not getting through', async () => {
    const options = await openPage(env.browser, 'options.html');
    expect(await badge(env.browser)).toBe('');
    const reply = await options.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'request/submit',
        route: 'endpoint',
        draft: {
          type: 'access',
          host: 'demo-503.amocrm.ru',
          locale: 'ru',
          regime: 'ru152',
          widgets: [],
          requester: { userId: 7001001, name: 'Анна Смирнова', email: 'anna.smirnova@romashka.example' },
          account: { id: 31415926, subdomain: 'demo-503', host: 'demo-503.amocrm.ru' },
        },
      }),
    );
    expect(reply).toMatchObject({ ok: true });
    await expect.poll(() => badge(env.browser), { timeout: 20_000 }).toBe('1');
    await options.getByText('Запросы в Ingroup', { exact: true }).first().click();
    const item = options.getByRole('listitem', { name: /в очереди/ });
    await item.getByText(/Не доходит до сервиса Ingroup/).waitFor();
    await item.getByText(/Последняя проблема: .*HTTP 503/).waitFor();
    // The email route is open, with the whole letter, while the outbox waits a day.
    await item.getByRole('button', { name: 'Я отправил письмо' }).waitFor();
    await expect(item.locator('pre.preview').first().innerText()).resolves.toContain('support@ingru.ru');
    // Options says the endpoint answered with an error, not that it took the request.
    await options.getByText(/Последняя попытка, .*: ответил ошибкой \(HTTP 503\)/).waitFor();
    await options.close();
  });
});
