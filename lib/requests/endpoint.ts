/**
 * The client of Ingroup's endpoint, contract v1 (DESIGN §7, docs/endpoint.md).
 *
 * Every failure is an `EndpointError` of one of three kinds:
 * - `retryable`: no answer (network error, per-attempt timeout) or 408, 425, 429, 5xx. The
 *   request may or may not have arrived; resending under the same Idempotency-Key is safe.
 * - `malformed`: a 2xx whose body is not a receipt/status we understand. The endpoint may well
 *   hold the request, so the outbox retries it too: the same key returns the original receipt,
 *   and giving up would leave the admin believing nothing was sent.
 * - `permanent`: every other 4xx (and anything else unexpected). Resending the same body cannot
 *   help; the problem+json detail is kept to show the admin.
 */
import type { z } from 'zod/mini';
import { AppError, type ErrorParams } from '../errors';
import {
  ProblemSchema,
  ReceiptSchema,
  StatusSchema,
  type Problem,
  type Receipt,
  type RequestBody,
  type RequestStatusReply,
} from './types';

export type EndpointErrorKind = 'retryable' | 'permanent' | 'malformed';

export interface EndpointErrorDetails {
  status?: number | undefined;
  retryAfterMs?: number | undefined;
  problem?: Problem | undefined;
  cause?: unknown;
}

export class EndpointError extends AppError {
  readonly kind: EndpointErrorKind;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly problem: Problem | undefined;

  constructor(kind: EndpointErrorKind, message: string, details: EndpointErrorDetails = {}) {
    super(`endpoint/${kind}`, message, endpointParams(details), { cause: details.cause });
    this.name = 'EndpointError';
    this.kind = kind;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.problem = details.problem;
  }

  /** Whether the outbox should try again later (retryable and malformed answers). */
  get retryable(): boolean {
    return this.kind !== 'permanent';
  }
}

/** What the words need (lib/i18n/errors.ts): the status, the wait asked for, and the endpoint's own words. */
function endpointParams(details: EndpointErrorDetails): ErrorParams {
  const params: ErrorParams = {};
  if (details.status !== undefined) params.status = details.status;
  if (details.retryAfterMs !== undefined) params.retryAfterS = Math.ceil(details.retryAfterMs / 1000);
  const said = details.problem?.detail ?? details.problem?.title;
  if (said) params.said = said;
  return params;
}

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface EndpointOptions {
  /** Per-attempt limit; the attempt is abandoned (and retryable) after it. Default 15 s. */
  timeoutMs?: number;
  /** Epoch milliseconds, for reading an HTTP-date Retry-After. Default `Date.now()`. */
  now?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** Statuses worth retrying (DESIGN §7): 408, 425, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * `Retry-After` in milliseconds from `now`: delay-seconds (`120`) or an HTTP-date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`). A date in the past is 0; anything else is `undefined`.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  const value = header?.trim();
  // Stryker disable next-line ConditionalExpression: a missing or empty header fails both patterns below and is undefined all the same
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, or the obsolete RFC 850 / asctime forms Date.parse reads.
  if (!/[a-z]/i.test(value)) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

function join(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

async function call(fetchImpl: FetchLike, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  try {
    return await fetchImpl(url, {
      ...init,
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    throw new EndpointError(
      'retryable',
      timedOut
        ? `Ingroup's endpoint did not answer within ${Math.round(timeoutMs / 1000)} s. The request will be sent again with the same id.`
        : "Could not reach Ingroup's endpoint (network error). The request will be sent again with the same id.",
      { cause: error },
    );
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  return JSON.parse(text) as unknown;
}

async function failure(response: Response, now: number): Promise<EndpointError> {
  let problem: Problem | undefined;
  try {
    problem = ProblemSchema.safeParse(await readJson(response)).data;
  } catch {
    // A body that is not JSON (a proxy's HTML error page) leaves only the status to go on.
  }
  const status = response.status;
  const said = problem?.detail ?? problem?.title;
  const suffix = said ? `: ${said}` : '';
  if (isRetryableStatus(status)) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now);
    const what =
      status === 429 ? 'asked to slow down' : status >= 500 ? 'had a server error' : 'could not take the request yet';
    return new EndpointError(
      'retryable',
      `Ingroup's endpoint ${what} (HTTP ${status})${suffix}. The request will be sent again with the same id.`,
      { status, retryAfterMs, problem },
    );
  }
  return new EndpointError(
    'permanent',
    `Ingroup's endpoint refused the request (HTTP ${status})${suffix}. Sending it again will not help; send it by email instead.`,
    { status, problem },
  );
}

async function parseOk<T>(response: Response, schema: z.ZodMiniType<T>, what: string): Promise<T> {
  let raw: unknown;
  try {
    raw = await readJson(response);
  } catch (error) {
    throw new EndpointError(
      'malformed',
      `Ingroup's endpoint answered HTTP ${response.status} but its ${what} was not JSON. It will be asked again.`,
      {
        status: response.status,
        cause: error,
      },
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new EndpointError(
      'malformed',
      `Ingroup's endpoint answered HTTP ${response.status} but its ${what} did not match contract v1. It will be asked again.`,
      {
        status: response.status,
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}

/**
 * POST {base}/requests with `Idempotency-Key: <body.id>`. Resolves with the receipt; throws an
 * `EndpointError`. Safe to call again for the same body at any time.
 */
export async function postRequest(
  base: string,
  body: RequestBody,
  fetchImpl: FetchLike,
  options: EndpointOptions = {},
): Promise<Receipt> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const response = await call(
    fetchImpl,
    join(base, '/requests'),
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, application/problem+json',
        'idempotency-key': body.id,
      },
      body: JSON.stringify(body),
    },
    timeoutMs,
  );
  if (!response.ok) throw await failure(response, options.now ?? Date.now());
  const receipt = await parseOk(response, ReceiptSchema, 'receipt');
  if (receipt.id !== body.id) {
    throw new EndpointError(
      'malformed',
      `Ingroup's endpoint answered with a receipt for another request (${receipt.id}). It will be asked again.`,
      {
        status: response.status,
      },
    );
  }
  return receipt;
}

/** GET {base}/requests/{id}. Resolves with the status; throws an `EndpointError`. */
export async function getStatus(
  base: string,
  id: string,
  fetchImpl: FetchLike,
  options: EndpointOptions = {},
): Promise<RequestStatusReply> {
  const response = await call(
    fetchImpl,
    join(base, `/requests/${encodeURIComponent(id)}`),
    { method: 'GET', headers: { accept: 'application/json, application/problem+json' } },
    options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  );
  if (!response.ok) throw await failure(response, options.now ?? Date.now());
  const status = await parseOk(response, StatusSchema, 'status');
  if (status.id !== id) {
    throw new EndpointError(
      'malformed',
      `Ingroup's endpoint answered with the status of another request (${status.id}).`,
      { status: response.status },
    );
  }
  return status;
}
