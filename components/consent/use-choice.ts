import { useState } from 'preact/hooks';
import type { ConsentPurpose, ConsentState } from '@/lib/consent/event';
import { send } from '@/lib/send';

/** Record one choice through the background (the ledger's only writer), with its saving/error state. */
export function useChoice(): { saving: boolean; error: string | null; record: (host: string, purpose: ConsentPurpose, state: ConsentState, method: 'popup' | 'panel') => void } {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const record = (host: string, purpose: ConsentPurpose, state: ConsentState, method: 'popup' | 'panel'): void => {
    setSaving(true);
    setError(null);
    send({ type: 'consent/record', host, purpose, state, method }).then(
      () => setSaving(false),
      (e: unknown) => {
        setSaving(false);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };
  return { saving, error, record };
}
