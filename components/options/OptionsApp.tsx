import { db } from '@/lib/db';
import type { Lang } from '@/lib/i18n';
import { AccountSummary } from '../common/AccountSummary';
import { I18nProvider, useI18n } from '../common/i18n';
import { useLiveQuery } from '../common/use-live-query';

export function OptionsApp({ lang }: { lang: Lang }): preact.JSX.Element {
  return (
    <I18nProvider lang={lang}>
      <Options />
    </I18nProvider>
  );
}

function Options(): preact.JSX.Element {
  const { t } = useI18n();
  const accounts = useLiveQuery(() => db().accounts.orderBy('lastSeenAt').reverse().toArray(), []);
  return (
    <main>
      <h1>{t('options.title')}</h1>
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t('popup.accounts')}</h2>
        {accounts.status === 'ready' && accounts.value.length === 0 && <p class="muted">{t('popup.noAccounts')}</p>}
        {accounts.status === 'ready' && accounts.value.map((account) => (
          <article key={account.host} aria-label={account.host}>
            <AccountSummary account={account} />
          </article>
        ))}
      </section>
    </main>
  );
}
