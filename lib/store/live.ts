/**
 * The one way to watch the store: Dexie's liveQuery, behind a function, so pages and the panel's
 * feed run the same named queries (./queries.ts) without importing Dexie or the database.
 * Pages watch in their own context; the background watches for the panel and posts each result
 * down the panel's Port (lib/panel/feed.ts): one read path, two transports.
 */
import { liveQuery } from 'dexie';
import { db, type PrivacyDb } from './db';

/** A read of the store: given the database, returns what a page or the panel shows. */
export type Query<T> = (db: PrivacyDb) => Promise<T> | T;

export interface Watcher<T> {
  next(value: T): void;
  error(error: unknown): void;
}

/** Runs `query` now and again whenever a row it read changes; returns the function that stops it. */
export function watch<T>(query: Query<T>, watcher: Watcher<T>, database: PrivacyDb = db()): () => void {
  const subscription = liveQuery(() => query(database)).subscribe({
    next: (value) => watcher.next(value),
    error: (error: unknown) => watcher.error(error),
  });
  return () => subscription.unsubscribe();
}

/** Runs `query` once, for a read a click needs (an export, a check), not one a page keeps showing. */
export async function readOnce<T>(query: Query<T>, database: PrivacyDb = db()): Promise<T> {
  return query(database);
}
