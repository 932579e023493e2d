/**
 * The wire shapes of Ingroup's endpoint, contract v1 (DESIGN §7; docs/endpoint.md,
 * docs/openapi.yaml). What we send is strict; what the endpoint answers is parsed leniently —
 * unknown fields pass through, the fields we use are typed.
 *
 * Timestamps are RFC 3339 date-times with an offset; `dueAt` / `extendedDueAt` are calendar
 * dates (`YYYY-MM-DD`), though a date-time is accepted and its date part used.
 */
import { z } from 'zod/mini';
import { AccountHostSchema, LangSchema, PolicyVersionSchema, RegimeSchema, RequestType } from '../vocabulary';
import { IdentitySchema } from './identity';

const Instant = z.iso.datetime({ offset: true });
/** A due date: `YYYY-MM-DD`, or a date-time whose date part counts. */
export const DueDate = z.union([z.iso.date(), Instant]);

export const AccountRef = z.object({
  id: z.int().check(z.positive()),
  subdomain: z.string().check(z.minLength(1), z.maxLength(63)),
  host: AccountHostSchema,
});
export type AccountRef = z.infer<typeof AccountRef>;

export const Requester = z.object({
  userId: z.int().check(z.positive()),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  email: z.email(),
  phone: z.optional(z.string().check(z.maxLength(40))),
});
export type Requester = z.infer<typeof Requester>;

export const Correction = z.object({
  /** Which piece of data is wrong, e.g. `admin_name`, `admin_email`, `admin_phone`. */
  field: z.string().check(z.minLength(1), z.maxLength(100)),
  /** What it should be. */
  value: z.string().check(z.maxLength(1000)),
});
export type Correction = z.infer<typeof Correction>;

export const ClientRef = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  version: z.string().check(z.minLength(1), z.maxLength(50)),
});
export type ClientRef = z.infer<typeof ClientRef>;

/**
 * The consent ledger's head when the request was made: the hash of its newest event (64 zeros
 * while it is empty) and how many events it held. A copy of the local hash chain's head kept by
 * Ingroup, outside the browser: a ledger rewritten later no longer contains it (docs/endpoint.md).
 */
export const LedgerHeadRef = z.object({
  headHash: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  events: z.int().check(z.nonnegative()),
});
export type LedgerHeadRef = z.infer<typeof LedgerHeadRef>;

const Details = z.string().check(z.maxLength(5000));
const WidgetCodes = z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.maxLength(500));

/** POST {base}/requests — the body, exactly as sent (and resent under the same Idempotency-Key). */
export const RequestBodySchema = z.looseObject({
  id: z.uuid(),
  type: RequestType,
  createdAt: Instant,
  locale: LangSchema,
  regime: RegimeSchema,
  account: AccountRef,
  requester: Requester,
  widgets: WidgetCodes,
  details: z.optional(Details),
  corrections: z.optional(z.array(Correction).check(z.maxLength(50))),
  policy: PolicyVersionSchema,
  ledger: LedgerHeadRef,
  client: ClientRef,
});
export type RequestBody = z.infer<typeof RequestBodySchema>;

/** 202 to POST {base}/requests. */
export const ReceiptSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  reference: z.string().check(z.minLength(1), z.maxLength(100)),
  status: z.literal('received'),
  receivedAt: Instant,
  dueAt: z.optional(DueDate),
  verification: z.enum(['none', 'email_sent']),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

/** The statuses the endpoint reports once it holds a request (DESIGN §6 lifecycle). */
export const RemoteStatus = z.enum(['received', 'verifying', 'in_progress', 'completed', 'rejected']);
export type RemoteStatus = z.infer<typeof RemoteStatus>;
export const FINAL_STATUSES: ReadonlySet<RemoteStatus> = new Set(['completed', 'rejected']);

/** 200 to GET {base}/requests/{id}. */
export const StatusSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  reference: z.string().check(z.minLength(1), z.maxLength(100)),
  status: RemoteStatus,
  updatedAt: Instant,
  dueAt: z.optional(DueDate),
  extendedDueAt: z.optional(DueDate),
  message: z.optional(z.string().check(z.maxLength(5000))),
  reason: z.optional(z.string().check(z.maxLength(5000))),
});
export type RequestStatusReply = z.infer<typeof StatusSchema>;

/** RFC 9457 problem details, as the endpoint sends them with `application/problem+json`. */
export const ProblemSchema = z.looseObject({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.int()),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
});
export type Problem = z.infer<typeof ProblemSchema>;

/**
 * What the panel's composer sends the background in `{type: 'request/submit', draft}`; the
 * background adds id, createdAt, policy, the ledger's head and client (lib/requests/compose.ts).
 */
export const DraftSchema = z
  .object({
    type: RequestType,
    host: AccountHostSchema,
    locale: LangSchema,
    regime: RegimeSchema,
    widgets: WidgetCodes,
    details: z.optional(Details),
    corrections: z.optional(z.array(Correction).check(z.maxLength(50))),
    requester: Requester,
    account: AccountRef,
    /** Identity details for the letter (152-FZ Art. 14(3)); kept on the request locally, never in the body. */
    identity: z.optional(IdentitySchema),
  })
  .check(
    z.refine((d) => d.account.host === d.host, {
      message: 'The account in the request is not the account of this page',
      path: ['account', 'host'],
    }),
    z.refine((d) => d.type !== 'rectification' || (d.corrections?.length ?? 0) > 0, {
      message: 'A correction request needs at least one field with its correct value',
      path: ['corrections'],
    }),
  );
export type Draft = z.infer<typeof DraftSchema>;
