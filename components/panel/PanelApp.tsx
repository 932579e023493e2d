import { useEffect, useRef, useState } from 'preact/hooks';
import { type Lang, regimeOf } from '@/lib/vocabulary';
import { buildInventory, collected } from '@/lib/panel/inventory';
import { buildMatrix } from '@/lib/panel/matrix';
import { summarize } from '@/lib/panel/summary';
import { requestView } from '@/lib/requests/view';
import type { PanelModel } from '@/lib/panel/model-schema';
import type { RequestType } from '@/lib/vocabulary';
import { send } from '@/lib/send';
import { trapTab } from '../common/focus-trap';
import { I18nProvider, useI18n } from '../common/i18n';
import { LangSwitch } from '../common/LangSwitch';
import { LazyHostAccess } from '../common/LazyHostAccess';
import { ChoicesSection } from '../consent/ChoicesSection';
import { useLazy } from '../common/use-lazy';
import { calendarFromCatalog } from '@/lib/deadlines/calendar-update';
import { EndpointStatus } from '../requests/EndpointStatus';
import { RequestsList } from '../requests/RequestsList';
import { AccountHeader } from './AccountHeader';
import { ErrorBox } from './ErrorBox';
import { Inventory } from './Inventory';
import { Rights } from './Rights';
import { Section } from './Section';
import { Summary } from './Summary';
import { usePanelFeed } from './use-panel-feed';
import { useRefresh, type RefreshState } from './use-refresh';
import { useShownCount } from './use-shown';

export interface PanelProps {
  initialLang: Lang;
}

/** The panel shown over amoCRM: a modal dialog in an extension frame. Esc or Close returns focus to the launcher. */
export function PanelApp({ initialLang }: PanelProps): preact.JSX.Element {
  const [lang, setLang] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <I18nProvider lang={lang}>
      <PanelDialog onLang={setLang} />
    </I18nProvider>
  );
}

function close(): void {
  void send({ type: 'panel/close' }).catch((error: unknown) => console.error('[ingroup-privacy] close', error));
}

function PanelDialog({ onLang }: { onLang: (lang: Lang) => void }): preact.JSX.Element {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  const model = usePanelFeed();
  // The account is the one the background bound this frame's tab to, never the frame's URL.
  const host = model.status === 'ready' ? model.value.host : '';
  // Each time the panel is shown (it loads hidden and is kept, hidden, between opens): focus on
  // the title, and a fresh read of the account (from the background's cache while it is fresh).
  const shown = useShownCount();
  const { state, refresh } = useRefresh(host, shown);

  useEffect(() => {
    if (shown > 0) heading.current?.focus();
  }, [shown]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') close();
      trapTab(event, dialog.current);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div class="backdrop" onClick={(event) => event.target === event.currentTarget && close()}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="panel-title" ref={dialog}>
        <header class="dialog-head">
          <h1 id="panel-title" tabIndex={-1} ref={heading}>
            {t('panel.title')}
          </h1>
          <LangSwitch onChange={onLang} />
          <button type="button" onClick={close} aria-label={t('panel.close')}>
            ✕
          </button>
        </header>
        {host && (
          <p class="muted panel-host">
            {t('account.host')}: <strong>{host}</strong>
          </p>
        )}
        <LazyHostAccess when={model.status !== 'loading'} />
        {model.status === 'loading' && <p role="status">{t('common.loading')}</p>}
        {model.status === 'error' && <ErrorBox error={model.error} />}
        {model.status === 'ready' && <PanelBody model={model.value} refresh={refresh} state={state} />}
      </div>
    </div>
  );
}

function PanelBody({
  model,
  refresh,
  state,
}: {
  model: PanelModel;
  refresh: () => void;
  state: RefreshState;
}): preact.JSX.Element {
  const { t, lang } = useI18n();
  const [composing, setComposing] = useState<RequestType | null>(null);
  // The composer (and the request bodies and mail texts it builds) loads when a right is chosen.
  const composer = useLazy(() => import('../requests/Composer'), composing !== null);
  // A request chosen anywhere in the panel (a right, a problem's card) opens the composer in view, with the focus on it.
  const composerBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (composing === null || composer.status !== 'ready') return;
    composerBox.current?.scrollIntoView({ block: 'start' });
    composerBox.current?.focus({ preventScroll: true });
  }, [composing, composer.status]);
  // The policy's problems and statements sit below the fold: they load right after the first paint.
  const policy = useLazy(() => import('./PolicySections'), true);
  // So does the picture of where the data goes.
  const flow = useLazy(() => import('./DataFlow'), true);
  const { snapshot } = model;
  const regime = regimeOf(model.account ?? model.host);
  // Built once: the inventory lists the widgets, the composer offers them.
  const inventory = snapshot
    ? buildInventory({
        snapshot,
        catalog: model.catalog.catalog,
        source: model.catalog.source,
        evidence: model.evidence,
        marks: model.marks,
        lang,
      })
    : null;
  const ingroupWidgets = inventory?.widgets ?? [];
  const matrix = inventory && snapshot ? buildMatrix(inventory, (keys) => collected(keys, snapshot, lang)) : null;
  const calendar = calendarFromCatalog(model.catalog.catalog).calendar;
  const today = new Date();
  const summary = summarize(
    matrix,
    model.requests.map((r) => requestView(r, regime, today, calendar)),
    policy.status === 'ready' ? policy.value.PROBLEM_COUNT : null,
  );
  const formatDay = (date: string): string =>
    new Date(`${date}T00:00:00Z`).toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
      dateStyle: 'medium',
      timeZone: 'UTC',
    });
  return (
    <>
      {state.status === 'error' && <ErrorBox error={state.error} onRetry={refresh} />}
      {!snapshot && state.status === 'refreshing' && <p role="status">{t('common.loading')}</p>}
      {snapshot && (
        <>
          <Summary summary={summary} formatDay={formatDay} />
          <AccountHeader
            snapshot={snapshot}
            refreshing={state.status === 'refreshing'}
            onRefresh={refresh}
            facts={!matrix || matrix.rows.length === 0}
          />
          {inventory && matrix && (
            <Inventory
              host={model.host}
              snapshot={snapshot}
              catalog={model.catalog}
              inventory={inventory}
              matrix={matrix}
            />
          )}
          {flow.status === 'ready' && <flow.value.DataFlow widgets={ingroupWidgets.map((w) => w.name)} />}
          {flow.status === 'error' && <ErrorBox error={flow.error} onRetry={() => location.reload()} />}
          <Rights onRequest={setComposing} />
          {composing && composer.status === 'error' && (
            <ErrorBox error={composer.error} onRetry={() => location.reload()} />
          )}
          {composing && composer.status === 'loading' && <p role="status">{t('common.loading')}</p>}
          <div ref={composerBox} tabIndex={-1} class="composer-box">
            {composing && composer.status === 'ready' && (
              <composer.value.Composer
                key={composing}
                host={model.host}
                snapshot={snapshot}
                ingroupWidgets={ingroupWidgets}
                regime={regime}
                initialType={composing}
                endpoint={model.endpoint}
                onDone={() => setComposing(null)}
              />
            )}
          </div>
          <Section id="requests" title={t('requests.heading')}>
            <EndpointStatus liveness={model.endpoint} />
            <RequestsList requests={model.requests} regimeOf={() => regime} calendar={calendar} />
          </Section>
          <ChoicesSection model={model} />
          {policy.status === 'ready' && <policy.value.PolicySections onRequest={setComposing} />}
          {policy.status === 'error' && <ErrorBox error={policy.error} onRetry={() => location.reload()} />}
        </>
      )}
    </>
  );
}
