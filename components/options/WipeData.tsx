import { useRef, useState } from 'preact/hooks';
import { send } from '@/lib/send';
import { useI18n } from '../common/i18n';
import { errorText } from '@/lib/i18n/errors';

/** Delete all local data, behind a confirmation dialog that says what is lost. */
export function WipeData(): preact.JSX.Element {
  const { t, lang } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const wipe = async (): Promise<void> => {
    dialog.current?.close();
    try {
      await send({ type: 'data/wipe', confirm: 'wipe' });
      setOutcome({ ok: true, text: t('options.wiped') });
    } catch (error) {
      setOutcome({ ok: false, text: t('consent.wipeFailed', { message: errorText(error, lang) }) });
    }
  };
  return (
    <section aria-labelledby="wipe-heading">
      <h2 id="wipe-heading">{t('options.wipe')}</h2>
      <p class="muted">{t('options.wipeExplain')}</p>
      <button type="button" onClick={() => dialog.current?.showModal()}>
        {t('options.wipe')}…
      </button>
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} class={outcome.ok ? 'ok' : 'error'}>
          {outcome.text}
        </p>
      )}
      <dialog ref={dialog} aria-labelledby="wipe-dialog-title">
        <h3 id="wipe-dialog-title">{t('options.wipe')}?</h3>
        <p>{t('options.wipeExplain')}</p>
        <p class="actions">
          <button type="button" class="danger" onClick={() => void wipe()}>
            {t('options.wipeConfirm')}
          </button>{' '}
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('options.wipeCancel')}
          </button>
        </p>
      </dialog>
    </section>
  );
}
