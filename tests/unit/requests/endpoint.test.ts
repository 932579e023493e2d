// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  EndpointError,
  getStatus,
  isRetryableStatus,
  parseRetryAfter,
  postRequest,
  type FetchLike,
} from '@/lib/requests/endpoint';
import { makeBody } from './fixtures';

const BASE = 'https://api.ingru.ru/privacy/v1';
const NOW = Date.parse('2026-03-02T09:00:00Z');

function reply(status: number, body: string, headers: Record<string, string> = {}): FetchLike {
  return async () => new Response(status === 204 ? null : body, { status, headers });
}

async function failureOf(promise: Promise<unknown>): Promise<EndpointError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EndpointError) return error;
    throw error;
  }
  throw new Error('expected an EndpointError');
}

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    ['0', 0],
    [' 3 ', 3_000],
    ['Mon, 02 Mar 2026 09:01:30 GMT', 90_000],
    ['Monday, 02-Mar-26 09:00:10 GMT', 10_000],
    ['Mon, 02 Mar 2026 08:00:00 GMT', 0],
    ['', undefined],
    [null, undefined],
    ['-5', undefined],
    ['1.5', undefined],
    ['soon', undefined],
  ] as const)('reads %j as %j ms', (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });
});

describe('isRetryableStatus', () => {
  it.each([
    [408, true],
    [425, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [599, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [409, false],
    [413, false],
    [422, false],
  ])('HTTP %i retryable: %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});

describe('postRequest', () => {
  it('sends the request id as the Idempotency-Key, the body as JSON, and no cookies', async () => {
    const body = makeBody();
    let seen: { url: string; init: RequestInit } | undefined;
    const receipt = {
      id: body.id,
      reference: 'IG-2026-000001',
      status: 'received',
      receivedAt: '2026-03-02T09:00:01Z',
      verification: 'none',
      extra: 'kept',
    };
    const fetchImpl: FetchLike = async (url, init) => {
      seen = { url, init };
      return new Response(JSON.stringify(receipt), { status: 202, headers: { 'content-type': 'application/json' } });
    };
    const got = await postRequest(`${BASE}/`, body, fetchImpl);
    expect(got).toMatchObject({ reference: 'IG-2026-000001', extra: 'kept' });
    expect(seen?.url).toBe(`${BASE}/requests`);
    expect(seen?.init.method).toBe('POST');
    expect(new Headers(seen?.init.headers).get('idempotency-key')).toBe(body.id);
    expect(new Headers(seen?.init.headers).get('content-type')).toBe('application/json');
    expect(seen?.init.credentials).toBe('omit');
    expect(JSON.parse(seen?.init.body as string)).toEqual(body);
  });

  it.each([
    [
      'a 503 with Retry-After',
      reply(503, '', { 'retry-after': '30' }),
      { kind: 'retryable', status: 503, retryAfterMs: 30_000 },
    ],
    [
      'a 429 with an HTTP-date',
      reply(429, 'Too many', { 'retry-after': 'Mon, 02 Mar 2026 09:02:00 GMT' }),
      { kind: 'retryable', status: 429, retryAfterMs: 120_000 },
    ],
    ['a 408', reply(408, ''), { kind: 'retryable', status: 408 }],
    ['a 425', reply(425, ''), { kind: 'retryable', status: 425 }],
    [
      'a 500 HTML page',
      reply(500, '<html>oops</html>', { 'content-type': 'text/html' }),
      { kind: 'retryable', status: 500 },
    ],
    [
      'a 422 problem',
      reply(422, JSON.stringify({ title: 'Unprocessable', status: 422, detail: 'widgets: unknown code' }), {
        'content-type': 'application/problem+json',
      }),
      { kind: 'permanent', status: 422, problem: { detail: 'widgets: unknown code' } },
    ],
    [
      'a 409 conflict',
      reply(409, JSON.stringify({ title: 'Conflict', detail: 'key reused' })),
      { kind: 'permanent', status: 409 },
    ],
    ['a 404', reply(404, ''), { kind: 'permanent', status: 404 }],
    ['a 202 that is not JSON', reply(202, '{"id": "'), { kind: 'malformed', status: 202 }],
    ['a 202 that is not a receipt', reply(202, JSON.stringify({ ok: true })), { kind: 'malformed', status: 202 }],
  ] as const)('classifies %s', async (_name, fetchImpl, expected) => {
    const error = await failureOf(postRequest(BASE, makeBody(), fetchImpl, { now: NOW }));
    expect(error).toMatchObject(expected);
    expect(error.message).toMatch(/HTTP \d{3}/);
  });

  it('treats a receipt for another request as malformed', async () => {
    const other = {
      id: crypto.randomUUID(),
      reference: 'IG-2026-000009',
      status: 'received',
      receivedAt: '2026-03-02T09:00:01Z',
      verification: 'none',
    };
    const error = await failureOf(postRequest(BASE, makeBody(), reply(202, JSON.stringify(other))));
    expect(error.kind).toBe('malformed');
  });

  it('treats a network error as retryable', async () => {
    const error = await failureOf(
      postRequest(BASE, makeBody(), async () => Promise.reject(new TypeError('fetch failed'))),
    );
    expect(error).toMatchObject({ kind: 'retryable', retryable: true, code: 'endpoint/retryable' });
    expect(error.status).toBeUndefined();
  });

  it('abandons an attempt after its timeout, as retryable', async () => {
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const error = await failureOf(postRequest(BASE, makeBody(), hang, { timeoutMs: 20 }));
    expect(error.kind).toBe('retryable');
    expect(error.message).toMatch(/did not answer/);
  });
});

describe('getStatus', () => {
  it('reads a status and keeps fields it does not know', async () => {
    const id = crypto.randomUUID();
    let url = '';
    const status = await getStatus(BASE, id, async (u) => {
      url = u;
      return new Response(
        JSON.stringify({
          id,
          reference: 'IG-2026-000001',
          status: 'in_progress',
          updatedAt: '2026-03-03T10:00:00+03:00',
          dueAt: '2026-03-16',
          note: 'x',
        }),
      );
    });
    expect(url).toBe(`${BASE}/requests/${id}`);
    expect(status).toMatchObject({ status: 'in_progress', dueAt: '2026-03-16', note: 'x' });
  });

  it('rejects a status it does not know as malformed', async () => {
    const id = crypto.randomUUID();
    const error = await failureOf(
      getStatus(
        BASE,
        id,
        reply(200, JSON.stringify({ id, reference: 'R', status: 'archived', updatedAt: '2026-03-03T10:00:00Z' })),
      ),
    );
    expect(error.kind).toBe('malformed');
  });
});
