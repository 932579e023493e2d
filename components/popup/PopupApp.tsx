import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { defaultRegime } from '@/lib/amocrm/host';
import type { Lang } from '@/lib/i18n';
import { LazyHostAccess } from '../common/LazyHostAccess';
import { I18nProvider, useI18n } from '../common/i18n';
import { LazyRequests } from '../requests/LazyRequests';
import { currentAmoTab, type CurrentTab } from './current-tab';
import { useAccountLines, useOpenRequestCount, type AccountLine, type OpenRequests } from './use-accounts';
import { useMarketingSwitches } from './use-marketing-switches';

export function PopupApp({ lang }: { lang: Lang }): preact.JSX.Element {
  return (
    <I18nProvider lang={lang}>
      <Popup />
    </I18nProvider>
  );
}

function MarketingSwitch({ line, allowed, onToggle }: { line: AccountLine; allowed: boolean; onToggle: (allowed: boolean) => void }): preact.JSX.Element {
  const { t } = useI18n();
  return (
    <label class="switch account-line">
      <input type="checkbox" role="switch" checked={allowed} aria-label={t('consent.marketingFor', { host: line.account.host })} onChange={(e) => onToggle(e.currentTarget.checked)} />
      <span>
        <strong>{line.account.name ?? line.account.subdomain}</strong> <span class="muted">{line.account.host}</span>
      </span>
    </label>
  );
}

/** How many requests are open, and what the badge counts among them, in words. */
function OpenRequestsLine({ open }: { open: OpenRequests }): preact.JSX.Element {
  const { t } = useI18n();
  const a = open.attention;
  const parts = a
    ? [
        a.notGettingThrough + a.failed ? t('popup.notGettingThrough', { count: a.notGettingThrough + a.failed }) : '',
        a.awaitingEmail ? t('popup.awaitingEmail', { count: a.awaitingEmail }) : '',
        a.overdue ? t('popup.overdue', { count: a.overdue }) : '',
      ].filter(Boolean)
    : [];
  return (
    <p role="status">
      {t('consent.openRequests', { count: open.open })}
      {parts.length > 0 && <strong class="bad"> — {parts.join('; ')}</strong>}
    </p>
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

  const [openFailed, setOpenFailed] = useState<string | null>(null);
  const openPanel = async (): Promise<void> => {
    if (!tab) return;
    setOpenFailed(null);
    try {
      await browser.tabs.sendMessage(tab.tabId, { type: 'panel/open' }, { frameId: 0 });
      window.close();
    } catch (error) {
      // Typically a tab opened before the extension was installed or updated: its page has no launcher yet.
      setOpenFailed(error instanceof Error ? error.message : String(error));
    }
  };

  const lines = data.status === 'ready' ? data.value : [];
  const switches = useMarketingSwitches(data);
  // No recorded choice is the policy's default: promotional email allowed until the admin opts out (§3.3).
  const allowedFor = (line: AccountLine): boolean => switches.shown(line.account.host) ?? (line.marketing === null || line.marketing === 'given');
  // The current tab's account first.
  const ordered = tab ? [...lines.filter((l) => l.account.host === tab.host), ...lines.filter((l) => l.account.host !== tab.host)] : lines;
  const allAllowed = lines.every(allowedFor);
  return (
    <main>
      <h1>{t('app.name')}</h1>
      <LazyHostAccess />
      <section aria-labelledby="current-heading">
        <h2 id="current-heading">{t('popup.currentTab')}</h2>
        {tab === undefined && <p>{t('common.loading')}</p>}
        {tab === null && <p class="muted">{t('popup.noAmoTab')}</p>}
        {tab && (
          <p>
            {tab.host}{' '}
            <button type="button" class="primary" onClick={() => void openPanel()}>
              {t('popup.openPanel')}
            </button>
          </p>
        )}
        {openFailed && (
          <p class="error" role="alert">
            {t('consent.panelNotOpened', { message: openFailed })}
          </p>
        )}
      </section>
      {openRequests.status === 'ready' && <OpenRequestsLine open={openRequests.value} />}
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">{t('popup.accounts')}</h2>
        {data.status === 'error' && (
          <p class="error" role="alert">
            {data.error.message}
          </p>
        )}
        {data.status === 'ready' && lines.length === 0 && <p class="muted">{t('popup.noAccounts')}</p>}
        {lines.length > 0 && <p class="muted">{t('popup.switchHint')}</p>}
        {switches.error && (
          <p class="error" role="alert">
            {t('consent.failed', { message: switches.error })}
          </p>
        )}
        {lines.length > 1 && (
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              checked={allAllowed}
              onChange={(e) => switches.chooseAll(lines.map((l) => l.account.host), e.currentTarget.checked)}
            />
            <span>{t('consent.marketingAll')}</span>
          </label>
        )}
        <ul class="accounts">
          {ordered.map((line) => (
            <li key={line.account.host}>
              <MarketingSwitch line={line} allowed={allowedFor(line)} onToggle={(allowed) => switches.choose(line.account.host, allowed)} />
            </li>
          ))}
        </ul>
      </section>
      <LazyRequests regimeOf={(host) => lines.find((l) => l.account.host === host)?.account.regime ?? defaultRegime(host)} />
    </main>
  );
}
