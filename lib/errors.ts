/**
 * The one error type for everything the UI may have to explain (STYLE 8): a closed code, the
 * parameters that make it specific (numbers, hosts, ids — never sentences in one language), and an
 * English message for logs only. The pages word it from the code in their own language
 * (lib/i18n/errors.ts); the background sends it to them in its wire form (`WireError`).
 *
 * Errors that only ever reach the console (a bug in bundled data, an idle timer) stay plain `Error`s.
 */
import { z } from 'zod/mini';

/** Every code, `domain/what_happened`. The UI has words for each in Russian and English. */
export const ERROR_CODES = [
  // The background refused the message itself (lib/messages.ts `acceptToBackground`).
  'message/bad_sender',
  'message/bad_message',
  'message/not_allowed',
  /** The background's answer did not read as one (lib/send.ts). */
  'message/bad_reply',
  // Reading amoCRM (lib/amocrm/errors.ts `AmoError`).
  'amo/signed_out',
  'amo/not_admin',
  'amo/ip_restricted',
  'amo/account_unreadable',
  'amo/rate_limited',
  'amo/server',
  'amo/network',
  'amo/malformed',
  'amo/unexpected',
  // Ingroup's endpoint (lib/requests/endpoint.ts `EndpointError`).
  'endpoint/retryable',
  'endpoint/permanent',
  'endpoint/malformed',
  // The account and the tab it is read through (lib/background/).
  'account/not_amocrm',
  'account/unknown',
  'account/no_tab',
  'account/wrong_tab',
  'account/wrong_account',
  'account/wiped',
  // Consent choices and the ledger (lib/consent/, lib/background/consent-handlers.ts).
  'consent/not_told',
  'consent/no_choice',
  'consent/no_profile',
  'ledger/write_failed',
  // A ledger export that could not be imported (lib/consent/import.ts); nothing was imported.
  'ledger/not_json',
  'ledger/not_export',
  'ledger/other_version',
  'ledger/incomplete',
  'ledger/event_malformed',
  'ledger/chain_broken',
  'ledger/future',
  // Requests (lib/requests/).
  'request/not_found',
  'request/bad_draft',
  'request/answer_not_emailed',
  'request/answer_closed',
  // The endpoint address set in Options (lib/requests/endpoint-base.ts `checkEndpointBase`).
  'settings/endpoint_not_an_address',
  'settings/endpoint_not_https',
  'settings/endpoint_not_plain',
  'settings/endpoint_not_a_name',
  'settings/endpoint_amocrm',
  'settings/endpoint_not_granted',
  /** Anything that is not an `AppError`: its log message is all there is to show. */
  'unexpected',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ErrorParams = Record<string, string | number>;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  /** `message` is English, for logs; the UI words the code and params. */
  constructor(code: ErrorCode, message: string, params: ErrorParams = {}, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
}

/** The wire form's version: a page and a background of different versions tell, rather than misread. */
export const WIRE_ERROR_VERSION = 1;

/** An error as the background's reply envelope carries it (lib/message-replies.ts). */
export const WireError = z.strictObject({
  v: z.literal(WIRE_ERROR_VERSION),
  code: z.enum(ERROR_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The English log message, kept for the console and bug reports; never shown as the UI's words. */
  message: z.string(),
});
export type WireError = z.infer<typeof WireError>;

/** Any thrown value as an `AppError`: an `AppError` as it is, anything else as `unexpected` with its text. */
export function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new AppError('unexpected', message, { message }, { cause: error });
}

export function toWire(error: unknown): WireError {
  const app = asAppError(error);
  return { v: WIRE_ERROR_VERSION, code: app.code, params: app.params, message: app.message };
}

export function fromWire(wire: WireError): AppError {
  return new AppError(wire.code, wire.message, wire.params);
}
