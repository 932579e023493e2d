import type { Regime } from '@/lib/amocrm/host';
import type { MessageKey } from '@/lib/i18n';
import { complaintText } from '@/lib/requests/complaint';
import { mailtoFor, requestTitle } from '@/lib/requests/email';
import { requestsCsv, requestsIcs } from '@/lib/requests/export';
import type { RequestRecord } from '@/lib/requests/record';
import { requestView, type RequestView } from '@/lib/requests/view';
import { send } from '@/lib/send';
import { download } from '../common/download';
import { useI18n } from '../common/i18n';

export interface RequestsListProps {
  requests: readonly RequestRecord[];
  regimeOf: (host: string) => Regime;
  showAccount?: boolean;
}

function act(message: Parameters<typeof send>[0]): void {
  send(message).catch((error: unknown) => console.error('[ingroup-privacy]', error));
}

function Due({ view }: { view: RequestView }): preact.JSX.Element {
  const { t } = useI18n();
  if (view.dueUnknown === 'not_received') return <>{t('requests.dueNotReceived')}</>;
  if (view.dueUnknown === 'calendar_not_covered') return <>{t('requests.dueNoCalendar', { year: view.calendarYear ?? '' })}</>;
  const date = view.dueDate ?? '';
  return view.overdue ? <strong class="bad">{t('requests.dueOverdue', { date })}</strong> : <>{t('requests.dueLeft', { date, days: view.workingDaysLeft ?? 0 })}</>;
}

function RequestItem({ view, regime, showAccount }: { view: RequestView; regime: Regime; showAccount: boolean }): preact.JSX.Element {
  const { t, lang } = useI18n();
  const { record, state } = view;
  const when = (at: number): string => new Date(at).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' });
  const complaint = view.needsAction === 'complaint' ? complaintText(view, regime, lang) : null;
  return (
    <li class="request" aria-label={`${requestTitle(record.type, lang)}: ${t(`requests.status.${state.status}` as MessageKey)}`}>
      <h4>
        {requestTitle(record.type, lang)} — <span class={`status status-${state.status}`}>{t(`requests.status.${state.status}` as MessageKey)}</span>
      </h4>
      <dl class="facts">
        {showAccount && (
          <>
            <dt>{t('requests.account')}</dt>
            <dd>{record.host}</dd>
          </>
        )}
        <dt>{t('requests.reference')}</dt>
        <dd>{state.reference ?? record.id}</dd>
        <dt>{t('requests.created')}</dt>
        <dd>{when(record.createdAt)}</dd>
        <dt>{t('requests.due')}</dt>
        <dd>
          <Due view={view} />
        </dd>
      </dl>
      {state.lastError && <p class="muted">{t('requests.lastError', { error: state.lastError })}</p>}
      {state.reason && <p>{t('requests.reason', { reason: state.reason })}</p>}
      {view.needsAction === 'email' && (
        <p class="actions">
          <a href={mailtoFor(record, lang)} class="button">
            {t('requests.sendEmail')}
          </a>{' '}
          <button type="button" onClick={() => act({ type: 'request/email-sent', id: record.id })}>
            {t('requests.emailSent')}
          </button>{' '}
          <button type="button" onClick={() => act({ type: 'request/retry', id: record.id })}>
            {t('requests.retry')}
          </button>
        </p>
      )}
      {complaint && (
        <details>
          <summary>{t('requests.complaint')}</summary>
          <pre class="preview">{complaint}</pre>
          <button type="button" onClick={() => void navigator.clipboard.writeText(complaint)}>
            {t('requests.copy')}
          </button>
        </details>
      )}
      <details>
        <summary>{t('requests.history')}</summary>
        <ol class="events">
          {record.events.map((event, i) => (
            <li key={i}>
              {when(event.at)} — {event.kind}
              {event.status ? `: ${event.status}` : ''}
              {event.detail ? ` (${event.detail})` : ''}
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}

/** Requests with their status, reference, deadline and history; failed ones offer the email route. */
export function RequestsList({ requests, regimeOf, showAccount = false }: RequestsListProps): preact.JSX.Element {
  const { t, lang } = useI18n();
  const today = new Date();
  const views = requests.map((r) => requestView(r, regimeOf(r.host), today));
  return (
    <div class="requests">
      {views.length === 0 ? (
        <p class="muted">{t('requests.none')}</p>
      ) : (
        <ul class="request-list">
          {views.map((view) => (
            <RequestItem key={view.record.id} view={view} regime={regimeOf(view.record.host)} showAccount={showAccount} />
          ))}
        </ul>
      )}
      {views.length > 0 && (
        <p class="actions">
          <button type="button" onClick={() => act({ type: 'outbox/flush', checkNow: true })}>
            {t('requests.checkNow')}
          </button>{' '}
          <button type="button" onClick={() => download('ingroup-requests.csv', requestsCsv(requests), 'text/csv;charset=utf-8')}>
            {t('requests.exportCsv')}
          </button>{' '}
          <button
            type="button"
            onClick={() =>
              download(
                'ingroup-deadlines.ics',
                requestsIcs(requests, { now: Date.now(), lang, dueOf: (record) => views.find((v) => v.record.id === record.id)?.dueDate ?? undefined }),
                'text/calendar;charset=utf-8',
              )
            }
          >
            {t('requests.exportIcs')}
          </button>
        </p>
      )}
    </div>
  );
}
