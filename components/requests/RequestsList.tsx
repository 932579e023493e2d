import { useState } from 'preact/hooks';
import type { Lang, Regime } from '@/lib/vocabulary';
import type { RuCalendar } from '@/lib/deadlines/ru-calendar';
import { keyOf } from '@/lib/i18n';
import { requestTitle } from '@/lib/requests/titles';
import { isFinal, type RequestEvent, type RequestRecord } from '@/lib/requests/record';
import { requestView, type RequestView } from '@/lib/requests/view';
import type { ToBackground } from '@/lib/messages';
import { send } from '@/lib/send';
import { download } from '../common/download';
import { useI18n } from '../common/i18n';
import { useLazy } from '../common/use-lazy';
import { ErrorText } from '../common/ErrorText';

type ExportModule = typeof import('@/lib/requests/export');
type ComplaintModule = typeof import('@/lib/requests/complaint');

export interface RequestsListProps {
  requests: readonly RequestRecord[];
  regimeOf: (host: string) => Regime;
  showAccount?: boolean;
  /** The production calendar with any years Ingroup's catalog carries; the bundled one otherwise. */
  calendar?: RuCalendar;
}

/** 2026-11-17 as the admin reads dates: 17.11.2026 / 17 Nov 2026. */
function formatDay(date: string, lang: Lang): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
}

function formatTime(at: number, lang: Lang): string {
  return new Date(at).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
}

/** A background action behind a button; a refusal is said next to the buttons, not swallowed. */
/** What went wrong with the last button pressed, if anything. */
function ActionError({ error }: { error: unknown }): preact.JSX.Element | null {
  const { t } = useI18n();
  return error ? (
    <p class="error" role="alert">
      <ErrorText error={error} wrap={(text) => t('requests.actionFailed', { error: text })} />
    </p>
  ) : null;
}

function useAction(): {
  run: (message: ToBackground) => void;
  exportFile: (make: (m: ExportModule) => Parameters<typeof download>) => void;
  error: unknown;
} {
  const [error, setError] = useState<unknown>(null);
  const fail = (e: unknown): void => setError(e);
  const run = (message: ToBackground): void => {
    setError(null);
    send(message).catch(fail);
  };
  // The CSV and calendar writers load on the first export, not with the list.
  const exportFile = (make: (m: ExportModule) => Parameters<typeof download>): void => {
    setError(null);
    import('@/lib/requests/export').then((m) => download(...make(m))).catch(fail);
  };
  return { run, exportFile, error };
}

function Due({ view }: { view: RequestView }): preact.JSX.Element {
  const { t, lang } = useI18n();
  if (view.dueUnknown === 'not_received') return <>{t('requests.dueNotReceived')}</>;
  const extra = (
    <>
      {view.provisional && <span class="muted"> {t('requests.dueProvisional')}</span>}
      {view.reportedDueDate && view.reportedDueDate !== view.dueDate && (
        <> · {t('requests.dueReported', { date: formatDay(view.reportedDueDate, lang) })}</>
      )}
      {view.promisedDueDate && <> · {t('requests.duePromised', { date: formatDay(view.promisedDueDate, lang) })}</>}
    </>
  );
  if (view.dueDate === null)
    return (
      <>
        {t('requests.dueNone')}
        {extra}
      </>
    );
  const date = formatDay(view.dueDate, lang);
  const law = view.overdue ? (
    <strong class="bad">{t('requests.dueOverdue', { date })}</strong>
  ) : view.rule?.period?.unit === 'immediately' ? (
    <>{t('requests.dueImmediately', { date })}</>
  ) : (
    <>{t('requests.dueLeft', { date, days: Math.max(0, view.workingDaysLeft ?? 0) })}</>
  );
  return (
    <>
      {law}
      {extra}
    </>
  );
}

function EventLine({ event }: { event: RequestEvent }): preact.JSX.Element {
  const { t, lang } = useI18n();
  const what = t(keyOf('requests.event', event.kind));
  const status = event.status
    ? `: ${t(keyOf('requests.status', event.status))}`
    : event.answer
      ? `: ${t(keyOf('requests.answer', event.answer))}${event.answeredOn ? `, ${t('requests.answer.on', { date: formatDay(event.answeredOn, lang) })}` : ''}`
      : '';
  const detail = [event.detail ?? event.reason ?? event.message, event.note].filter(Boolean).join(' — ');
  return (
    <li>
      {formatTime(event.at, lang)} — {what}
      {status}
      {detail ? ` (${detail})` : ''}
    </li>
  );
}

function CopyButton({ text }: { text: string }): preact.JSX.Element {
  const { t } = useI18n();
  const [note, setNote] = useState<string | null>(null);
  const copy = (): void => {
    navigator.clipboard.writeText(text).then(
      () => setNote(t('requests.copied')),
      () => setNote(t('requests.copyFailed')),
    );
  };
  return (
    <>
      <button type="button" onClick={copy}>
        {t('requests.copy')}
      </button>{' '}
      <span role="status">{note}</span>
    </>
  );
}

/** Recording Ingroup's answer to an emailed request: the form loads when the admin opens it. */
function AnswerBlock({ id }: { id: string }): preact.JSX.Element {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const form = useLazy(() => import('./AnswerForm'), open);
  return (
    <details class="answer" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('requests.recordAnswer')}</summary>
      {form.status === 'ready' && <form.value.AnswerForm id={id} />}
      {form.status === 'error' && (
        <p class="error" role="alert">
          <ErrorText error={form.error} wrap={(text) => t('requests.actionFailed', { error: text })} />
        </p>
      )}
    </details>
  );
}

/** The complaint's writer loads with the first overdue request, not with the list. */
function ComplaintBlock({ view, regime }: { view: RequestView; regime: Regime }): preact.JSX.Element | null {
  const writer = useLazy(() => import('@/lib/requests/complaint'), true);
  return writer.status === 'ready' ? (
    <ComplaintText view={view} regime={regime} complaintFor={writer.value.complaintFor} />
  ) : null;
}

function ComplaintText({
  view,
  regime,
  complaintFor,
}: {
  view: RequestView;
  regime: Regime;
  complaintFor: ComplaintModule['complaintFor'];
}): preact.JSX.Element {
  const { t, lang } = useI18n();
  const complaint = complaintFor(view, regime, lang);
  return (
    <details>
      <summary>{t('requests.complaint')}</summary>
      <p>
        {t('requests.complaintTo', { authority: complaint.authority.name })} —{' '}
        <a href={complaint.authority.url} target="_blank" rel="noopener noreferrer">
          {complaint.authority.url}
        </a>
      </p>
      <pre class="preview" lang={complaint.lang}>
        {complaint.text}
      </pre>
      <CopyButton text={complaint.text} />
      {complaint.translation && (
        <details>
          <summary>{t('requests.complaintTranslation')}</summary>
          <pre class="preview" lang={complaint.translation.lang}>
            {complaint.translation.text}
          </pre>
        </details>
      )}
    </details>
  );
}

/** Ingroup has not acknowledged it: it may go by email at any moment, whatever the endpoint does. */
function canEmail(view: RequestView): boolean {
  const { status, sentBy } = view.state;
  return sentBy !== 'email' && (status === 'queued' || status === 'sent' || status === 'failed');
}

/**
 * The letter in full — to read, to copy, as a .eml file — and a mail link: the whole letter when
 * it fits in one, else a new email with the subject, to paste the letter into. Never shortened.
 * The letter's writer loads with the first request that needs it, not with the list.
 */
function EmailLetter({ record }: { record: RequestRecord }): preact.JSX.Element | null {
  const { t, lang } = useI18n();
  const writer = useLazy(() => Promise.all([import('@/lib/requests/email'), import('@/lib/requests/eml')]), true);
  if (writer.status !== 'ready') return null;
  const [email, eml] = writer.value;
  const text = email.emailText(record, lang);
  const mailto = email.mailtoFor(record, lang);
  const whole = `${t('requests.letterTo')}: ${text.to}\n${t('requests.letterSubject')}: ${text.subject}\n\n${text.body.replaceAll('\r\n', '\n')}`;
  const file = (): void => {
    const from = { name: record.body.requester.name, email: record.body.requester.email };
    download(`ingroup-request-${record.id}.eml`, eml.emlFor(text, { from, date: new Date() }), 'message/rfc822');
  };
  return (
    <>
      <pre class="preview" lang={lang}>
        {whole}
      </pre>
      <p class="actions">
        <CopyButton text={whole} />{' '}
        <button type="button" onClick={file}>
          {t('requests.downloadEml')}
        </button>{' '}
        <a href={mailto.href} class="button">
          {t('requests.sendEmail')}
        </a>
      </p>
      {!mailto.whole && <p class="muted">{t('requests.mailtoSubjectOnly')}</p>}
    </>
  );
}

function RequestItem({
  view,
  regime,
  showAccount,
}: {
  view: RequestView;
  regime: Regime;
  showAccount: boolean;
}): preact.JSX.Element {
  const { t, lang } = useI18n();
  const { record, state } = view;
  const action = useAction();
  const status =
    state.status === 'sent' && state.sentBy === 'email'
      ? t('requests.sentByEmail')
      : state.status === 'queued' && record.channel === 'email'
        ? t('requests.status.awaitingEmail')
        : t(keyOf('requests.status', state.status));
  return (
    <li class="request" aria-label={`${requestTitle(record.type, lang)}: ${status}`}>
      <h4>
        {requestTitle(record.type, lang)} — <span class={`status status-${state.status}`}>{status}</span>
      </h4>
      <dl class="facts">
        {showAccount && (
          <>
            <dt>{t('requests.account')}</dt>
            <dd>{record.host}</dd>
          </>
        )}
        <dt>{t('requests.reference')}</dt>
        <dd>{state.reference ?? t('requests.noReference')}</dd>
        <dt>{t('requests.id')}</dt>
        <dd>
          <code>{record.id}</code>
        </dd>
        <dt>{t('requests.created')}</dt>
        <dd>{formatTime(record.createdAt, lang)}</dd>
        <dt>{t('requests.due')}</dt>
        <dd>
          <Due view={view} />
        </dd>
      </dl>
      {view.rule && (
        <p class="muted">{t('requests.rule', { rule: view.rule.label[lang], source: view.rule.source })}</p>
      )}
      {state.message && <p>{t('requests.message', { message: state.message })}</p>}
      {view.notGettingThrough && (
        <p class="bad" role="status">
          {t('requests.notGettingThrough')}
        </p>
      )}
      {state.lastError && <p class="muted">{t('requests.lastError', { error: state.lastError })}</p>}
      {state.reason && <p>{t('requests.reason', { reason: state.reason })}</p>}
      {canEmail(view) && (
        <details class="email-route" open={view.needsAction === 'email'}>
          <summary>{t('requests.emailRoute')}</summary>
          <EmailLetter record={record} />
          <p class="actions">
            <button type="button" onClick={() => action.run({ type: 'request/email-sent', id: record.id })}>
              {t('requests.emailSent')}
            </button>{' '}
            {state.status === 'failed' && (
              <button type="button" onClick={() => action.run({ type: 'request/retry', id: record.id })}>
                {t('requests.retry')}
              </button>
            )}
            {state.status === 'queued' && record.channel === 'email' && (
              <button type="button" onClick={() => action.run({ type: 'request/retry', id: record.id })}>
                {t('requests.sendByEndpoint')}
              </button>
            )}
          </p>
        </details>
      )}
      <ActionError error={action.error} />
      {state.sentBy === 'email' && !isFinal(state.status) && <AnswerBlock id={record.id} />}
      {view.needsAction === 'complaint' && <ComplaintBlock view={view} regime={regime} />}
      <details>
        <summary>{t('requests.history')}</summary>
        <ol class="events">
          {record.events.map((event, i) => (
            <EventLine key={i} event={event} />
          ))}
        </ol>
      </details>
    </li>
  );
}

/** Requests with their status, reference, deadline and history; failed ones offer the email route, overdue ones a complaint. */
export function RequestsList({
  requests,
  regimeOf,
  showAccount = false,
  calendar,
}: RequestsListProps): preact.JSX.Element {
  const { t, lang } = useI18n();
  const action = useAction();
  const today = new Date();
  const views = requests.map((r) => requestView(r, regimeOf(r.host), today, calendar));
  if (views.length === 0) return <p class="muted">{t('requests.none')}</p>;
  return (
    <div class="requests">
      <ul class="request-list">
        {views.map((view) => (
          <RequestItem key={view.record.id} view={view} regime={regimeOf(view.record.host)} showAccount={showAccount} />
        ))}
      </ul>
      <p class="actions">
        <button type="button" onClick={() => action.run({ type: 'outbox/flush', checkNow: true })}>
          {t('requests.checkNow')}
        </button>{' '}
        <button
          type="button"
          onClick={() =>
            action.exportFile((m) => ['ingroup-requests.csv', m.requestsCsv(requests), 'text/csv;charset=utf-8'])
          }
        >
          {t('requests.exportCsv')}
        </button>{' '}
        <button
          type="button"
          onClick={() =>
            action.exportFile((m) => [
              'ingroup-deadlines.ics',
              m.requestsIcs(views, { now: Date.now(), lang }),
              'text/calendar;charset=utf-8',
            ])
          }
        >
          {t('requests.exportIcs')}
        </button>
      </p>
      <ActionError error={action.error} />
    </div>
  );
}
