import { keyOf } from '@/lib/i18n';
import type { PanelSummary } from '@/lib/panel/summary';
import { useI18n } from '../common/i18n';

/** Moves to a section of the panel (its heading takes the focus), as an in-page link would, inside the frame. */
function goTo(event: MouseEvent, id: string): void {
  const heading = document.getElementById(`${id}-heading`);
  if (!heading) return;
  event.preventDefault();
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

function Figure({
  id,
  value,
  label,
  detail,
}: {
  id: string;
  value: string;
  label: string;
  detail: string;
}): preact.JSX.Element {
  return (
    <li>
      <a class="figure" href={`#${id}-heading`} onClick={(event) => goTo(event, id)}>
        {/* The spaces keep the link's accessible name in words: "3 Ingroup widgets installed 3 named by…". */}
        <span class="figure-value">{value}</span> <span class="figure-label">{label}</span>{' '}
        <span class="figure-detail">{detail}</span>
      </a>
    </li>
  );
}

/** One verdict line and four figures, each a link to the section it sums up. */
export function Summary({
  summary,
  formatDay,
}: {
  summary: PanelSummary;
  formatDay: (date: string) => string;
}): preact.JSX.Element {
  const { t } = useI18n();
  const sure =
    summary.sureness.map((s) => t(keyOf('summary.sure', s.kind), { count: s.count })).join(', ') ||
    t('summary.sure.none');
  const due = [
    summary.overdue > 0 ? t('summary.overdue', { count: summary.overdue }) : null,
    summary.nextDue ? t('summary.nextDue', { date: formatDay(summary.nextDue) }) : null,
  ]
    .filter((part) => part !== null)
    .join(', ');
  return (
    <section aria-labelledby="summary-heading" class={`summary verdict-${summary.verdict}`}>
      <h2 id="summary-heading" class="visually-hidden">
        {t('summary.heading')}
      </h2>
      <p class="verdict">{t(`summary.verdict.${summary.verdict}`)}</p>
      <ul class="figures">
        <Figure id="inventory" value={String(summary.widgets)} label={t('summary.widgets')} detail={sure} />
        <Figure
          id="inventory"
          value={String(summary.dataItems)}
          label={t('summary.data')}
          detail={t('summary.dataHint')}
        />
        <Figure
          id="flags"
          value={summary.problems === null ? '…' : String(summary.problems)}
          label={t('summary.problems')}
          detail={t('summary.problemsHint')}
        />
        <Figure
          id="requests"
          value={String(summary.openRequests)}
          label={t('summary.requests')}
          detail={due || t('summary.noDue')}
        />
      </ul>
    </section>
  );
}
