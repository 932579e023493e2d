import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { keyOf } from '@/lib/i18n';
import { DEFAULT_ENDPOINT_BASE } from '@/lib/manifest';
import { checkEndpointBase, originPattern } from '@/lib/requests/endpoint-base';
import { send } from '@/lib/send';
import { endpointStatus } from '@/lib/store/queries';
import { useI18n } from '../common/i18n';
import { useLiveQuery } from '../common/use-live-query';
import { EndpointStatus } from './EndpointStatus';
import { HeldRequests } from './HeldRequests';
import { errorText } from '@/lib/i18n/errors';

type Note = { ok: boolean; text: string };

/**
 * The endpoint override on the options page. A new origin is asked for as an optional host
 * permission inside the click (the browser allows the prompt only there), then the background
 * checks the grant again and stores the address.
 */
export function EndpointSetting(): preact.JSX.Element {
  const { t, lang } = useI18n();
  // The address in force, parsed as the background reads it (lib/settings.ts), with what is known of it.
  const liveness = useLiveQuery(endpointStatus, []);
  const current = liveness.status === 'ready' ? liveness.value.base : DEFAULT_ENDPOINT_BASE;
  const [draft, setDraft] = useState<string | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const failed = (error: unknown): void =>
    setNote({ ok: false, text: t('requests.endpoint.failed', { error: errorText(error, lang) }) });

  const save = (): void => {
    const checked = checkEndpointBase(draft ?? current);
    if (!checked.ok) {
      setNote({ ok: false, text: t(keyOf('requests.endpoint', checked.reason)) });
      return;
    }
    // Asked before anything is awaited: the prompt needs the click's user gesture.
    browser.permissions
      .request({ origins: [originPattern(checked.origin)] })
      .then(async (granted) => {
        if (!granted) {
          setNote({ ok: false, text: t('requests.endpoint.denied', { origin: checked.origin }) });
          return;
        }
        const { base } = await send({ type: 'settings/endpoint', base: checked.base });
        setDraft(null);
        setNote({ ok: true, text: t('requests.endpoint.saved', { base }) });
      })
      .catch(failed);
  };
  const reset = (): void => {
    send({ type: 'settings/endpoint', base: null }).then(() => {
      setDraft(null);
      setNote({ ok: true, text: t('requests.endpoint.resetDone') });
    }, failed);
  };

  return (
    <section aria-labelledby="endpoint-heading">
      <h2 id="endpoint-heading">{t('requests.endpoint.heading')}</h2>
      <p class="muted" id="endpoint-help">
        {t('requests.endpoint.help')}
      </p>
      <p>
        {t('requests.endpoint.current', { base: current })}{' '}
        {current === DEFAULT_ENDPOINT_BASE ? t('requests.endpoint.default') : ''}
      </p>
      {liveness.status === 'ready' && <EndpointStatus liveness={liveness.value} />}
      <label>
        {t('requests.endpoint.address')}
        <input
          type="url"
          value={draft ?? current}
          onInput={(e) => setDraft(e.currentTarget.value)}
          size={48}
          aria-describedby="endpoint-help"
          spellcheck={false}
        />
      </label>
      <p class="actions">
        <button type="button" onClick={save}>
          {t('requests.endpoint.save')}
        </button>{' '}
        <button type="button" onClick={reset}>
          {t('requests.endpoint.reset')}
        </button>
      </p>
      {note && (
        <p role={note.ok ? 'status' : 'alert'} class={note.ok ? 'ok' : 'error'}>
          {note.text}
        </p>
      )}
      <HeldRequests base={current} />
    </section>
  );
}
