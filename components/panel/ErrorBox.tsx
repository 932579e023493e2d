import { describeAmoError } from '@/lib/amocrm/errors';
import { useI18n } from '../common/i18n';

/** A failure said in an admin's words: what happened, why, and what to do next. */
export function ErrorBox({ error, onRetry }: { error: { code: string; message: string }; onRetry?: () => void }): preact.JSX.Element {
  const { lang, t } = useI18n();
  const known = error.code.startsWith('amo/');
  const text = known ? describeAmoError(error, lang) : { title: t('error.title'), detail: error.message, action: t('error.retry') };
  return (
    <div class="error" role="alert">
      <h3>{text.title}</h3>
      <p>{text.detail}</p>
      <p>{text.action}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('panel.retry')}
        </button>
      )}
    </div>
  );
}
