import type { MarkValue } from '@/lib/attribution/marks';
import { send } from '@/lib/send';
import { useI18n } from '../common/i18n';

function mark(host: string, code: string, value: MarkValue | null): void {
  void send({ type: 'widget/mark', host, code, mark: value }).catch((error: unknown) =>
    console.error('[ingroup-privacy] mark', error),
  );
}

/**
 * The administrator's word on one widget: set it one way or the other, or take it back. The list
 * follows at once (the background recounts; the panel's live model redraws).
 */
export function MarkButtons({
  host,
  code,
  name,
  current,
  offer,
}: {
  host: string;
  code: string;
  name: string;
  current: MarkValue | null;
  offer: MarkValue;
}): preact.JSX.Element {
  const { t } = useI18n();
  if (current !== null) {
    return (
      <button
        type="button"
        class="link-button"
        aria-label={`${t('mark.clear')} (${name})`}
        onClick={() => mark(host, code, null)}
      >
        {t('mark.clear')}
      </button>
    );
  }
  const ingroup = offer === 'ingroup';
  return (
    // The accessible name starts with the words shown, then names the widget (WCAG 2.5.3).
    <button
      type="button"
      class="link-button"
      aria-label={`${t(ingroup ? 'mark.ingroup' : 'mark.notIngroup')} (${name})`}
      onClick={() => mark(host, code, offer)}
    >
      {t(ingroup ? 'mark.ingroup' : 'mark.notIngroup')}
    </button>
  );
}
