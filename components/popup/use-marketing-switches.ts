import { send } from '@/lib/send';
import { usePendingChoices } from '../consent/use-pending-choices';

export interface MarketingSwitches {
  /** What the admin just chose for `host`, until the ledger's reading takes over; undefined otherwise. */
  shown: (host: string) => boolean | undefined;
  error: unknown;
  choose: (host: string, allowed: boolean) => void;
  chooseAll: (hosts: readonly string[], allowed: boolean) => void;
}

/** The popup's marketing switches, one per account and one for all; `reading` is the account lines they are drawn from. */
export function useMarketingSwitches(reading: unknown): MarketingSwitches {
  const { shown, error, track } = usePendingChoices<string>(reading);
  const state = (allowed: boolean): 'given' | 'refused' => (allowed ? 'given' : 'refused');
  return {
    shown,
    error,
    choose: (host, allowed) =>
      track(
        [host],
        allowed,
        send({ type: 'consent/record', host, purpose: 'marketing', state: state(allowed), method: 'popup' }),
      ),
    chooseAll: (hosts, allowed) =>
      track(hosts, allowed, send({ type: 'consent/record-all', state: state(allowed), method: 'popup' })),
  };
}
