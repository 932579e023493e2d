/**
 * Runs the outbox in the service worker: a drain and a status poll now, at startup, and whenever
 * the `outbox` alarm fires; the alarm is set for the next thing due, so a request survives the
 * worker being stopped and the browser restarting. Also keeps the toolbar badge (overdue
 * requests) and raises one notification per request when it becomes overdue.
 */
import type { browser as Browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { defaultRegime, type Regime } from '../amocrm/host';
import type { PrivacyDb } from '../db';
import { drain, nextWakeAt, pollDue, type DrainResult, type OutboxDeps } from '../requests/outbox';
import { requestTitle } from '../requests/titles';
import { requestView } from '../requests/view';
import { cachedCatalog } from '../catalog/load';
import { calendarFromCatalog } from '../deadlines/calendar-update';
import { readEndpointBase } from '../settings';

export const OUTBOX_ALARM = 'outbox';
/** Deadlines move by the day: look at them again at least this often. */
const DEADLINE_CHECK_MS = 60 * 60_000;
/** Chrome fires alarms no sooner than 30 s from now. */
const ALARM_MIN_MS = 30_000;
const NOTIFICATION_PREFIX = 'overdue:';
/** Ids of requests whose overdue notification was shown (settings key `overdueNotified`). */
const Notified = z.catch(z.array(z.string()), []);

export interface OutboxRunner {
  /** Send what is due and poll what is due, then set the alarm and the badge. */
  run(): Promise<DrainResult>;
  regimeOf(host: string): Promise<Regime>;
}

export function createOutboxRunner(deps: { browser: typeof Browser; db: PrivacyDb; now: () => number }): OutboxRunner {
  const { browser, db, now } = deps;
  const outboxDeps = async (): Promise<OutboxDeps> => ({
    base: await readEndpointBase(db),
    fetch: (input, init) => fetch(input, init),
    now,
    random: Math.random,
  });
  const regimeOf = async (host: string): Promise<Regime> => (await db.accounts.get(host))?.regime ?? defaultRegime(host);

  async function scheduleAlarm(): Promise<void> {
    // Requests held for another endpoint wait for the admin, not for the alarm.
    const next = (await nextWakeAt(db, await readEndpointBase(db))) ?? Number.POSITIVE_INFINITY;
    const when = Math.max(now() + ALARM_MIN_MS, Math.min(next, now() + DEADLINE_CHECK_MS));
    await browser.alarms.create(OUTBOX_ALARM, { when });
  }

  async function checkDeadlines(): Promise<void> {
    const open = await db.requests.toArray();
    const today = new Date(now());
    const { calendar } = calendarFromCatalog((await cachedCatalog(db)).catalog);
    const overdue = [];
    for (const record of open) {
      const view = requestView(record, await regimeOf(record.host), today, calendar);
      if (view.overdue) overdue.push(view);
    }
    await browser.action.setBadgeText({ text: overdue.length ? String(overdue.length) : '' });
    await browser.action.setBadgeBackgroundColor({ color: '#b42318' });
    const notified = new Set(Notified.parse((await db.settings.get('overdueNotified'))?.value));
    const fresh = overdue.filter((v) => !notified.has(v.record.id));
    for (const view of fresh) {
      const lang = view.record.body.locale;
      await browser.notifications.create(`${NOTIFICATION_PREFIX}${view.record.id}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icons/128.png'),
        title: lang === 'ru' ? 'Ingroup не ответил в срок' : 'Ingroup missed the deadline',
        message: `${requestTitle(view.record.type, lang)} · ${view.record.host} · ${view.dueDate ?? ''}`,
      });
      notified.add(view.record.id);
    }
    if (fresh.length) await db.settings.put({ key: 'overdueNotified', value: [...notified] });
  }

  let running: Promise<DrainResult> | null = null;
  async function runOnce(): Promise<DrainResult> {
    try {
      const d = await outboxDeps();
      const result = await drain(db, d);
      await pollDue(db, d);
      return result;
    } finally {
      // Re-armed whatever happened above: a pass that throws must not leave the outbox asleep.
      await scheduleAlarm().catch(async (error: unknown) => {
        console.error('[ingroup-privacy] outbox alarm', error);
        await browser.alarms.create(OUTBOX_ALARM, { when: now() + ALARM_MIN_MS });
      });
      await checkDeadlines().catch((error: unknown) => console.error('[ingroup-privacy] deadlines', error));
    }
  }
  return {
    // One run at a time in this worker; a call during a run waits for it and then runs again.
    run: async () => {
      while (running) await running.catch(() => undefined);
      running = runOnce();
      try {
        return await running;
      } finally {
        running = null;
      }
    },
    regimeOf,
  };
}

/**
 * Wire the runner to the browser: at worker start, at browser startup and on the alarm. A click
 * on an overdue notification opens the options page, where every request and its complaint text are.
 */
export function startOutbox(browser: typeof Browser, runner: OutboxRunner): void {
  const run = (why: string): void => {
    runner.run().catch((error: unknown) => console.error(`[ingroup-privacy] outbox (${why})`, error));
  };
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) run('alarm');
  });
  browser.runtime.onStartup.addListener(() => run('startup'));
  browser.notifications.onClicked.addListener((id) => {
    if (!id.startsWith(NOTIFICATION_PREFIX)) return;
    browser.runtime.openOptionsPage().catch((error: unknown) => console.error('[ingroup-privacy] open options', error));
  });
  run('worker start');
}
