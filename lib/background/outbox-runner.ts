/**
 * Runs the outbox in the service worker: a drain and a status poll now, at startup, and whenever
 * the `outbox` alarm fires; the alarm is set for the next thing due, so a request survives the
 * worker being stopped and the browser restarting. Also keeps the toolbar badge (the requests
 * that need the admin) and raises one notification per request when it stops getting through,
 * when its due date is near, and when it becomes overdue.
 */
import type { browser as Browser } from 'wxt/browser';
import { z } from 'zod/mini';
import type { Lang, Regime } from '../vocabulary';
import { effectiveRegime } from '../store/accounts';
import { drain, nextWakeAt, pollDue, type DrainResult, type OutboxDeps } from '../requests/outbox';
import { requestTitle } from '../requests/titles';
import { ATTENTION_KEY, AttentionSchema, attentionSummary } from '../requests/attention';
import { requestView, type RequestView } from '../requests/view';
import { cachedCatalog } from '../catalog/load';
import { calendarFromCatalog } from '../deadlines/calendar-update';
import { readEndpointBase } from '../settings';
import type { CoreDeps, OutboxRunner } from './deps';

export const OUTBOX_ALARM = 'outbox';
/** Deadlines move by the day: look at them again at least this often. */
const DEADLINE_CHECK_MS = 60 * 60_000;
/** Chrome fires alarms no sooner than 30 s from now. */
const ALARM_MIN_MS = 30_000;
/** The notifications raised, as `kind:id` (settings key `notified`; `overdueNotified` held overdue ids before). */
const Notified = z.catch(z.array(z.string()), []);

type NotificationKind = 'stuck' | 'reminder' | 'overdue';
const NOTIFICATION_KINDS: readonly NotificationKind[] = ['stuck', 'reminder', 'overdue'];

/** Which notification a request calls for now, if any: each is raised once per request. */
function notificationKind(view: RequestView): NotificationKind | null {
  if (view.state.status === 'failed' || view.notGettingThrough) return 'stuck';
  if (view.overdue) return 'overdue';
  if (view.dueSoon) return 'reminder';
  return null;
}

const NOTIFICATION_WORDS: Record<NotificationKind, Record<Lang, { title: string; then: string }>> = {
  stuck: {
    ru: { title: 'Запрос не доходит до Ingroup', then: 'отправьте его по email на support@ingru.ru' },
    en: { title: 'A request is not getting through to Ingroup', then: 'send it by email to support@ingru.ru' },
  },
  reminder: {
    ru: { title: 'Скоро срок ответа Ingroup', then: 'проверьте, ответил ли Ingroup, и отметьте ответ' },
    en: { title: 'Ingroup’s deadline is near', then: 'check whether Ingroup has answered, and record its answer' },
  },
  overdue: {
    ru: { title: 'Ingroup не ответил в срок', then: 'можно подать жалобу' },
    en: { title: 'Ingroup missed the deadline', then: 'you can file a complaint' },
  },
};

export type { OutboxRunner } from './deps';

export function createOutboxRunner(deps: CoreDeps): OutboxRunner {
  const { browser, db, now } = deps;
  const outboxDeps = async (): Promise<OutboxDeps> => ({
    base: await readEndpointBase(db),
    fetch: (input, init) => fetch(input, init),
    now,
    random: Math.random,
  });
  const regimeFor = (host: string): Promise<Regime> => effectiveRegime(db, host);

  async function scheduleAlarm(): Promise<void> {
    // Requests held for another endpoint wait for the admin, not for the alarm.
    const next = (await nextWakeAt(db, await readEndpointBase(db))) ?? Number.POSITIVE_INFINITY;
    const when = Math.max(now() + ALARM_MIN_MS, Math.min(next, now() + DEADLINE_CHECK_MS));
    await browser.alarms.create(OUTBOX_ALARM, { when });
  }

  /**
   * The badge and the notifications, from the open requests (the `openSince` index): the badge
   * counts the requests that need the admin — not getting through, not delivered, saved for email
   * and not yet sent, or overdue by law; one notification per request when it stops getting
   * through, when its due date is near, and when it turns overdue.
   */
  async function checkAttention(): Promise<void> {
    const open = await db.requests.where('openSince').above(0).toArray();
    const today = new Date(now());
    const { calendar } = calendarFromCatalog((await cachedCatalog(db)).catalog);
    const views = [];
    for (const record of open) views.push(requestView(record, await regimeFor(record.host), today, calendar));
    const summary = attentionSummary(views);
    await browser.action.setBadgeText({ text: summary.needYou ? String(summary.needYou) : '' });
    await browser.action.setBadgeBackgroundColor({ color: '#b42318' });
    const stored = AttentionSchema.safeParse((await db.settings.get(ATTENTION_KEY))?.value);
    if (!stored.success || JSON.stringify(stored.data) !== JSON.stringify(summary))
      await db.settings.put({ key: ATTENTION_KEY, value: summary });

    const notified = new Set([
      ...Notified.parse((await db.settings.get('notified'))?.value),
      ...Notified.parse((await db.settings.get('overdueNotified'))?.value).map((id) => `overdue:${id}`),
    ]);
    // Each request is notified once per kind; requests that reach the same kind at once share
    // one notification (an outage holds every queued request at the same moment).
    let fresh = 0;
    for (const kind of NOTIFICATION_KINDS) {
      const due = views.filter((view) => notificationKind(view) === kind && !notified.has(`${kind}:${view.record.id}`));
      const [first] = due;
      if (!first) continue;
      const lang = first.record.body.locale;
      const words = NOTIFICATION_WORDS[kind][lang];
      const what =
        due.length === 1
          ? `${requestTitle(first.record.type, lang)} · ${first.record.host}${kind === 'stuck' ? '' : ` · ${first.dueDate ?? ''}`}`
          : `${lang === 'ru' ? 'Запросов' : 'Requests'}: ${due.length}`;
      await browser.notifications.create(`${kind}:${first.record.id}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icons/128.png'),
        title: words.title,
        message: `${what} — ${words.then}`,
      });
      for (const view of due) notified.add(`${kind}:${view.record.id}`);
      fresh += due.length;
    }
    if (fresh) await db.settings.put({ key: 'notified', value: [...notified] });
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
      await checkAttention().catch((error: unknown) =>
        console.error('[ingroup-privacy] badge and notifications', error),
      );
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
    regimeOf: regimeFor,
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
    if (!NOTIFICATION_KINDS.some((kind) => id.startsWith(`${kind}:`))) return;
    browser.runtime.openOptionsPage().catch((error: unknown) => console.error('[ingroup-privacy] open options', error));
  });
  run('worker start');
}
