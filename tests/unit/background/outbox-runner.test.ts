import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { browser as Browser } from 'wxt/browser';
import { createOutboxRunner, startOutbox, type OutboxRunner } from '@/lib/background/outbox-runner';
import { db, resetDbForTests } from '@/lib/store/db';
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
    const runner = createOutboxRunner({
      browser: browser as unknown as typeof Browser,
      db: db(),
      now: () => Date.parse('2026-11-20T12:00:00Z'),
    });
    await runner.run();
    await runner.run();
    expect(browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '1' });
    expect(browser.notifications.create).toHaveBeenCalledTimes(1);
    expect(browser.notifications.create).toHaveBeenCalledWith(
      `overdue:${ID}`,
      expect.objectContaining({ title: 'Ingroup не ответил в срок' }),
    );
    expect(browser.alarms.create).toHaveBeenCalledWith('outbox', expect.objectContaining({ when: expect.any(Number) }));
  });

  it('counts a request that is not getting through on the badge, with one notification that says to email it', async () => {
    const now = Date.parse('2026-11-05T12:00:00Z');
    // One attempt that reached nothing (the name did not resolve); the next is due long after.
    await db().requests.put({
      ...requestRecord([
        { at: now - 1000, kind: 'queued' },
        { at: now - 500, kind: 'attempt_failed', detail: 'network error' },
      ]),
      outboxDueAt: now + 86_400_000,
    });
    const browser = fakeBrowser();
    const runner = createOutboxRunner({ browser: browser as unknown as typeof Browser, db: db(), now: () => now });
    await runner.run();
    await runner.run();
    expect(browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '1' });
    expect(browser.notifications.create).toHaveBeenCalledTimes(1);
    expect(browser.notifications.create).toHaveBeenCalledWith(
      `stuck:${ID}`,
      expect.objectContaining({
        title: 'Запрос не доходит до Ingroup',
        message: expect.stringContaining('support@ingru.ru'),
      }),
    );
    expect((await db().settings.get('attention'))?.value).toMatchObject({ open: 1, needYou: 1, notGettingThrough: 1 });
  });

  it('shares one notification among requests that stop getting through at once, and counts each on the badge', async () => {
    const now = Date.parse('2026-11-05T12:00:00Z');
    const held = (id: string): RequestRecord => ({
      ...requestRecord([{ at: now - 1000, kind: 'queued' }]),
      id,
      outboxDueAt: now + 86_400_000,
    });
    await db().requests.bulkPut([held(ID), held(crypto.randomUUID()), held(crypto.randomUUID())]);
    const browser = fakeBrowser();
    const runner = createOutboxRunner({ browser: browser as unknown as typeof Browser, db: db(), now: () => now });
    await runner.run();
    await runner.run();
    expect(browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '3' });
    expect(browser.notifications.create).toHaveBeenCalledTimes(1);
    expect(browser.notifications.create).toHaveBeenCalledWith(
      expect.stringMatching(/^stuck:/),
      expect.objectContaining({ message: expect.stringContaining('Запросов: 3') }),
    );
  });

  it('counts a request saved for email and not yet sent on the badge, without a notification; a closed one not at all', async () => {
    const now = Date.parse('2026-11-05T12:00:00Z');
    await db().requests.put({ ...requestRecord([{ at: now - 1000, kind: 'queued' }]), channel: 'email' });
    const browser = fakeBrowser();
    await createOutboxRunner({ browser: browser as unknown as typeof Browser, db: db(), now: () => now }).run();
    expect(browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '1' });
    expect(browser.notifications.create).not.toHaveBeenCalled();
    const closed = {
      ...requestRecord(
        [...sentEvents('2026-10-01T09:00:00Z'), { at: now, kind: 'status', status: 'completed' }],
        '2026-10-01T09:00:00Z',
      ),
      id: crypto.randomUUID(),
    };
    delete closed.openSince;
    await db().requests.put(closed);
    await createOutboxRunner({ browser: browser as unknown as typeof Browser, db: db(), now: () => now }).run();
    expect(browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '1' });
  });

  it('clears the badge when nothing is overdue', async () => {
    await db().requests.put(overdueRequest());
    const browser = fakeBrowser();
    const runner = createOutboxRunner({
      browser: browser as unknown as typeof Browser,
      db: db(),
      now: () => Date.parse('2026-11-05T12:00:00Z'),
    });
    await runner.run();
    expect(browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '' });
    expect(browser.notifications.create).not.toHaveBeenCalled();
  });
});

describe('the outbox runner around the edges', () => {
  beforeEach(async () => {
    await resetDbForTests();
  });

  it('re-arms its alarm even when a pass fails, so the outbox never falls asleep', async () => {
    const browser = fakeBrowser();
    const runner = createOutboxRunner({
      browser: browser as unknown as typeof Browser,
      db: db(),
      now: () => Date.parse('2026-11-20T12:00:00Z'),
    });
    // The pass fails reading the endpoint setting (the database is gone under it).
    const settings = vi.spyOn(db().settings, 'get').mockRejectedValueOnce(new Error('storage went away'));
    await expect(runner.run()).rejects.toThrow('storage went away');
    expect(settings).toHaveBeenCalled();
    expect(browser.alarms.create).toHaveBeenCalledWith('outbox', expect.objectContaining({ when: expect.any(Number) }));
  });

  it('keeps counting into 2027 without a decree: a request received late in December 2026 turns overdue, with the badge', async () => {
    await db().requests.put(requestRecord(sentEvents('2026-12-28T09:00:00Z'), '2026-12-28T09:00:00Z'));
    const browser = fakeBrowser();
    const before = createOutboxRunner({
      browser: browser as unknown as typeof Browser,
      db: db(),
      now: () => Date.parse('2027-01-20T12:00:00Z'),
    });
    await before.run();
    expect(browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '' });
    // A few working days before the date: a reminder, not the badge.
    expect(browser.notifications.create).toHaveBeenCalledWith(
      `reminder:${ID}`,
      expect.objectContaining({ title: 'Скоро срок ответа Ingroup' }),
    );
    const after = createOutboxRunner({
      browser: browser as unknown as typeof Browser,
      db: db(),
      now: () => Date.parse('2027-03-01T12:00:00Z'),
    });
    await after.run();
    expect(browser.action.setBadgeText).toHaveBeenLastCalledWith({ text: '1' });
    expect(browser.notifications.create).toHaveBeenLastCalledWith(
      `overdue:${ID}`,
      expect.objectContaining({ title: 'Ingroup не ответил в срок' }),
    );
    expect(browser.notifications.create).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['a poll due in a second', 1_000, 30_000],
    ['a poll due in ten minutes', 600_000, 600_000],
    ['a poll due tomorrow', 86_400_000, 3_600_000],
  ])(
    'sets the alarm for %s no sooner than Chrome allows and no later than the next deadline check',
    async (_label, dueIn, expected) => {
      const now = Date.parse('2026-11-05T12:00:00Z');
      await db().requests.put({
        ...requestRecord(sentEvents('2026-11-02T09:00:01Z'), '2026-11-02T09:00:01Z'),
        pollDueAt: now + dueIn,
      });
      const browser = fakeBrowser();
      const runner = createOutboxRunner({ browser: browser as unknown as typeof Browser, db: db(), now: () => now });
      await runner.run();
      expect(browser.alarms.create).toHaveBeenLastCalledWith('outbox', { when: now + expected });
    },
  );

  it('does not notify again after a restart of the worker: the notified ids are kept', async () => {
    await db().requests.put(overdueRequest());
    const now = () => Date.parse('2026-11-20T12:00:00Z');
    const first = fakeBrowser();
    await createOutboxRunner({ browser: first as unknown as typeof Browser, db: db(), now }).run();
    const second = fakeBrowser();
    await createOutboxRunner({ browser: second as unknown as typeof Browser, db: db(), now }).run();
    expect(first.notifications.create).toHaveBeenCalledTimes(1);
    expect(second.notifications.create).not.toHaveBeenCalled();
    expect(second.action.setBadgeText).toHaveBeenLastCalledWith({ text: '1' });
  });
});

describe('the outbox wired to the browser', () => {
  function wiring() {
    const listeners = {
      alarm: [] as Array<(a: { name: string }) => void>,
      startup: [] as Array<() => void>,
      click: [] as Array<(id: string) => void>,
    };
    const browser = {
      alarms: { onAlarm: { addListener: (f: (a: { name: string }) => void) => listeners.alarm.push(f) } },
      runtime: {
        onStartup: { addListener: (f: () => void) => listeners.startup.push(f) },
        openOptionsPage: vi.fn(async () => undefined),
      },
      notifications: { onClicked: { addListener: (f: (id: string) => void) => listeners.click.push(f) } },
    };
    const runner: OutboxRunner = {
      run: vi.fn(async () => ({ sent: 0, retried: 0, failed: 0, nextDueAt: null })),
      regimeOf: async () => 'ru152',
    };
    startOutbox(browser as unknown as typeof Browser, runner);
    return { listeners, browser, runner };
  }

  it('runs when the worker starts, when the browser starts and when the outbox alarm fires — not on other alarms', () => {
    const { listeners, runner } = wiring();
    expect(runner.run).toHaveBeenCalledTimes(1);
    listeners.startup.forEach((f) => f());
    expect(runner.run).toHaveBeenCalledTimes(2);
    listeners.alarm.forEach((f) => f({ name: 'outbox' }));
    expect(runner.run).toHaveBeenCalledTimes(3);
    listeners.alarm.forEach((f) => f({ name: 'something-else' }));
    expect(runner.run).toHaveBeenCalledTimes(3);
  });

  it('opens the options page, where the complaint text is, from an overdue notification', () => {
    const { listeners, browser } = wiring();
    listeners.click.forEach((f) => f('unrelated'));
    expect(browser.runtime.openOptionsPage).not.toHaveBeenCalled();
    listeners.click.forEach((f) => f(`overdue:${ID}`));
    expect(browser.runtime.openOptionsPage).toHaveBeenCalledTimes(1);
  });
});
