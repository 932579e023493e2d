/**
 * The outbox's one serialisation point: a send round (a drain, or one direct attempt) and a poll
 * round never run at the same time, so no request is sent or polled twice at once and no round
 * writes over another's outcome.
 *
 * Where the browser has the Web Locks API (`navigator.locks`: Chrome's MV3 service worker, Firefox's
 * background page) the lock is a Web Lock, held for the round and released when its promise
 * settles — or when the worker holding it is stopped, so a killed service worker never leaves the
 * outbox locked. A Web Lock is shared by every context of the extension's origin, not only this one.
 * Where there is none (Node, in tests) a promise chain per name stands in, within this context.
 */

/** The part of the Web Locks API the outbox uses: `LockManager.request(name, callback)`. */
export interface Locks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

/**
 * A lock within this context: each task starts when the one before it under the same name has
 * settled. Only the last task's end is kept per name (one per database), so nothing grows.
 */
export function promiseChainLocks(): Locks {
  const tails = new Map<string, Promise<void>>();
  return {
    request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      const result = (tails.get(name) ?? Promise.resolve()).then(callback);
      // The next task waits for this one to settle, whether it succeeds or fails.
      tails.set(
        name,
        result.then(
          () => undefined,
          () => undefined,
        ),
      );
      return result;
    },
  };
}

const inThisContext = promiseChainLocks();

/** The browser's Web Locks where there are any, else the in-context chain. */
export function availableLocks(scope: { navigator?: { locks?: Locks } } = globalThis): Locks {
  return scope.navigator?.locks ?? inThisContext;
}

/** The lock's name: one per database, as two connections to one database share its requests. */
export function outboxLockName(db: { name: string }): string {
  return `ingroup-privacy/outbox/${db.name}`;
}

/** Runs `task` holding the outbox lock of `db`, and resolves (or rejects) as it does. */
export function serialised<T>(
  db: { name: string },
  task: () => Promise<T>,
  locks: Locks = availableLocks(),
): Promise<T> {
  return locks.request(outboxLockName(db), () => task());
}
