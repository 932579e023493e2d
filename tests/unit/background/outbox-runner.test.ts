import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { browser as Browser } from 'wxt/browser';
import { createOutboxRunner } from '@/lib/background/outbox-runner';
import { db, resetDbForTests } from '@/lib/db';
import type { RequestRecord } from '@/lib/requests/record';

const ID = '3f0c6c1e-8a57-4c1f-9a51-0d9a7a5b2c11';

function overdueRequest(): RequestRecord {
  return {
    id: ID,
    host: 'demo.amocrm.ru',
    type: 'access',
    channel: 'endpoint',
    createdAt: Date.parse('2026-11-02T09:00:00Z'),
    attempts: 1,
    events: [
      { at: Date.parse('2026-11-02T09:00:00Z'), kind: 'queued' },
      { at: Date.parse('2026-11-02T09:00:01Z'), kind: 'sent' },
      { at: Date.parse('2026-11-02T09:00:01Z'), kind: 'received', reference: 'IG-2026-000001' },
    ],
    receipt: { id: ID, reference: 'IG-2026-000001', status: 'received', receivedAt: '2026-11-02T09:00:01Z', verification: 'none' },
    body: {
      id: ID,
      type: 'access',
      createdAt: '2026-11-02T09:00:00.000Z',
      locale: 'ru',
      regime: 'ru152',
      account: { id: 31415926, subdomain: 'demo', host: 'demo.amocrm.ru' },
      requester: { userId: 7001001, name: 'Анна Смирнова', email: 'anna@romashka.example' },
      widgets: [],
      policy: { effectiveDate: '2022-01-20', sha256: '798bbae77da8aa56e178355f301f576cf58522a3576f63124604e15ec86abafb' },
      client: { name: 'ingroup-privacy-amocrm', version: '0.1.0' },
    },
  } as RequestRecord;
}

function fakeBrowser() {
  return {
    alarms: { create: vi.fn(async () => undefined) },
    action: { setBadgeText: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined) },
    notifications: { create: vi.fn(async () => 'id') },
    runtime: { getURL: (path: string) => `chrome-extension://test${path}` },
  };
}

describe('the outbox runner', () => {
  beforeEach(async () => {
    await resetDbForTests();
  });

  it('raises the badge and one notification when a request passes its deadline, and sets the alarm', async () => {
    await db().requests.put(overdueRequest());
    const browser = fakeBrowser();
    const runner = createOutboxRunner({ browser: browser as unknown as typeof Browser, db: db(), now: () => Date.parse('2026-11-20T12:00:00Z') });
    await runner.run();
    await runner.run();
    expect(browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '1' });
    expect(browser.notifications.create).toHaveBeenCalledTimes(1);
    expect(browser.notifications.create).toHaveBeenCalledWith(`overdue:${ID}`, expect.objectContaining({ title: 'Ingroup не ответил в срок' }));
    expect(browser.alarms.create).toHaveBeenCalledWith('outbox', expect.objectContaining({ when: expect.any(Number) }));
  });

  it('clears the badge when nothing is overdue', async () => {
    await db().requests.put(overdueRequest());
    const browser = fakeBrowser();
    const runner = createOutboxRunner({ browser: browser as unknown as typeof Browser, db: db(), now: () => Date.parse('2026-11-05T12:00:00Z') });
    await runner.run();
    expect(browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '' });
    expect(browser.notifications.create).not.toHaveBeenCalled();
  });
});
