import { useEffect, useState } from 'preact/hooks';

export type Lazy<T> =
  { status: 'idle' | 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: Error };

/**
 * A module fetched the first time `wanted` is true, so a page's first paint does not carry code
 * only one of its actions needs (the panel's request composer). A failed load says why.
 */
export function useLazy<T>(load: () => Promise<T>, wanted: boolean): Lazy<T> {
  const [state, setState] = useState<Lazy<T>>({ status: 'idle' });
  useEffect(() => {
    if (!wanted || state.status !== 'idle') return;
    setState({ status: 'loading' });
    load().then(
      (value) => setState({ status: 'ready', value }),
      (error: unknown) =>
        setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    // `load` is a fresh closure each render; the module is fetched once.
  }, [wanted, state.status]);
  return state;
}
