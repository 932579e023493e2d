import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { db } from '@/lib/db';
import type { Lang } from '@/lib/i18n';
import { AccountSummary } from '../common/AccountSummary';
import { I18nProvider, useI18n } from '../common/i18n';
import { useLiveQuery } from '../common/use-live-query';
import { currentAmoTab, type CurrentTab } from './current-tab';

export function PopupApp({ lang }: { lang: Lang }): preact.JSX.Element {
  return (
    <I18nProvider lang={lang}>
      <Popup />
    </I18nProvider>
  );
}

function Popup(): preact.JSX.Element {
  const { t } = useI18n();
  const [tab, setTab] = useState<CurrentTab | null | undefined>(undefined);
  useEffect(() => {
    currentAmoTab().then(setTab, () => setTab(null));
  }, []);
  const accounts = useLiveQuery(() => db().accounts.orderBy('lastSeenAt').reverse().toArray(), []);

  const openPanel = async (): Promise<void> => {
    if (!tab) return;
    await browser.tabs.sendMessage(tab.tabId, { type: 'panel/open' }, { frameId: 0 });
    window.close();
  };

  const current = accounts.status === 'ready' && tab ? accounts.value.find((a) => a.host === tab.host) : undefined;
  const others = accounts.status === 'ready' ? accounts.value.filter((a) => a.host !== tab?.host) : [];
  return (
    <main>
      <h1>{t('app.name')}</h1>
      <section aria-labelledby="current-heading">
        <h2 id="current-heading">{t('popup.currentTab')}</h2>
        {tab === undefined && <p>{t('common.loading')}</p>}
        {tab === null && <p class="muted">{t('popup.noAmoTab')}</p>}
        {tab && (
          <>
            {current ? <AccountSummary account={current} /> : <p>{tab.host}</p>}
            <button type="button" class="primary" onClick={() => void openPanel()}>{t('popup.openPanel')}</button>
          </>
        )}
      </section>
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t('popup.accounts')}</h2>
        {accounts.status === 'ready' && others.length === 0 && !current && <p class="muted">{t('popup.noAccounts')}</p>}
        <ul class="accounts">
          {others.map((account) => (
            <li key={account.host}>{account.host}</li>
          ))}
        </ul>
      </section>
    </main>
  );
}
