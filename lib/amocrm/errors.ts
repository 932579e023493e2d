/**
 * What can go wrong reading amoCRM: an `AppError` (lib/errors.ts) whose code is `amo/<kind>`, with
 * amoCRM's status and how long it asked to wait as parameters. The pages word it
 * (lib/i18n/errors.ts) from what crosses the background's reply envelope.
 */
import { AppError, type ErrorParams } from '../errors';
import type { AmoProblem } from './schemas';

export const AMO_ERROR_KINDS = [
  'signed_out',
  'not_admin',
  'ip_restricted',
  'account_unreadable',
  'rate_limited',
  'server',
  'network',
  'malformed',
  'unexpected',
] as const;
export type AmoErrorKind = (typeof AMO_ERROR_KINDS)[number];

export interface AmoErrorDetails {
  /** amoCRM's HTTP status, when it answered. */
  status?: number;
  /** The `application/problem+json` body, when amoCRM sent one. */
  problem?: AmoProblem;
  /** The API path that failed. */
  path?: string;
  /** For `rate_limited`: how long amoCRM asked to wait before the next try. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class AmoError extends AppError {
  readonly kind: AmoErrorKind;
  readonly status?: number;
  readonly problem?: AmoProblem;
  readonly path?: string;
  readonly retryAfterMs?: number;
  constructor(kind: AmoErrorKind, message: string, details: AmoErrorDetails = {}) {
    // `cause`: what failed underneath (a network error, a zod error).
    super(`amo/${kind}`, message, amoParams(details), { cause: details.cause });
    this.name = 'AmoError';
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.problem !== undefined) this.problem = details.problem;
    if (details.path !== undefined) this.path = details.path;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

/** What the words need: amoCRM's status, and the wait it asked for in whole seconds. */
function amoParams(details: AmoErrorDetails): ErrorParams {
  const params: ErrorParams = {};
  if (details.status !== undefined) params.status = details.status;
  if (details.retryAfterMs !== undefined) params.retryAfterS = Math.max(1, Math.ceil(details.retryAfterMs / 1000));
  return params;
}

/**
 * amoCRM's "whitelist of IP addresses" refusal: HTTP 403 with error code 113 ("Access to this
 * account is prohibited from your IP address", amoCRM's API error list). Its v4 body is not
 * documented: the code, or words naming the IP address, are taken as the sign (docs/amocrm-evidence.md).
 */
export function isIpRestriction(status: number, body: string): boolean {
  if (status !== 403) return false;
  return /"error_code"\s*:\s*"?113\b/.test(body) || /\bIP\b|IP[- ]?адрес/.test(body);
}

/**
 * The kind an HTTP status maps to (429 only after retries are spent). A 403 is told apart: the IP
 * whitelist, then `/api/v4/account` (readable by any user, so a refusal there is not about rights),
 * then an administrator-only path refused to someone who is not one.
 */
export function amoErrorKindForStatus(status: number, path = '', body = ''): AmoErrorKind {
  if (status === 401) return 'signed_out';
  if (isIpRestriction(status, body)) return 'ip_restricted';
  if (status === 403) return path.startsWith('/api/v4/account') ? 'account_unreadable' : 'not_admin';
  if (status === 429) return 'rate_limited';
  if (status >= 500 && status <= 599) return 'server';
  return 'unexpected';
}
