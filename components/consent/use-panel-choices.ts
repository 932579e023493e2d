import { send } from '@/lib/send';
import { usePendingChoices } from './use-pending-choices';
import type { ConsentPurpose } from '@/lib/vocabulary';

export interface PanelChoices {
  /** What the admin just chose for `purpose`, until the next model shows it; undefined otherwise. */
  shown: (purpose: ConsentPurpose) => boolean | undefined;
  error: unknown;
  choose: (purpose: ConsentPurpose, allowed: boolean) => void;
}

/** The panel's switches for one account, recorded through the background (the ledger's only writer). `reading` is the model's choices. */
export function usePanelChoices(host: string, reading: unknown): PanelChoices {
  const { shown, error, track } = usePendingChoices<ConsentPurpose>(reading);
  return {
    shown,
    error,
    choose: (purpose, allowed) =>
      track(
        [purpose],
        allowed,
        send({ type: 'consent/record', host, purpose, state: allowed ? 'given' : 'refused', method: 'panel' }),
      ),
  };
}
