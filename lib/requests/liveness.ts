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
 * Ingroup's endpoint exists. Kept in the `settings` table under one key, parsed when read (lib/store/liveness.ts reads and
 * writes it).
 */
import { z } from 'zod/mini';

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

export function originOf(base: string): string {
  return new URL(base).origin;
}

/** The stored liveness record (the settings row `LIVENESS_KEY`), per endpoint origin; unreadable is empty. */
export function livenessMap(stored: unknown): Record<string, LivenessEntry> {
  return LivenessMap.parse(stored);
}

/** The endpoint `base` as this browser knows it, from the stored liveness record: answered when, failed when and how. */
export function livenessOf(stored: unknown, base: string): EndpointLiveness {
  const origin = originOf(base);
  const entry = livenessMap(stored)[origin] ?? {};
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
