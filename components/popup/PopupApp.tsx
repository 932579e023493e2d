import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type Lang, regimeOf } from '@/lib/vocabulary';
import { LazyHostAccess } from '../common/LazyHostAccess';
import { I18nProvider, useI18n } from '../common/i18n';
import { LazyRequests } from '../requests/LazyRequests';
import { currentAmoTab, type CurrentTab } from './current-tab';
import { useAccountLines, useOpenRequestCount, type AccountLine, type OpenRequests } from './use-accounts';
import { useMarketingSwitches } from './use-marketing-switches';
import { useLastMarketingRequests } from './use-marketing-requests';
import { marketingRequestState, type MarketingRequestState } from '@/lib/requests/marketing-state';
import { popupTranslator } from '@/lib/i18n/popup';
import { requestView } from '@/lib/requests/view';
import { sendToTab } from '@/lib/send-to-tab';
import { keyOf } from '@/lib/i18n';
import { errorText } from '@/lib/i18n/errors';

export function PopupApp({ lang }: { lang: Lang }): preact.JSX.Element {
  return (
    <I18nProvider lang={lang}>
      <Popup />
    </I18nProvider>
  );
}

/** The state of the account's last marketing request, in words, beside its switch. */
function RequestState({ id, state }: { id: string; state: MarketingRequestState }): preact.JSX.Element {
  const { t, lang } = useI18n();
  const p = popupTranslator(lang);
  let text: string;
  if (state.kind === 'none') text = p('popup.request.none');
  else if (state.kind === 'unsent') text = p('popup.request.unsent');
  else {
    const day = (date: string): string =>
      new Date(`${date}T00:00:00Z`).toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
        dateStyle: 'medium',
        timeZone: 'UTC',
      });
    const status =
      state.status === 'overdue'
        ? p('popup.request.overdue', { date: state.dueDate ? day(state.dueDate) : '—' })
        : t(keyOf('requests.status', state.status));
    text = p(`popup.request.${state.type}`, { status });
  }
  const tone =
    state.kind === 'unsent' || (state.kind === 'request' && (state.status === 'overdue' || state.status === 'failed'))
      ? 'bad'
      : 'muted';
  return (
    <p id={id} class={`request-state ${tone}`} data-state={state.kind === 'request' ? state.status : state.kind}>
      {text}
    </p>
  );
}

function MarketingSwitch({
  line,
  allowed,
  current,
  state,
  onToggle,
}: {
  line: AccountLine;
  allowed: boolean;
  current: boolean;
  state: MarketingRequestState | null;
  onToggle: (allowed: boolean) => void;
}): preact.JSX.Element {
  const { t, lang } = useI18n();
  const stateId = `state-${line.account.host}`;
  return (
    <div class={`account-line${current ? ' current' : ''}`}>
      <label class="switch">
        <span class="account-name">
          <strong>{line.account.name ?? line.account.subdomain}</strong>
          <span class="muted">
            {line.account.host}
            {current && <span class="this-tab"> · {popupTranslator(lang)('popup.thisTab')}</span>}
          </span>
        </span>
        <input
          type="checkbox"
          role="switch"
          class="toggle"
          checked={allowed}
          aria-label={t('consent.marketingFor', { host: line.account.host })}
          aria-describedby={state ? stateId : undefined}
          onChange={(e) => onToggle(e.currentTarget.checked)}
        />
      </label>
      {state && <RequestState id={stateId} state={state} />}
    </div>
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
  const { t, lang } = useI18n();
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
      await sendToTab(browser, tab.tabId, { type: 'panel/open' });
      window.close();
    } catch (error) {
      // Typically a tab opened before the extension was installed or updated: its page has no launcher yet.
      setOpenFailed(errorText(error, lang));
    }
  };

  const lines = data.status === 'ready' ? data.value : [];
  const switches = useMarketingSwitches(data);
  // No recorded choice is the policy's default: promotional email allowed until the admin opts out (§3.3).
  const allowedFor = (line: AccountLine): boolean =>
    switches.shown(line.account.host) ?? (line.marketing === null || line.marketing === 'given');
  // The current tab's account first.
  const ordered = tab
    ? [...lines.filter((l) => l.account.host === tab.host), ...lines.filter((l) => l.account.host !== tab.host)]
    : lines;
  const allAllowed = lines.every(allowedFor);
  const lastRequests = useLastMarketingRequests(lines.map((l) => l.account.host));
  const today = new Date();
  const stateOf = (line: AccountLine): MarketingRequestState | null => {
    if (lastRequests.status !== 'ready') return null;
    const record = lastRequests.value.get(line.account.host);
    const regime = regimeOf(line.account);
    return marketingRequestState(
      line.marketing ? { state: line.marketing } : null,
      record ? requestView(record, regime, today) : null,
    );
  };
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
            {errorText(data.error, lang)}
          </p>
        )}
        {data.status === 'ready' && lines.length === 0 && <EmptyState />}
        {lines.length > 0 && <p class="muted">{t('popup.switchHint')}</p>}
        {switches.error != null && (
          <p class="error" role="alert">
            {t('consent.failed', { message: errorText(switches.error, lang) })}
          </p>
        )}
        {lines.length > 1 && (
          <label class="switch all-accounts">
            <span>{t('consent.marketingAll')}</span>
            <input
              type="checkbox"
              role="switch"
              class="toggle"
              checked={allAllowed}
              onChange={(e) =>
                switches.chooseAll(
                  lines.map((l) => l.account.host),
                  e.currentTarget.checked,
                )
              }
            />
          </label>
        )}
        <ul class="accounts">
          {ordered.map((line) => (
            <li key={line.account.host}>
              <MarketingSwitch
                line={line}
                allowed={allowedFor(line)}
                current={line.account.host === tab?.host}
                state={stateOf(line)}
                onToggle={(allowed) => switches.choose(line.account.host, allowed)}
              />
            </li>
          ))}
        </ul>
      </section>
      <LazyRequests regimeOf={(host) => regimeOf(lines.find((l) => l.account.host === host)?.account ?? host)} />
    </main>
  );
}

/** No account yet: what to do to get one here, and where the extension explains itself. */
function EmptyState(): preact.JSX.Element {
  const { lang } = useI18n();
  const p = popupTranslator(lang);
  return (
    <div class="empty">
      <h3>{p('popup.emptyTitle')}</h3>
      <p>{p('popup.empty')}</p>
      <p>
        <a href={browser.runtime.getURL('/welcome.html')} target="_blank" rel="noopener">
          {p('popup.howItWorks')}
        </a>
      </p>
    </div>
  );
}
