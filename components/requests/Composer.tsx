import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Regime } from '@/lib/vocabulary';
import type { Snapshot } from '@/lib/amocrm/snapshot';
import { keyOf } from '@/lib/i18n';
import { routeWords } from '@/lib/i18n/email-route';
import { anchorWords } from '@/lib/i18n/ledger-anchor';
import { hasAnswered, type EndpointLiveness } from '@/lib/requests/liveness';
import type { Channel } from '@/lib/requests/record';
import { POLICY_VERSION } from '@/lib/policy/version';
import { bodyFromDraft, PREVIEW_LEDGER } from '@/lib/requests/compose';
import { defaultRelationship, requestTitle } from '@/lib/requests/email';
import type { Identity } from '@/lib/requests/identity';
import { REQUEST_TYPES, type RequestType } from '@/lib/vocabulary';
import type { Correction, Draft } from '@/lib/requests/types';
import { send } from '@/lib/send';
import { ConfirmStep } from '../common/ConfirmStep';
import { useI18n } from '../common/i18n';
import { errorText } from '@/lib/i18n/errors';

export interface ComposerProps {
  host: string;
  /** The account's snapshot; without it (or without the administrator's profile) nothing can be filled in. */
  snapshot: Snapshot | null;
  ingroupWidgets: ReadonlyArray<{ code: string; name: string }>;
  regime: Regime;
  initialType?: RequestType;
  /** Ingroup's endpoint in force and whether it has ever answered: the default route follows it. */
  endpoint: EndpointLiveness;
  /** With the new request's id once it is saved, or null when the admin cancels. */
  onDone: (id: string | null) => void;
}

const FIELDS = ['admin_name', 'admin_email', 'admin_phone'] as const;
/** Stands in for the id in the preview; the background gives the real one when it saves the request. */
const PREVIEW_ID = '00000000-0000-4000-8000-000000000000';
/** Stands in for the consent ledger's head, which the background reads as it saves the request. */

/**
 * The body exactly as the background will build it from this draft (lib/requests/compose.ts),
 * with the two things only the background decides — the id and the time — marked as such.
 */
function previewBody(draft: Draft, placeholders: { id: string; createdAt: string; ledger: string }): unknown {
  const client = { name: 'ingroup-privacy-amocrm', version: browser.runtime.getManifest().version };
  try {
    const body = bodyFromDraft(draft, {
      id: PREVIEW_ID,
      now: Date.now(),
      policy: POLICY_VERSION,
      ledger: PREVIEW_LEDGER,
      client,
    });
    return { ...body, id: placeholders.id, createdAt: placeholders.createdAt, ledger: placeholders.ledger };
  } catch {
    // Not sendable yet (the Send button says so by being disabled): show what is filled in.
    return draft;
  }
}

/** A request written out in full, previewed exactly as it will be sent, and stored before any send. */
export function Composer({
  host,
  snapshot,
  ingroupWidgets,
  regime: initialRegime,
  initialType = 'access',
  endpoint,
  onDone,
}: ComposerProps): preact.JSX.Element {
  const { t, lang } = useI18n();
  const w = routeWords(lang);
  const answered = hasAnswered(endpoint);
  // Until the endpoint has answered once, a request goes by email, the policy's own channel.
  const [route, setRoute] = useState<Channel>(answered ? 'endpoint' : 'email');
  const [type, setType] = useState<RequestType>(initialType);
  const [regime, setRegime] = useState<Regime>(initialRegime);
  const [widgets, setWidgets] = useState<string[]>(ingroupWidgets.map((w) => w.code));
  const [details, setDetails] = useState('');
  const [corrections, setCorrections] = useState<Correction[]>([{ field: 'admin_name', value: '' }]);
  const [confirmed, setConfirmed] = useState(false);
  const [identity, setIdentity] = useState<Identity>({});
  const [status, setStatus] = useState<{ kind: 'idle' | 'sending' | 'sent' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  /** The second step (DESIGN §8): Send opens the exact body for review; only its Confirm sends. */
  const [reviewing, setReviewing] = useState(false);

  const admin = snapshot?.admin;
  if (!snapshot || !admin) return <p class="notice">{t('composer.needProfile')}</p>;

  const draft: Draft = {
    type,
    host,
    locale: lang,
    regime,
    widgets,
    ...(details.trim() ? { details: details.trim() } : {}),
    ...(type === 'rectification' ? { corrections: corrections.filter((c) => c.value.trim()) } : {}),
    requester: {
      userId: admin.id,
      name: admin.name,
      email: admin.email,
      ...(admin.phone ? { phone: admin.phone } : {}),
    },
    account: { id: snapshot.account.id, subdomain: snapshot.account.subdomain, host },
    ...(identity.document?.trim() || identity.relationship?.trim() ? { identity } : {}),
  };
  const blocked =
    (type === 'erasure' && !confirmed) ||
    (type === 'rectification' && !draft.corrections?.length) ||
    status.kind === 'sending';

  const submit = (event: Event): void => {
    event.preventDefault();
    if (!blocked) setReviewing(true);
  };
  const confirm = (): void => {
    setStatus({ kind: 'sending' });
    if (regime !== initialRegime) void send({ type: 'settings/regime', host, regime });
    send({ type: 'request/submit', draft, route }).then(
      ({ id }) => {
        setStatus({ kind: 'sent' });
        setReviewing(false);
        onDone(id);
      },
      (e: unknown) => {
        setReviewing(false);
        setStatus({ kind: 'error', message: errorText(e, lang) });
      },
    );
  };
  const endpointHost = new URL(endpoint.base).host;
  const why =
    route === 'email'
      ? answered
        ? w('route.whyEmailChosen')
        : w('route.whyEmailDefault', { host: endpointHost })
      : answered && endpoint.answeredAt !== null
        ? w('route.whyEndpoint', {
            host: endpointHost,
            date: new Date(endpoint.answeredAt).toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
              dateStyle: 'medium',
            }),
          })
        : w('route.whyEndpointUnknown', { host: endpointHost });
  const preview = JSON.stringify(
    previewBody(draft, {
      id: t('composer.previewId'),
      createdAt: t('composer.previewTime'),
      ledger: anchorWords(lang)('anchor.previewLedger'),
    }),
    null,
    2,
  );

  return (
    <form class="composer" aria-labelledby="composer-heading" onSubmit={submit}>
      <h3 id="composer-heading">{t('composer.heading')}</h3>
      <label>
        {t('composer.type')}
        <select value={type} onChange={(e) => setType(e.currentTarget.value as RequestType)}>
          {REQUEST_TYPES.map((value) => (
            <option key={value} value={value}>
              {requestTitle(value, lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('composer.regime')}
        <select value={regime} onChange={(e) => setRegime(e.currentTarget.value === 'gdpr' ? 'gdpr' : 'ru152')}>
          <option value="ru152">{t('composer.regime.ru152')}</option>
          <option value="gdpr">{t('composer.regime.gdpr')}</option>
        </select>
      </label>
      <p>
        {t('composer.requester')}: <strong>{admin.name}</strong>, {admin.email}
        {admin.phone ? `, ${admin.phone}` : ''} · {snapshot.account.subdomain} (ID {snapshot.account.id})
      </p>
      <fieldset>
        <legend>{t('composer.widgets')}</legend>
        {ingroupWidgets.map((w) => (
          <label key={w.code} class="check">
            <input
              type="checkbox"
              checked={widgets.includes(w.code)}
              onChange={(e) =>
                setWidgets(e.currentTarget.checked ? [...widgets, w.code] : widgets.filter((c) => c !== w.code))
              }
            />
            {w.name} <code>{w.code}</code>
          </label>
        ))}
        {widgets.length === 0 && <p class="muted">{t('composer.widgetsAll')}</p>}
      </fieldset>
      {type === 'rectification' && (
        <fieldset>
          <legend>{t('composer.corrections')}</legend>
          {corrections.map((c, i) => (
            <div key={i} class="correction">
              <label>
                {t('composer.field')}
                <select
                  value={c.field}
                  onChange={(e) =>
                    setCorrections(corrections.map((x, j) => (j === i ? { ...x, field: e.currentTarget.value } : x)))
                  }
                >
                  {FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {t(keyOf('composer.field', f))}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('composer.value')}
                <input
                  value={c.value}
                  onInput={(e) =>
                    setCorrections(corrections.map((x, j) => (j === i ? { ...x, value: e.currentTarget.value } : x)))
                  }
                />
              </label>
              <button type="button" onClick={() => setCorrections(corrections.filter((_, j) => j !== i))}>
                {t('composer.removeCorrection')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => setCorrections([...corrections, { field: 'admin_email', value: '' }])}>
            {t('composer.addCorrection')}
          </button>
        </fieldset>
      )}
      <label>
        {t('composer.details')}
        <textarea rows={3} maxLength={5000} value={details} onInput={(e) => setDetails(e.currentTarget.value)} />
      </label>
      <details>
        <summary>{t('composer.identity')}</summary>
        <p class="muted">{t('composer.identityHelp')}</p>
        <label>
          {t('composer.identityDocument')}
          <input
            value={identity.document ?? ''}
            maxLength={500}
            onInput={(e) => setIdentity({ ...identity, document: e.currentTarget.value })}
          />
        </label>
        <label>
          {t('composer.identityRelationship')}
          <textarea
            rows={2}
            maxLength={1000}
            value={identity.relationship ?? ''}
            onInput={(e) => setIdentity({ ...identity, relationship: e.currentTarget.value })}
          />
        </label>
        <button
          type="button"
          onClick={() =>
            setIdentity({
              ...identity,
              relationship: defaultRelationship(
                { id: snapshot.account.id, subdomain: snapshot.account.subdomain, host },
                lang,
              ),
            })
          }
        >
          {t('composer.identityUseAccount', { subdomain: snapshot.account.subdomain, id: snapshot.account.id })}
        </button>
      </details>
      <fieldset class="route" aria-describedby="route-why">
        <legend>{w('route.legend')}</legend>
        <label class="check">
          <input
            type="radio"
            name="route"
            value="email"
            checked={route === 'email'}
            onChange={() => setRoute('email')}
          />
          {w('route.email')}
        </label>
        <label class="check">
          <input
            type="radio"
            name="route"
            value="endpoint"
            checked={route === 'endpoint'}
            onChange={() => setRoute('endpoint')}
          />
          {w('route.endpoint', { host: endpointHost })}
        </label>
        <p class="muted" id="route-why">
          {why}
        </p>
      </fieldset>
      {type === 'erasure' && (
        <label class="check">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
          {t('composer.confirmErasure')}
        </label>
      )}
      <details>
        <summary>{route === 'email' ? w('route.previewEmail') : t('composer.preview')}</summary>
        <pre class="preview">{preview}</pre>
      </details>
      {reviewing && (
        <ConfirmStep
          title={requestTitle(type, lang)}
          onConfirm={confirm}
          onCancel={() => setReviewing(false)}
          busy={status.kind === 'sending'}
        >
          <pre class="preview">{preview}</pre>
        </ConfirmStep>
      )}
      {status.kind === 'error' && (
        <p class="error" role="alert">
          {status.message}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={blocked}>
          {status.kind === 'sending'
            ? t('composer.sending')
            : route === 'email'
              ? w('route.saveEmail')
              : t('composer.send')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('composer.cancel')}
        </button>
      </div>
    </form>
  );
}
