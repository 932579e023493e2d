import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ACCESS_WORDS } from '@/lib/i18n/access';
import { accessLoss, missingOrigins, patternHost } from '@/lib/permissions/host-access';
import { useI18n } from './i18n';
import { errorText } from '@/lib/i18n/errors';

type Note = 'granted' | 'denied' | { failed: string };

const fill = (text: string, params: Record<string, string>): string =>
  text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

export interface HostAccessProps {
  /** The background's answer to `access/missing`, for a page without the permissions API. */
  askBackground: () => Promise<string[]>;
}

/**
 * Says which of the extension's required sites the browser does not let it reach, and asks for
 * them on a click (the only moment the browser lets an extension ask). Renders nothing while all
 * are granted; follows grants and withdrawals made elsewhere (about:addons) as they happen.
 *
 * Firefox gives an extension frame inside a web page — the panel over amoCRM — no `permissions`
 * API: there the background says what is missing, the check is made again whenever the frame
 * regains focus, and the admin allows access on the options page, which the link opens.
 */
export function HostAccess({ askBackground }: HostAccessProps): preact.JSX.Element | null {
  const { lang } = useI18n();
  const words = ACCESS_WORDS[lang];
  const [missing, setMissing] = useState<string[]>([]);
  const [note, setNote] = useState<Note | null>(null);
  const failed = (error: unknown): void => setNote({ failed: errorText(error, lang) });

  const api = permissionsApi();
  useEffect(() => {
    const check = (): void => {
      (api ? missingOrigins(api) : askBackground()).then(setMissing, failed);
    };
    check();
    if (!api) {
      window.addEventListener('focus', check);
      return () => window.removeEventListener('focus', check);
    }
    api.onAdded.addListener(check);
    api.onRemoved.addListener(check);
    return () => {
      api.onAdded.removeListener(check);
      api.onRemoved.removeListener(check);
    };
  }, [api]);

  const allow = (): void => {
    if (!api) return;
    const wanted = missing;
    // Asked before anything is awaited: the prompt needs the click's user gesture.
    api
      .request({ origins: wanted })
      .then(async (granted) => {
        setMissing(await missingOrigins(api));
        setNote(granted ? (accessLoss(wanted).amocrm.length > 0 ? 'granted' : null) : 'denied');
      })
      .catch(failed);
  };

  if (missing.length === 0 && note === null) return null;
  const loss = accessLoss(missing);
  const hosts = (origins: string[]): string => origins.map(patternHost).join(', ');
  return (
    <section class="host-access" aria-labelledby={missing.length > 0 ? 'host-access-heading' : undefined}>
      {missing.length > 0 && (
        <>
          <h2 id="host-access-heading">{words.heading}</h2>
          <ul>
            {loss.amocrm.length > 0 && <li>{fill(words.amocrm, { hosts: hosts(loss.amocrm) })}</li>}
            {loss.endpoint.length > 0 && <li>{fill(words.endpoint, { hosts: hosts(loss.endpoint) })}</li>}
          </ul>
          {api ? (
            <button type="button" class="primary" onClick={allow}>
              {words.allow}
            </button>
          ) : (
            <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
              {words.allowInOptions}
            </a>
          )}
        </>
      )}
      {note !== null && (
        <p
          role={typeof note === 'object' || note === 'denied' ? 'alert' : 'status'}
          class={typeof note === 'object' || note === 'denied' ? 'error' : undefined}
        >
          {typeof note === 'object' ? fill(words.failed, { message: note.failed }) : words[note]}
        </p>
      )}
    </section>
  );
}

/** The browser's permissions API, where this page has one (not in Firefox's extension frames inside web pages). */
function permissionsApi(): typeof browser.permissions | undefined {
  return (browser as { permissions?: typeof browser.permissions }).permissions;
}
