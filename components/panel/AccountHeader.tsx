import type { Snapshot } from '@/lib/amocrm/snapshot';
import { useI18n } from '../common/i18n';

/**
 * Who and what this account is, as amoCRM told the extension — with when it was read. Its id,
 * subdomain and number of users are listed here only when no widget table shows them (each value once).
 */
export function AccountHeader({
  snapshot,
  refreshing,
  onRefresh,
  facts,
}: {
  snapshot: Snapshot;
  refreshing: boolean;
  onRefresh: () => void;
  facts: boolean;
}): preact.JSX.Element {
  const { t, lang } = useI18n();
  const read = new Date(snapshot.fetchedAt).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <section aria-labelledby="account-heading" class="account">
      <h2 id="account-heading">{t('panel.account')}</h2>
      <dl class="facts">
        <dt>{t('account.name')}</dt>
        <dd>{snapshot.account.name}</dd>
        {facts && (
          <>
            <dt>{t('account.subdomain')}</dt>
            <dd>{snapshot.account.subdomain}</dd>
            <dt>{t('account.id')}</dt>
            <dd>{snapshot.account.id}</dd>
            <dt>{t('account.users')}</dt>
            <dd>{snapshot.userCount ?? t('inventory.adminOnly')}</dd>
          </>
        )}
      </dl>
      <p class="muted read-at">
        {t('inventory.readAt', { time: read })}{' '}
        <button type="button" onClick={onRefresh} disabled={refreshing}>
          {refreshing ? t('inventory.refreshing') : t('panel.refresh')}
        </button>
      </p>
    </section>
  );
}
