/**
 * Whether Ingroup's endpoint has ever answered this browser (issue 13; DESIGN §6, §7).
 *
 * The endpoint is our contract, not a service known to exist: the policy names only
 * support@ingru.ru. So the extension keeps, per endpoint origin, when the endpoint last answered in
 * the contract's own shape — a catalog, a receipt or a status — and when it last could not be
 * reached or answered with an error. Until it has answered once, a new request goes by email by
 * default, and a request that cannot reach it offers email at once.
 *
 * An HTTP error is not an answer: a 503 or a parked domain's 404 says nothing about whether
 * Ingroup's endpoint exists. Kept in the `settings` table under one key, parsed when read.
 */
import { z } from 'zod/mini';
import type { PrivacyDb } from '../store/db';

export const LIVENESS_KEY = 'endpointLiveness';

/** How the endpoint answered: with its catalog, or a receipt/status of a request. */
export const AnsweredVia = z.enum(['catalog', 'request']);
export type AnsweredVia = z.infer<typeof AnsweredVia>;

/** What went wrong last: no connection at all (the name does not resolve, nothing listens, a timeout), or an HTTP error. */
export const LivenessProblem = z.enum(['unreachable', 'http']);
export type LivenessProblem = z.infer<typeof LivenessProblem>;

export const LivenessEntrySchema = z.object({
  /** Epoch ms of the last answer in the contract's shape; absent while it has never answered. */
  answeredAt: z.optional(z.number()),
  answeredVia: z.optional(AnsweredVia),
  /** Epoch ms of the last failed attempt, and what it was. */
  failedAt: z.optional(z.number()),
  problem: z.optional(LivenessProblem),
  httpStatus: z.optional(z.int()),
});
export type LivenessEntry = z.infer<typeof LivenessEntrySchema>;

const LivenessMap = z.catch(z.record(z.string(), LivenessEntrySchema), {});

/** What the pages show: the endpoint in force and what this browser knows of it. */
export const EndpointLivenessSchema = z.object({
  base: z.string(),
  origin: z.string(),
  answeredAt: z.nullable(z.number()),
  answeredVia: z.nullable(AnsweredVia),
  failedAt: z.nullable(z.number()),
  problem: z.nullable(LivenessProblem),
  httpStatus: z.nullable(z.int()),
});
export type EndpointLiveness = z.infer<typeof EndpointLivenessSchema>;

function originOf(base: string): string {
  return new URL(base).origin;
}

async function readMap(db: PrivacyDb): Promise<Record<string, LivenessEntry>> {
  return LivenessMap.parse((await db.settings.get(LIVENESS_KEY))?.value);
}

/** The endpoint `base` as this browser knows it: answered when, failed when and how. */
export async function readLiveness(db: PrivacyDb, base: string): Promise<EndpointLiveness> {
  return livenessOf((await db.settings.get(LIVENESS_KEY))?.value, base);
}

/** The same, from the stored liveness record's value (the settings row `LIVENESS_KEY`). */
export function livenessOf(stored: unknown, base: string): EndpointLiveness {
  const origin = originOf(base);
  const entry = LivenessMap.parse(stored)[origin] ?? {};
  return {
    base,
    origin,
    answeredAt: entry.answeredAt ?? null,
    answeredVia: entry.answeredVia ?? null,
    failedAt: entry.failedAt ?? null,
    problem: entry.problem ?? null,
    httpStatus: entry.httpStatus ?? null,
  };
}

/** Whether the endpoint has answered at least once: the condition for sending through it by default. */
export function hasAnswered(liveness: Pick<EndpointLiveness, 'answeredAt'> | null | undefined): boolean {
  return liveness?.answeredAt !== null && liveness?.answeredAt !== undefined;
}

async function change(db: PrivacyDb, base: string, edit: (entry: LivenessEntry) => LivenessEntry): Promise<void> {
  const origin = originOf(base);
  await db.transaction('rw', db.settings, async () => {
    const map = await readMap(db);
    await db.settings.put({ key: LIVENESS_KEY, value: { ...map, [origin]: edit(map[origin] ?? {}) } });
  });
}

/** The endpoint answered in the contract's shape (a catalog, a receipt, a status). */
export async function recordAnswered(db: PrivacyDb, base: string, via: AnsweredVia, now: number): Promise<void> {
  await change(db, base, (entry) => ({ ...entry, answeredAt: Math.max(now, entry.answeredAt ?? 0), answeredVia: via }));
}

/** An attempt got no answer (`httpStatus` absent) or an HTTP error. */
export async function recordFailure(db: PrivacyDb, base: string, now: number, httpStatus?: number): Promise<void> {
  await change(db, base, (entry) => {
    const next: LivenessEntry = { ...entry, failedAt: now, problem: httpStatus === undefined ? 'unreachable' : 'http' };
    if (httpStatus === undefined) delete next.httpStatus;
    else next.httpStatus = httpStatus;
    return next;
  });
}

/**
 * What the data kept before this existed already proves (database v5): a cached catalog was an
 * answer from its base, and a receipt an answer from its request's endpoint.
 */
export function livenessFromHistory(
  catalog: { fetchedAt: number; base: string } | undefined,
  receipts: ReadonlyArray<{ origin: string; at: number }>,
): Record<string, LivenessEntry> {
  const map: Record<string, LivenessEntry> = {};
  const note = (origin: string, at: number, via: AnsweredVia): void => {
    const entry = map[origin];
    if (!entry?.answeredAt || entry.answeredAt < at) map[origin] = { answeredAt: at, answeredVia: via };
  };
  if (catalog) {
    try {
      note(originOf(catalog.base), catalog.fetchedAt, 'catalog');
    } catch {
      // A cached row with a base that is not an address proves nothing.
    }
  }
  for (const receipt of receipts) note(receipt.origin, receipt.at, 'request');
  return map;
}
