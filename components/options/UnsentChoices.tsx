import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { UnsentChoice } from '@/lib/consent/unsent';
import { ledgerToolsWords } from '@/lib/i18n/ledger-tools';
import { POLICY_VERSION } from '@/lib/policy/version';
import { bodyFromDraft, PREVIEW_LEDGER } from '@/lib/requests/compose';
import { marketingDraft } from '@/lib/requests/marketing';
import { send } from '@/lib/send';
import { readOnce } from '@/lib/store/live';
import { accountFacts, unsentChoices } from '@/lib/store/queries';
import { ConfirmStep } from '../common/ConfirmStep';
import { useI18n } from '../common/i18n';
import { useLiveQuery } from '../common/use-live-query';
import { errorText } from '@/lib/i18n/errors';

/** Imported marketing choices that differ from what Ingroup last heard, each offered for sending after a preview. */
export function UnsentChoices(): preact.JSX.Element | null {
  const { lang } = useI18n();
  const w = ledgerToolsWords(lang);
  const unsent = useLiveQuery(unsentChoices, []);
  const [reviewing, setReviewing] = useState<{ choice: UnsentChoice; preview: string } | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  if (unsent.status !== 'ready' || (unsent.value.length === 0 && !note)) return null;

  const review = async (choice: UnsentChoice): Promise<void> => {
    const { snapshot, account } = await readOnce((d) => accountFacts(d, choice.host));
    const draft = marketingDraft(snapshot, choice.host, account?.regime, choice.state);
    const client = { name: 'ingroup-privacy-amocrm', version: browser.runtime.getManifest().version };
    const body = draft
      ? bodyFromDraft(draft, {
          id: '00000000-0000-4000-8000-000000000000',
          now: Date.now(),
          policy: POLICY_VERSION,
          ledger: PREVIEW_LEDGER,
          client,
        })
      : null;
    setReviewing({ choice, preview: body ? JSON.stringify(body, null, 2) : '' });
  };
  const confirm = (choice: UnsentChoice): void => {
    send({ type: 'consent/send-marketing', host: choice.host }).then(
      () => setNote({ ok: true, text: w.unsentSent.replace('{host}', choice.host) }),
      (error: unknown) => setNote({ ok: false, text: errorText(error, lang) }),
    );
    setReviewing(null);
  };
  return (
    <div>
      <h3>{w.unsentHeading}</h3>
      {unsent.value.length > 0 && <p class="muted">{w.unsentIntro}</p>}
      <ul>
        {unsent.value.map((choice) => (
          <li key={choice.host}>
            {w.unsentItem
              .replace('{host}', choice.host)
              .replace('{state}', choice.state === 'given' ? w.stateGiven : w.stateRefused)
              .replace(
                '{date}',
                new Date(choice.timestamp).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                }),
              )}{' '}
            <button type="button" onClick={() => void review(choice)}>
              {w.unsentSend.replace('{host}', choice.host)}
            </button>
          </li>
        ))}
      </ul>
      {reviewing && (
        <ConfirmStep
          title={w.unsentSend.replace('{host}', reviewing.choice.host)}
          onConfirm={() => confirm(reviewing.choice)}
          onCancel={() => setReviewing(null)}
        >
          {reviewing.preview ? (
            <pre class="preview">{reviewing.preview}</pre>
          ) : (
            <p class="muted">{w.unsentNoProfile}</p>
          )}
        </ConfirmStep>
      )}
      {note && (
        <p role={note.ok ? 'status' : 'alert'} class={note.ok ? 'ok' : 'error'}>
          {note.text}
        </p>
      )}
    </div>
  );
}
