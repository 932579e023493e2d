import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { browser as Browser } from 'wxt/browser';
import { createOutboxRunner } from '@/lib/background/outbox-runner';
import { db, resetDbForTests } from '@/lib/db';
import type { RequestRecord } from '@/lib/requests/record';
import { REQUEST_ID, requestRecord, sentEvents } from '../requests/fixtures';

const ID = REQUEST_ID;
const overdueRequest = (): RequestRecord => requestRecord(sentEvents('2026-11-02T09:00:01Z'), '2026-11-02T09:00:01Z');

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
