import { useState } from 'preact/hooks';
import type { Regime } from '@/lib/vocabulary';
import { calendarFromCatalog } from '@/lib/deadlines/calendar-update';
import { catalog as catalogQuery, recentRequests } from '@/lib/store/queries';
import { useI18n } from '../common/i18n';
import { useLiveQuery } from '../common/use-live-query';
import { RequestsList } from './RequestsList';

const PAGE = 50;

/** Every account's requests, read only when the admin opens the list, newest first, 50 at a time. */
export function LazyRequests({ regimeOf }: { regimeOf: (host: string) => Regime }): preact.JSX.Element {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [limit, setLimit] = useState(PAGE);
  const requests = useLiveQuery(async (d) => (open ? recentRequests(d, limit + 1) : []), [open, limit]);
  const catalog = useLiveQuery(async (d) => (open ? (await catalogQuery(d)).catalog : null), [open]);
  const calendar = calendarFromCatalog(catalog.status === 'ready' ? catalog.value : null).calendar;
  const shown = requests.status === 'ready' ? requests.value.slice(0, limit) : [];
  const more = requests.status === 'ready' && requests.value.length > limit;
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('requests.heading')}</summary>
      {open && requests.status === 'ready' && (
        <RequestsList requests={shown} regimeOf={regimeOf} showAccount calendar={calendar} />
      )}
      {more && (
        <button type="button" onClick={() => setLimit(limit + PAGE)}>
          {t('requests.more')}
        </button>
      )}
    </details>
  );
}
