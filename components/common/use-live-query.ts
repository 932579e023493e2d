import { useLayoutEffect, useState } from 'preact/hooks';
import { watch, type Query } from '@/lib/store/live';

export type LiveResult<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: Error };

/** A named query of the store (lib/store/queries.ts), watched as a Preact hook: re-renders whenever the rows it read change, in any extension page. */
export function useLiveQuery<T>(query: Query<T>, deps: readonly unknown[]): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ status: 'loading' });
  // A layout effect: the read starts as soon as the page is first rendered, not after the next frame.
  useLayoutEffect(
    () =>
      watch(query, {
        next: (value) => setResult({ status: 'ready', value }),
        error: (error: unknown) =>
          setResult({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
      }),
    deps,
  );
  return result;
}
