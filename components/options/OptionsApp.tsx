import { type Lang, type Regime, regimeOf } from '@/lib/vocabulary';
import { send } from '@/lib/send';
import { accounts as accountsQuery } from '@/lib/store/queries';
import { AccountSummary } from '../common/AccountSummary';
import { LazyHostAccess } from '../common/LazyHostAccess';
import { I18nProvider, useI18n } from '../common/i18n';
import { useLiveQuery } from '../common/use-live-query';
import { LazyRequests } from '../requests/LazyRequests';
import { EndpointSetting } from '../requests/EndpointSetting';
import { LedgerTools } from './LedgerTools';
import { WipeData } from './WipeData';

export function OptionsApp({ lang }: { lang: Lang }): preact.JSX.Element {
  return (
    <I18nProvider lang={lang}>
      <Options />
    </I18nProvider>
  );
}

function Options(): preact.JSX.Element {
  const { t } = useI18n();
  const accounts = useLiveQuery(accountsQuery, []);
  const list = accounts.status === 'ready' ? accounts.value : [];
  const regimeFor = (host: string): Regime => regimeOf(list.find((a) => a.host === host) ?? host);
  return (
    <main>
      <h1>{t('options.title')}</h1>
      <LazyHostAccess />
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t('popup.accounts')}</h2>
        {accounts.status === 'ready' && list.length === 0 && <p class="muted">{t('popup.noAccounts')}</p>}
        {list.map((account) => (
          <article key={account.host} class="account" aria-label={account.host}>
            <AccountSummary account={account} />
            <label>
              {t('options.regime')}{' '}
              <select
                value={regimeOf(account)}
                onChange={(e) =>
                  void send({
                    type: 'settings/regime',
                    host: account.host,
                    regime: e.currentTarget.value === 'gdpr' ? 'gdpr' : 'ru152',
                  })
                }
              >
                <option value="ru152">{t('composer.regime.ru152')}</option>
                <option value="gdpr">{t('composer.regime.gdpr')}</option>
              </select>
            </label>
          </article>
        ))}
      </section>
      <section aria-label={t('requests.heading')}>
        <LazyRequests regimeOf={regimeFor} />
      </section>
      <LedgerTools />
      <EndpointSetting />
      <WipeData />
    </main>
  );
}
