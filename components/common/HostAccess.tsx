import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ACCESS_WORDS } from '@/lib/i18n/access';
import { accessLoss, missingOrigins, patternHost } from '@/lib/permissions/host-access';
import { useI18n } from './i18n';

type Note = 'granted' | 'denied' | { failed: string };

const fill = (text: string, params: Record<string, string>): string => text.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

/**
 * Says which of the extension's required sites the browser does not let it reach, and asks for
 * them on a click (the only moment the browser lets an extension ask). Renders nothing while all
 * are granted; follows grants and withdrawals made elsewhere (about:addons) as they happen.
 */
export function HostAccess(): preact.JSX.Element | null {
  const { lang } = useI18n();
  const words = ACCESS_WORDS[lang];
  const [missing, setMissing] = useState<string[]>([]);
  const [note, setNote] = useState<Note | null>(null);
  const failed = (error: unknown): void => setNote({ failed: error instanceof Error ? error.message : String(error) });

  useEffect(() => {
    const check = (): void => {
      missingOrigins(browser.permissions).then(setMissing, failed);
    };
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);

  const allow = (): void => {
    const wanted = missing;
    // Asked before anything is awaited: the prompt needs the click's user gesture.
    browser.permissions
      .request({ origins: wanted })
      .then(async (granted) => {
        setMissing(await missingOrigins(browser.permissions));
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
          <button type="button" class="primary" onClick={allow}>
            {words.allow}
          </button>
        </>
      )}
      {note !== null && (
        <p role={typeof note === 'object' || note === 'denied' ? 'alert' : 'status'} class={typeof note === 'object' || note === 'denied' ? 'error' : undefined}>
          {typeof note === 'object' ? fill(words.failed, { message: note.failed }) : words[note]}
        </p>
      )}
    </section>
  );
}
