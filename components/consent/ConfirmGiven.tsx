import { browser } from 'wxt/browser';
import { confirmWords } from '@/lib/i18n/confirm';
import type { PanelModel } from '@/lib/panel/model-schema';
import { PURPOSES } from '@/lib/policy';
import { POLICY_VERSION } from '@/lib/policy/version';
import { bodyFromDraft, PREVIEW_LEDGER } from '@/lib/requests/compose';
import { requestTitle } from '@/lib/requests/email';
import { marketingDraft } from '@/lib/requests/marketing';
import { ConfirmStep } from '../common/ConfirmStep';
import { useI18n } from '../common/i18n';
import type { ConsentPurpose } from '@/lib/vocabulary';

export interface ConfirmGivenProps {
  model: PanelModel;
  purpose: ConsentPurpose;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Allowing a purpose, previewed before it is recorded: the ledger event, and for promotional email
 * the `marketing_opt_in` request exactly as the background will send it (lib/requests/marketing.ts).
 */
export function ConfirmGiven({ model, purpose, onConfirm, onCancel }: ConfirmGivenProps): preact.JSX.Element {
  const { lang } = useI18n();
  const w = confirmWords(lang);
  const label = PURPOSES.find((p) => p.choice.kind !== 'none' && p.choice.purpose === purpose)?.label[lang] ?? purpose;
  const event = {
    account: { id: model.snapshot?.account.id ?? null, host: model.host },
    purpose,
    state: 'given',
    method: 'panel',
    policy: POLICY_VERSION,
    timestamp: w.timeTBD,
  };
  const draft =
    purpose === 'marketing' ? marketingDraft(model.snapshot, model.host, model.account?.regime, 'given') : null;
  const body = draft
    ? {
        ...bodyFromDraft(draft, {
          id: '00000000-0000-4000-8000-000000000000',
          now: Date.now(),
          policy: POLICY_VERSION,
          ledger: PREVIEW_LEDGER,
          client: { name: 'ingroup-privacy-amocrm', version: browser.runtime.getManifest().version },
        }),
        id: w.idTBD,
        createdAt: w.timeTBD,
      }
    : null;
  return (
    <ConfirmStep title={w.consentTitle.replace('{purpose}', label)} onConfirm={onConfirm} onCancel={onCancel}>
      <h3>{w.consentLedger}</h3>
      <pre class="preview">{JSON.stringify(event, null, 2)}</pre>
      {purpose === 'marketing' &&
        (body ? (
          <>
            <h3>
              {w.consentRequest}: {requestTitle('marketing_opt_in', lang)}
            </h3>
            <pre class="preview">{JSON.stringify(body, null, 2)}</pre>
          </>
        ) : (
          <p class="muted">{w.consentNoRequest}</p>
        ))}
    </ConfirmStep>
  );
}
