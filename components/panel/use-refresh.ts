import { useCallback, useEffect, useState } from 'preact/hooks';
import { asAppError, type AppError } from '@/lib/errors';
import { send } from '@/lib/send';

export type RefreshState = { status: 'refreshing' } | { status: 'done' } | { status: 'error'; error: AppError };

/**
 * Reads the account each time the panel is shown (`shown` counts the showings; a fresh snapshot
 * costs nothing) and on demand — never while it has not been shown: pressing the launcher without
 * clicking asks amoCRM for nothing (DESIGN §9).
 */
export function useRefresh(host: string, shown: number): { state: RefreshState; refresh: () => void } {
  const [state, setState] = useState<RefreshState>({ status: 'refreshing' });
  const run = useCallback(
    (force: boolean) => {
      setState({ status: 'refreshing' });
      send({ type: 'snapshot/refresh', host, force }).then(
        () => setState({ status: 'done' }),
        (error: unknown) => setState({ status: 'error', error: asAppError(error) }),
      );
    },
    [host],
  );
  useEffect(() => {
    if (shown > 0 && host) run(false);
  }, [run, shown, host]);
  return { state, refresh: () => run(true) };
}
