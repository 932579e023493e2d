import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lang } from '@/lib/i18n';
import { send } from '@/lib/send';
import { AccountSummary } from '../common/AccountSummary';
import { I18nProvider, useI18n } from '../common/i18n';
import { LangSwitch } from '../common/LangSwitch';
import { usePanelFeed } from './use-panel-feed';

export interface PanelProps {
  host: string;
  initialLang: Lang;
}

/** The panel shown over amoCRM: a modal dialog in an extension frame. Esc or Close returns focus to the launcher. */
export function PanelApp({ host, initialLang }: PanelProps): preact.JSX.Element {
  const [lang, setLang] = useState<Lang>(initialLang);
  return (
    <I18nProvider lang={lang}>
      <PanelDialog host={host} onLang={setLang} />
    </I18nProvider>
  );
}

function close(): void {
  void send({ type: 'panel/close' }).catch((error: unknown) => console.error('[ingroup-privacy] close', error));
}

function PanelDialog({ host, onLang }: { host: string; onLang: (lang: Lang) => void }): preact.JSX.Element {
  const { t, lang } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const model = usePanelFeed(host);

  useEffect(() => {
    heading.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div class="backdrop" onClick={(event) => event.target === event.currentTarget && close()}>
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="panel-title" lang={lang}>
        <header class="dialog-head">
          <h1 id="panel-title" tabIndex={-1} ref={heading}>{t('panel.title')}</h1>
          <LangSwitch onChange={onLang} />
          <button type="button" onClick={close} aria-label={t('panel.close')}>✕</button>
        </header>
        <section aria-labelledby="account-heading">
          <h2 id="account-heading">{t('panel.account')}</h2>
          {model.status === 'loading' && <p>{t('common.loading')}</p>}
          {model.status === 'error' && <p class="error" role="alert">{model.error.message}</p>}
          {model.status === 'ready' && (model.value.account ? <AccountSummary account={model.value.account} /> : <p>{t('account.unknown')}</p>)}
        </section>
      </div>
    </div>
  );
}
