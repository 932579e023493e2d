import type { CurrentChoice } from '@/lib/consent/ledger';
import { keyOf } from '@/lib/i18n';
import type { PanelModel } from '@/lib/panel/model-schema';
import { PURPOSES } from '@/lib/policy/purposes';
import { deriveStatus } from '@/lib/requests/record';
import { useState } from 'preact/hooks';
import { ErrorText } from '../common/ErrorText';
import { useI18n } from '../common/i18n';
import { useLazy } from '../common/use-lazy';
import { Section, SectionRef } from '../panel/Section';
import { usePanelChoices } from './use-panel-choices';
import type { Lang } from '@/lib/vocabulary';
import type { ConsentPurpose } from '@/lib/vocabulary';

function formatTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** "Your choices": every purpose of the policy, with a switch where there is a choice and the reason where there is none. */
export function ChoicesSection({ model }: { model: PanelModel }): preact.JSX.Element {
  const { t, lang } = useI18n();
  const { shown, error, choose } = usePanelChoices(model.host, model.choices);
  // Allowing is recorded only through a second, previewed step (DESIGN §8), loaded when needed.
  const [allowing, setAllowing] = useState<ConsentPurpose | null>(null);
  const step = useLazy(() => import('./ConfirmGiven'), allowing !== null);
  const labelOf = new Map(PURPOSES.map((p) => [p.key, p.label[lang]]));
  const lastMarketing = model.requests.find((r) => r.type === 'marketing_opt_out' || r.type === 'marketing_opt_in');

  const note = (choice: CurrentChoice | null): string =>
    choice
      ? t('consent.chosenNote', {
          state: t(keyOf('consent.state', choice.state)),
          date: formatTime(choice.at, lang),
          method: t(
            keyOf('consent.method', model.consentHistory.find((e) => e.id === choice.eventId)?.method ?? 'panel'),
          ),
          policy: choice.policy.effectiveDate,
        })
      : t('consent.defaultNote');

  return (
    <Section id="choices" title={t('consent.heading')}>
      <p class="muted">{t('consent.intro')}</p>
      {error != null && (
        <p class="error" role="alert">
          <ErrorText error={error} wrap={(message) => t('consent.failed', { message })} />
        </p>
      )}
      {allowing && step.status === 'ready' && (
        <step.value.ConfirmGiven
          model={model}
          purpose={allowing}
          onConfirm={() => {
            choose(allowing, true);
            setAllowing(null);
          }}
          onCancel={() => setAllowing(null)}
        />
      )}
      <ul class="choices">
        {PURPOSES.map((purpose) => {
          const id = `choice-${purpose.key}`;
          if (purpose.choice.kind === 'none') {
            return (
              <li key={purpose.key} class="choice">
                <div>
                  <strong id={id}>{purpose.label[lang]}</strong>{' '}
                  {purpose.sections.map((s) => (
                    <SectionRef key={s} section={s} />
                  ))}
                  <p>{purpose.text[lang]}</p>
                  <p class="muted">
                    {t('consent.notOptional')}: {purpose.choice.reason[lang]}
                  </p>
                </div>
              </li>
            );
          }
          const key: ConsentPurpose = purpose.choice.purpose;
          const choice = model.choices[key] ?? null;
          // No recorded choice: the policy's default (allowed — opt-out for email, objection for the others).
          const allowed = shown(key) ?? (choice ? choice.state : purpose.choice.policyDefault) === 'given';
          return (
            <li key={purpose.key} class="choice">
              <label class="switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={allowed}
                  aria-describedby={`${id}-note`}
                  onChange={(event) => {
                    const checked = event.currentTarget.checked;
                    if (checked) event.currentTarget.checked = false;
                    if (checked) setAllowing(key);
                    else choose(key, false);
                  }}
                />
                <span>
                  <strong>{purpose.label[lang]}</strong> — {t('consent.allowed')}
                </span>
              </label>{' '}
              {purpose.sections.map((s) => (
                <SectionRef key={s} section={s} />
              ))}
              <p>{purpose.text[lang]}</p>
              <p class="muted" id={`${id}-note`}>
                {note(choice)}
              </p>
              {key === 'marketing' && (
                <>
                  <p class="muted">{t('consent.marketingHorizon')}</p>
                  {choice && (
                    <p class="muted">
                      {lastMarketing
                        ? t('consent.sentToIngroup', {
                            status: t(keyOf('requests.status', deriveStatus(lastMarketing).status)),
                          })
                        : t('consent.notSent')}
                    </p>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
      <details>
        <summary>{t('consent.history')}</summary>
        {model.consentHistory.length === 0 ? (
          <p class="muted">{t('consent.noHistory')}</p>
        ) : (
          <table class="history">
            <thead>
              <tr>
                <th scope="col">{t('consent.when')}</th>
                <th scope="col">{t('consent.purpose')}</th>
                <th scope="col">{t('consent.state')}</th>
                <th scope="col">{t('consent.method')}</th>
                <th scope="col">{t('consent.policy')}</th>
              </tr>
            </thead>
            <tbody>
              {[...model.consentHistory].reverse().map((event) => (
                <tr key={event.id}>
                  <td>{formatTime(event.timestamp, lang)}</td>
                  <td>{labelOf.get(event.purpose) ?? event.purpose}</td>
                  <td>{t(keyOf('consent.state', event.state))}</td>
                  <td>{t(keyOf('consent.method', event.method))}</td>
                  <td>{event.policy.effectiveDate}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </details>
    </Section>
  );
}
