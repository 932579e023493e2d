import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { defaultRegime } from '@/lib/amocrm/host';
import type { Lang } from '@/lib/i18n';
import { send } from '@/lib/send';
import { I18nProvider, useI18n } from '../common/i18n';
import { LazyRequests } from '../requests/LazyRequests';
import { currentAmoTab, type CurrentTab } from './current-tab';
import { useAccountLines, useOpenRequestCount, type AccountLine } from './use-accounts';

export function PopupApp({ lang }: { lang: Lang }): preact.JSX.Element {
  return (
    <I18nProvider lang={lang}>
      <Popup />
    </I18nProvider>
  );
}

function report(error: unknown): void {
  console.error('[ingroup-privacy]', error);
}

function MarketingSwitch({ line }: { line: AccountLine }): preact.JSX.Element {
  const { t } = useI18n();
  const allowed = line.marketing === null || line.marketing === 'given';
  return (
    <label class="switch account-line">
      <input
        type="checkbox"
        role="switch"
        checked={allowed}
        aria-label={t('consent.marketingFor', { host: line.account.host })}
        onChange={(e) =>
          void send({ type: 'consent/record', host: line.account.host, purpose: 'marketing', state: e.currentTarget.checked ? 'given' : 'refused', method: 'popup' }).catch(report)
        }
      />
      <span>
        <strong>{line.account.name ?? line.account.subdomain}</strong> <span class="muted">{line.account.host}</span>
      </span>
    </label>
  );
}

function Popup(): preact.JSX.Element {
  const { t } = useI18n();
  const [tab, setTab] = useState<CurrentTab | null | undefined>(undefined);
  useEffect(() => {
    currentAmoTab().then(setTab, () => setTab(null));
  }, []);
  const data = useAccountLines();
  const openRequests = useOpenRequestCount();

  const openPanel = async (): Promise<void> => {
    if (!tab) return;
    await browser.tabs.sendMessage(tab.tabId, { type: 'panel/open' }, { frameId: 0 });
    window.close();
  };

  const lines = data.status === 'ready' ? data.value : [];
  // The current tab's account first.
  const ordered = tab ? [...lines.filter((l) => l.account.host === tab.host), ...lines.filter((l) => l.account.host !== tab.host)] : lines;
  const allAllowed = lines.every((l) => l.marketing === null || l.marketing === 'given');
  return (
    <main>
      <h1>{t('app.name')}</h1>
      <section aria-labelledby="current-heading">
        <h2 id="current-heading">{t('popup.currentTab')}</h2>
        {tab === undefined && <p>{t('common.loading')}</p>}
        {tab === null && <p class="muted">{t('popup.noAmoTab')}</p>}
        {tab && (
          <p>
            {tab.host}{' '}
            <button type="button" class="primary" onClick={() => void openPanel().catch(report)}>
              {t('popup.openPanel')}
            </button>
          </p>
        )}
      </section>
      {openRequests.status === 'ready' && <p>{t('consent.openRequests', { count: openRequests.value })}</p>}
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t('popup.accounts')}</h2>
        {data.status === 'error' && (
          <p class="error" role="alert">
            {data.error.message}
          </p>
        )}
        {data.status === 'ready' && lines.length === 0 && <p class="muted">{t('popup.noAccounts')}</p>}
        {lines.length > 0 && <p class="muted">{t('popup.switchHint')}</p>}
        {lines.length > 1 && (
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              checked={allAllowed}
              onChange={(e) => void send({ type: 'consent/record-all', state: e.currentTarget.checked ? 'given' : 'refused', method: 'popup' }).catch(report)}
            />
            <span>{t('consent.marketingAll')}</span>
          </label>
        )}
        <ul class="accounts">
          {ordered.map((line) => (
            <li key={line.account.host}>
              <MarketingSwitch line={line} />
            </li>
          ))}
        </ul>
      </section>
      <LazyRequests regimeOf={(host) => lines.find((l) => l.account.host === host)?.account.regime ?? defaultRegime(host)} />
    </main>
  );
}
