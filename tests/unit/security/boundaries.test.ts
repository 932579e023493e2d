// @vitest-environment node
/**
 * Every boundary where outside data enters takes arbitrary input without crashing: a zod parse
 * answers success or a list of issues; the readers built on them (amoCRM client, endpoint client,
 * ledger import, catalog) resolve with checked data or reject with their own typed error.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import { createAmoClient } from '@/lib/amocrm/client';
import { AmoError } from '@/lib/amocrm/errors';
import { createLimiter } from '@/lib/amocrm/limiter';
import {
  AmoAccountSchema,
  AmoProblemSchema,
  AmoUserSchema,
  AmoUsersListSchema,
  AmoWidgetSchema,
  AmoWidgetsListSchema,
} from '@/lib/amocrm/schemas';
import { SnapshotSchema } from '@/lib/amocrm/snapshot';
import { CatalogCacheRowSchema, CatalogSchema } from '@/lib/catalog/schema';
import { LedgerEventSchema } from '@/lib/consent/event';
import { LEDGER_FILE_FORMAT, LEDGER_FILE_VERSION, LedgerFileEnvelope } from '@/lib/consent/file';
import { importLedger } from '@/lib/consent/import';
import { db, resetDbForTests } from '@/lib/store/db';
import { AmoFetchReply, Envelope, REPLIES, ToBackground } from '@/lib/messages';
import { FeedMessage, FeedRequest } from '@/lib/panel/feed';
import { PanelModelSchema } from '@/lib/panel/model-schema';
import { EndpointError, getStatus, postRequest } from '@/lib/requests/endpoint';
import { DraftSchema, ProblemSchema, ReceiptSchema, RequestBodySchema, StatusSchema } from '@/lib/requests/types';
import { makeBody } from '../requests/fixtures';

const RUNS = { numRuns: 300 };

/** Arbitrary JSON, plus JSON shaped like the objects the schemas expect (known keys, wrong values). */
const KNOWN_KEYS = [
  'id',
  'code',
  'name',
  'type',
  'status',
  'version',
  'host',
  'events',
  'model',
  'widgets',
  'account',
  '_embedded',
  '_links',
  'title',
  'detail',
  'reference',
  'receivedAt',
  'dueAt',
  'format',
  'hash',
  'prevHash',
  'timestamp',
];
const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue(),
  fc.anything(),
  fc.dictionary(fc.constantFrom(...KNOWN_KEYS), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 8 }),
);

const SCHEMAS: Array<[string, z.ZodMiniType]> = [
  ['amoCRM account', AmoAccountSchema],
  ['amoCRM user', AmoUserSchema],
  ['amoCRM users page', AmoUsersListSchema],
  ['amoCRM widget', AmoWidgetSchema],
  ['amoCRM widgets page', AmoWidgetsListSchema],
  ['amoCRM problem', AmoProblemSchema],
  ['snapshot', SnapshotSchema],
  ['endpoint receipt', ReceiptSchema],
  ['endpoint status', StatusSchema],
  ['endpoint problem', ProblemSchema],
  ['request body', RequestBodySchema],
  ['request draft', DraftSchema],
  ['catalog', CatalogSchema],
  ['catalog cache row', CatalogCacheRowSchema],
  ['ledger event', LedgerEventSchema],
  ['ledger file envelope', LedgerFileEnvelope],
  ['panel feed message', FeedMessage],
  ['panel feed subscription', FeedRequest],
  ['panel model', PanelModelSchema],
  ['message to the background', ToBackground],
  ['amo/fetch reply', AmoFetchReply],
  ['reply envelope', Envelope],
  ...Object.entries(REPLIES).map(([type, schema]): [string, z.ZodMiniType] => [`${type} reply`, schema]),
];

describe('every zod boundary under arbitrary JSON', () => {
  it.each(SCHEMAS)('the %s schema answers success or issues, never a crash', (_name, schema) => {
    fc.assert(
      fc.property(jsonish, (raw) => {
        const result = schema.safeParse(raw);
        if (!result.success) {
          expect(result.error.issues.length).toBeGreaterThan(0);
          expect(typeof result.error.message).toBe('string');
        }
      }),
      RUNS,
    );
  });
});

describe('the amoCRM client under arbitrary replies', () => {
  const reply = fc.record({
    status: fc.constantFrom(200, 200, 200, 204, 400, 401, 402, 403, 404, 429, 500, 502, 504),
    contentType: fc.constantFrom('application/hal+json', 'application/problem+json', 'text/html'),
    retryAfter: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
    body: fc.oneof(
      fc.string(),
      jsonish.map((v) => JSON.stringify(v) ?? ''),
    ),
  });
  const calls = ['getAccount', 'getUser', 'getUserCount', 'listWidgets'] as const;

  it('resolves with parsed data or rejects with an AmoError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...calls),
        fc.array(reply, { minLength: 1, maxLength: 4 }),
        async (call, replies) => {
          let i = 0;
          const client = createAmoClient({
            transport: async () => replies[Math.min(i++, replies.length - 1)]!,
            limiter: createLimiter({ perSecond: 1000, sleep: async () => undefined }),
            key: 'fuzz.amocrm.ru',
            maxRetries: 0,
          });
          const run = call === 'getUser' ? client.getUser(1) : client[call]();
          await run.then(
            () => undefined,
            (error: unknown) => {
              expect(error).toBeInstanceOf(AmoError);
              expect((error as Error).message.length).toBeGreaterThan(0);
            },
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the endpoint client under arbitrary replies', () => {
  const NO_BODY = new Set([204, 205, 304]);
  const answer = fc.record({
    status: fc.constantFrom(200, 201, 202, 204, 400, 404, 409, 422, 429, 500, 503),
    body: fc.oneof(
      fc.string(),
      jsonish.map((v) => JSON.stringify(v) ?? 'null'),
    ),
    retryAfter: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
  });
  const respond =
    (a: { status: number; body: string; retryAfter: string | undefined }) => async (): Promise<Response> =>
      new Response(NO_BODY.has(a.status) ? null : a.body, {
        status: a.status,
        headers: a.retryAfter ? { 'retry-after': a.retryAfter.replace(/[^\x20-\x7e]/g, '') } : {},
      });

  it('a POST resolves with a receipt for this request or rejects with an EndpointError', async () => {
    await fc.assert(
      fc.asyncProperty(answer, async (a) => {
        const body = makeBody();
        await postRequest('https://api.ingru.ru/privacy/v1', body, respond(a)).then(
          (receipt) => expect(receipt.id).toBe(body.id),
          (error: unknown) => expect(error).toBeInstanceOf(EndpointError),
        );
      }),
      RUNS,
    );
  });

  it("a status poll resolves with this request's status or rejects with an EndpointError", async () => {
    await fc.assert(
      fc.asyncProperty(answer, async (a) => {
        const id = crypto.randomUUID();
        await getStatus('https://api.ingru.ru/privacy/v1', id, respond(a)).then(
          (status) => expect(status.id).toBe(id),
          (error: unknown) => expect(error).toBeInstanceOf(EndpointError),
        );
      }),
      RUNS,
    );
  });
});

describe('the ledger import under arbitrary files', () => {
  beforeEach(async () => {
    await resetDbForTests();
  });

  /** Text that is JSON, almost JSON, or a ledger envelope holding arbitrary events. */
  const files = fc.oneof(
    fc.string(),
    jsonish.map((v) => JSON.stringify(v) ?? ''),
    fc.array(jsonish, { minLength: 1, maxLength: 5 }).map((events) =>
      JSON.stringify({
        format: LEDGER_FILE_FORMAT,
        version: LEDGER_FILE_VERSION,
        exportedAt: '2026-03-02T12:00:00+03:00',
        events,
      }),
    ),
    fc.string().map((s) => `{"format":"${LEDGER_FILE_FORMAT}","version":1,${s}`),
  );

  it('never throws: it reports what it added or why nothing was imported, and imports nothing from junk', async () => {
    await fc.assert(
      fc.asyncProperty(files, async (text) => {
        const result = await importLedger(db(), text);
        expect(result.added).toBe(0);
        expect(result.rejected).toHaveLength(1);
        expect(result.rejected[0]!.error.message).toMatch(/Nothing was imported\.$/);
        expect(result.rejected[0]!.error.code).toMatch(/^ledger\//);
        await expect(db().ledger.count()).resolves.toBe(0);
      }),
      { numRuns: 150 },
    );
  });
});
