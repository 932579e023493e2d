import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { confirmWords } from '@/lib/i18n/confirm';
import { useI18n } from './i18n';
import { useSeen } from './use-seen';

/** How long the step is shown before Confirm can be pressed: the click that opened it cannot also confirm it. */
export const ARM_MS = 700;

export interface ConfirmStepProps {
  title: string;
  /** What exactly will be recorded and sent, written out. */
  children: ComponentChildren;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}

/**
 * The second step that one click cannot give (DESIGN §8): shown over the panel, away from the
 * control that opened it, with the exact body previewed; its Confirm button comes on only after
 * `ARM_MS`, and stays off while the browser says the panel is not really seen (IntersectionObserver
 * v2: covered, transparent, transformed by the page around the frame).
 */
export function ConfirmStep({
  title,
  children,
  onConfirm,
  onCancel,
  busy = false,
}: ConfirmStepProps): preact.JSX.Element {
  const { lang } = useI18n();
  const w = confirmWords(lang);
  const [armed, setArmed] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The step as a whole, not its button: a disabled button is drawn at reduced opacity, which
  // IntersectionObserver v2 counts as not seen — it would never come on.
  const seen = useSeen(root);
  useEffect(() => {
    heading.current?.focus();
    const timer = setTimeout(() => setArmed(true), ARM_MS);
    return () => clearTimeout(timer);
  }, []);
  // Not seen for a moment: arm again once it is, so a page cannot flash it into view under a click.
  useEffect(() => {
    if (seen === false) setArmed(false);
    else if (seen === true) {
      const timer = setTimeout(() => setArmed(true), ARM_MS);
      return () => clearTimeout(timer);
    }
    return undefined;
  }, [seen]);
  const ready = armed && seen !== false && !busy;
  return (
    <div class="confirm-step" role="dialog" aria-modal="true" aria-labelledby="confirm-step-title" ref={root}>
      <h2 id="confirm-step-title" tabIndex={-1} ref={heading}>
        {w.title}: {title}
      </h2>
      <p>{w.intro}</p>
      {children}
      {seen === false ? (
        <p class="error" role="alert">
          {w.hidden}
        </p>
      ) : (
        !armed && <p class="muted">{w.arming}</p>
      )}
      <div class="actions">
        <button type="button" onClick={onCancel}>
          {w.cancel}
        </button>
        <button type="button" class="primary" disabled={!ready} onClick={() => ready && onConfirm()}>
          {w.confirm}
        </button>
      </div>
    </div>
  );
}
