import type { RequestType } from '@/lib/vocabulary';
import { useI18n } from '../common/i18n';
import type { MessageKey } from '@/lib/i18n';
import { Section, SectionRef } from './Section';

const RIGHTS: ReadonlyArray<{ type: RequestType; label: MessageKey; section: string }> = [
  { type: 'access', label: 'rights.access', section: '§5.1' },
  { type: 'rectification', label: 'rights.rectification', section: '§5.1' },
  { type: 'erasure', label: 'rights.erasure', section: '§5.1' },
  { type: 'portability', label: 'rights.portability', section: '§5.1' },
  { type: 'objection', label: 'rights.objection', section: '§5.1' },
  { type: 'restriction', label: 'rights.restriction', section: '§5.1' },
  { type: 'withdraw_consent', label: 'rights.withdraw', section: '§1' },
  { type: 'marketing_opt_out', label: 'rights.optOut', section: '§5.3' },
];

/** The words of the button that opens the composer for `type`. */
export function rightLabel(type: RequestType): MessageKey {
  return RIGHTS.find((r) => r.type === type)?.label ?? 'rights.access';
}

/** The administrator's rights under §5, each a button into the request composer. */
export function Rights({ onRequest }: { onRequest: (type: RequestType) => void }): preact.JSX.Element {
  const { t } = useI18n();
  return (
    <Section id="rights" title={t('inventory.rights')}>
      <p class="muted">{t('rights.intro')}</p>
      <ul class="rights">
        {RIGHTS.map((right) => (
          <li key={right.type}>
            <button type="button" onClick={() => onRequest(right.type)}>
              {t(right.label)}
            </button>{' '}
            <SectionRef section={right.section} />
          </li>
        ))}
      </ul>
    </Section>
  );
}
