import { useEffect, useState } from 'preact/hooks';
import { send } from '@/lib/send';

interface Pending {
  allowed: boolean;
  /** The background has answered: the ledger holds the choice, and the next reading will show it. */
  settled: boolean;
}

export interface MarketingSwitches {
  /** What the admin just chose, per host, shown until the ledger's own reading takes over. */
  pending: ReadonlyMap<string, boolean>;
  error: string | null;
  choose: (host: string, allowed: boolean) => void;
  chooseAll: (hosts: readonly string[], allowed: boolean) => void;
}

/**
 * The popup's marketing switches: each click goes to the background (the ledger's only writer);
 * the switch shows the new position at once, and goes back with the reason if the write failed.
 * `reading` is the ledger data the switches are drawn from: a new reading replaces the choices the
 * background has already recorded, never one still on its way.
 */
export function useMarketingSwitches(reading: unknown): MarketingSwitches {
  const [pending, setPending] = useState<ReadonlyMap<string, Pending>>(new Map());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setPending((current) => new Map([...current].filter(([, p]) => !p.settled))), [reading]);

  const track = (hosts: readonly string[], allowed: boolean, write: Promise<unknown>): void => {
    setError(null);
    setPending((current) => new Map([...current, ...hosts.map((host): [string, Pending] => [host, { allowed, settled: false }])]));
    const mine = (p: Pending | undefined): boolean => p?.allowed === allowed && !p.settled;
    write.then(
      () => setPending((current) => new Map([...current].map(([host, p]): [string, Pending] => [host, hosts.includes(host) && mine(p) ? { ...p, settled: true } : p]))),
      (e: unknown) => {
        setPending((current) => new Map([...current].filter(([host, p]) => !(hosts.includes(host) && mine(p)))));
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };
  return {
    pending: new Map([...pending].map(([host, p]) => [host, p.allowed])),
    error,
    choose: (host, allowed) => track([host], allowed, send({ type: 'consent/record', host, purpose: 'marketing', state: allowed ? 'given' : 'refused', method: 'popup' })),
    chooseAll: (hosts, allowed) => track(hosts, allowed, send({ type: 'consent/record-all', state: allowed ? 'given' : 'refused', method: 'popup' })),
  };
}
