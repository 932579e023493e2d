import { useEffect, useState } from 'preact/hooks';

interface Pending {
  allowed: boolean;
  /** The background has answered: the ledger holds the choice, and the next reading shows it. */
  settled: boolean;
}

export interface PendingChoices<K> {
  /** What the admin just chose for `key`, while the ledger's own reading has not taken over; undefined otherwise. */
  shown: (key: K) => boolean | undefined;
  /** Why the last write failed (an `AppError` from the background), or null. */
  error: unknown;
  /** Show `allowed` for `keys` at once; put them back and keep the reason if `write` fails. */
  track: (keys: readonly K[], allowed: boolean, write: Promise<unknown>) => void;
}

/**
 * Switches that show a choice at once while the background (the ledger's only writer) records it.
 * `reading` is the ledger data the switches are drawn from: a new reading replaces the choices the
 * background has already recorded, never one still on its way — so an unrelated update arriving
 * first does not flip a switch back.
 */
export function usePendingChoices<K>(reading: unknown): PendingChoices<K> {
  const [pending, setPending] = useState<ReadonlyMap<K, Pending>>(new Map());
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setPending((current) => new Map([...current].filter(([, p]) => !p.settled))), [reading]);

  const track = (keys: readonly K[], allowed: boolean, write: Promise<unknown>): void => {
    setError(null);
    setPending(
      (current) => new Map([...current, ...keys.map((key): [K, Pending] => [key, { allowed, settled: false }])]),
    );
    // Only this write's entries: a later click on the same switch owns its own.
    const mine = (key: K, p: Pending): boolean => keys.includes(key) && p.allowed === allowed && !p.settled;
    write.then(
      () =>
        setPending(
          (current) =>
            new Map([...current].map(([key, p]): [K, Pending] => [key, mine(key, p) ? { ...p, settled: true } : p])),
        ),
      (e: unknown) => {
        setPending((current) => new Map([...current].filter(([key, p]) => !mine(key, p))));
        setError(e);
      },
    );
  };
  return { shown: (key) => pending.get(key)?.allowed, error, track };
}
