import { useEffect, useState } from 'preact/hooks';
import { send } from '@/lib/send';

export interface MarketingSwitches {
  /** What the admin just chose, per host, shown until the ledger's new state arrives. */
  pending: ReadonlyMap<string, boolean>;
  error: string | null;
  choose: (host: string, allowed: boolean) => void;
  chooseAll: (hosts: readonly string[], allowed: boolean) => void;
}

/**
 * The popup's marketing switches: each click goes to the background (the ledger's only writer);
 * the switch shows the new position at once, and goes back with the reason if the write failed.
 * `revision` is the ledger data the switches were drawn from: when it changes, the ledger speaks.
 */
export function useMarketingSwitches(revision: unknown): MarketingSwitches {
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setPending(new Map()), [revision]);

  const settle = (hosts: readonly string[], write: Promise<unknown>): void => {
    write.catch((e: unknown) => {
      setPending((current) => new Map([...current].filter(([host]) => !hosts.includes(host))));
      setError(e instanceof Error ? e.message : String(e));
    });
  };
  const mark = (hosts: readonly string[], allowed: boolean): void => {
    setError(null);
    setPending((current) => new Map([...current, ...hosts.map((host): [string, boolean] => [host, allowed])]));
  };
  return {
    pending,
    error,
    choose: (host, allowed) => {
      mark([host], allowed);
      settle([host], send({ type: 'consent/record', host, purpose: 'marketing', state: allowed ? 'given' : 'refused', method: 'popup' }));
    },
    chooseAll: (hosts, allowed) => {
      mark(hosts, allowed);
      settle(hosts, send({ type: 'consent/record-all', state: allowed ? 'given' : 'refused', method: 'popup' }));
    },
  };
}
