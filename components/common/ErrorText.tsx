import { useI18n } from './i18n';
import { useLazy } from './use-lazy';

/**
 * An error in one line of the page's language (lib/i18n/errors.ts), for a note beside a control.
 * The words load when an error is shown, so pages that rarely fail (the panel) do not carry them
 * on first paint (DESIGN §9). `wrap` puts the line into a sentence of the page's own.
 */
export function ErrorText({
  error,
  wrap,
}: {
  error: unknown;
  wrap?: (text: string) => string;
}): preact.JSX.Element | null {
  const { lang, t } = useI18n();
  const words = useLazy(() => import('@/lib/i18n/errors'), true);
  if (words.status === 'idle' || words.status === 'loading') return null;
  const text =
    words.status === 'ready' ? words.value.errorText(error, lang) : `${t('error.title')}. ${t('error.retry')}`;
  return <>{wrap ? wrap(text) : text}</>;
}
