import type { AccountRow } from '@/lib/account';
import { useI18n } from './i18n';

/** The account as the extension knows it: what the page said, and what the API read added. */
export function AccountSummary({ account }: { account: AccountRow }): preact.JSX.Element {
  const { t } = useI18n();
  return (
    <dl class="facts">
      <dt>{t('account.host')}</dt>
      <dd>{account.host}</dd>
      <dt>{t('account.subdomain')}</dt>
      <dd>{account.subdomain}</dd>
      <dt>{t('account.id')}</dt>
      <dd>{account.accountId ?? t('account.notYetRead')}</dd>
      {account.name !== undefined && (
        <>
          <dt>{t('account.name')}</dt>
          <dd>{account.name}</dd>
        </>
      )}
    </dl>
  );
}
