import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DEFAULT_ENDPOINT_BASE } from '@/lib/manifest';
import { db } from '@/lib/db';
import { send } from '@/lib/send';
import { useI18n } from '../common/i18n';
import { useLiveQuery } from '../common/use-live-query';

/** The endpoint override: a custom origin is asked for as an optional host permission, on the click. */
export function EndpointSetting(): preact.JSX.Element {
  const { t } = useI18n();
  const stored = useLiveQuery(() => db().settings.get('endpointBase'), []);
  const current = stored.status === 'ready' && typeof stored.value?.value === 'string' ? stored.value.value : DEFAULT_ENDPOINT_BASE;
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const save = async (): Promise<void> => {
    const value = (draft ?? current).trim();
    try {
      const origin = new URL(value).origin;
      await browser.permissions.request({ origins: [`${origin}/*`] });
      await send({ type: 'settings/endpoint', base: value });
      setMessage({ ok: true, text: t('options.endpointSaved') });
    } catch (error) {
      setMessage({ ok: false, text: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <section aria-labelledby="endpoint-heading">
      <h2 id="endpoint-heading">{t('options.endpoint')}</h2>
      <label>
        <span class="muted">{t('options.endpointHelp')}</span>
        <input type="url" value={draft ?? current} onInput={(e) => setDraft(e.currentTarget.value)} size={48} />
      </label>
      <p class="actions">
        <button type="button" onClick={() => void save()}>
          {t('options.endpointSave')}
        </button>{' '}
        <button type="button" onClick={() => void send({ type: 'settings/endpoint', base: null }).then(() => setDraft(null))}>
          {t('options.endpointReset')}
        </button>
      </p>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'ok' : 'error'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
