import type { EndpointLiveness } from '@/lib/requests/liveness';
import { useI18n } from '../common/i18n';
import type { Lang } from '@/lib/vocabulary';

function formatTime(at: number, lang: Lang): string {
  return new Date(at).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * Whether Ingroup's endpoint has ever answered this browser, and its last problem — said as a
 * fact the extension observed, never assumed (issue 13). Shown in the panel and in Options.
 */
export function EndpointStatus({ liveness }: { liveness: EndpointLiveness }): preact.JSX.Element {
  const { t, lang } = useI18n();
  const host = new URL(liveness.base).host;
  const failedSince =
    liveness.failedAt !== null && (liveness.answeredAt === null || liveness.failedAt > liveness.answeredAt);
  return (
    <p class="muted endpoint-status">
      {liveness.answeredAt === null
        ? t('endpoint.never', { host })
        : t('endpoint.answered', { host, date: formatTime(liveness.answeredAt, lang) })}
      {failedSince && liveness.failedAt !== null && (
        <>
          {' '}
          {liveness.problem === 'http'
            ? t('endpoint.problem.http', {
                date: formatTime(liveness.failedAt, lang),
                status: liveness.httpStatus ?? '?',
              })
            : t('endpoint.problem.unreachable', { date: formatTime(liveness.failedAt, lang) })}
        </>
      )}
    </p>
  );
}
