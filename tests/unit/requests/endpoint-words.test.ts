// @vitest-environment node
/**
 * What the endpoint client tells the administrator, word for word, for each way an attempt can
 * end — these sentences are shown in the requests list — and the exact shape of what it sends.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIMEOUT_MS,
  EndpointError,
  getStatus,
  isRetryableStatus,
  parseRetryAfter,
  postRequest,
  type FetchLike,
} from '@/lib/requests/endpoint';
import { WireError, fromWire, toWire } from '@/lib/errors';
import { describeError } from '@/lib/i18n/errors';
import { makeBody } from './fixtures';

const BASE = 'https://api.ingru.ru/privacy/v1';
const NOW = Date.parse('2026-03-02T09:00:00Z');
const AGAIN = 'The request will be sent again with the same id.';

function reply(status: number, body: string | null, headers: Record<string, string> = {}): FetchLike {
  return async () => new Response(body, { status, headers });
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

const problem = (value: Record<string, unknown>): string => JSON.stringify(value);

describe('the words of each failure', () => {
  it.each<[string, FetchLike, string]>([
    [
      'a 429 with a detail',
      reply(429, problem({ title: 'Too Many Requests', detail: 'slow down' })),
      `Ingroup's endpoint asked to slow down (HTTP 429): slow down. ${AGAIN}`,
    ],
    [
      'a 503 with only a title',
      reply(503, problem({ title: 'Maintenance' })),
      `Ingroup's endpoint had a server error (HTTP 503): Maintenance. ${AGAIN}`,
    ],
    [
      'a 500 with a body that is not JSON',
      reply(500, '<html>oops</html>'),
      `Ingroup's endpoint had a server error (HTTP 500). ${AGAIN}`,
    ],
    ['a 408', reply(408, null), `Ingroup's endpoint could not take the request yet (HTTP 408). ${AGAIN}`],
    [
      'a 425 with a problem that is not one',
      reply(425, JSON.stringify({ title: 5 })),
      `Ingroup's endpoint could not take the request yet (HTTP 425). ${AGAIN}`,
    ],
    [
      'a 422',
      reply(422, problem({ title: 'Unprocessable', detail: 'widgets: unknown code' })),
      "Ingroup's endpoint refused the request (HTTP 422): widgets: unknown code. Sending it again will not help; send it by email instead.",
    ],
    [
      'a 404 without a body',
      reply(404, null),
      "Ingroup's endpoint refused the request (HTTP 404). Sending it again will not help; send it by email instead.",
    ],
    [
      'a 201 that is not JSON',
      reply(201, '{"id": '),
      "Ingroup's endpoint answered HTTP 201 but its receipt was not JSON. It will be asked again.",
    ],
    [
      'a 201 that is not a receipt',
      reply(201, '{"ok":true}'),
      "Ingroup's endpoint answered HTTP 201 but its receipt did not match contract v1. It will be asked again.",
    ],
    [
      'a network error',
      async () => Promise.reject(new TypeError('fetch failed')),
      `Could not reach Ingroup's endpoint (network error). ${AGAIN}`,
    ],
  ])('%s', async (_name, fetchImpl, words) => {
    expect((await failureOf(postRequest(BASE, makeBody(), fetchImpl, { now: NOW }))).message).toBe(words);
  });

  it('a receipt for another request', async () => {
    const other = crypto.randomUUID();
    const receipt = {
      id: other,
      reference: 'IG-1',
      status: 'received',
      receivedAt: '2026-03-02T09:00:01Z',
      verification: 'none',
    };
    const error = await failureOf(postRequest(BASE, makeBody(), reply(201, JSON.stringify(receipt))));
    expect(error).toMatchObject({
      kind: 'malformed',
      status: 201,
      message: `Ingroup's endpoint answered with a receipt for another request (${other}). It will be asked again.`,
    });
  });

  it('a status of another request', async () => {
    const id = crypto.randomUUID();
    const other = crypto.randomUUID();
    const error = await failureOf(
      getStatus(
        BASE,
        id,
        reply(
          200,
          JSON.stringify({ id: other, reference: 'R', status: 'received', updatedAt: '2026-03-03T10:00:00Z' }),
        ),
      ),
    );
    expect(error).toMatchObject({
      kind: 'malformed',
      status: 200,
      message: `Ingroup's endpoint answered with the status of another request (${other}).`,
    });
  });

  it('a status check refused, with its words', async () => {
    const error = await failureOf(
      getStatus(BASE, crypto.randomUUID(), reply(410, problem({ detail: 'deleted after 3 years' }))),
    );
    expect(error).toMatchObject({ kind: 'permanent', status: 410, problem: { detail: 'deleted after 3 years' } });
    expect(error.message).toBe(
      "Ingroup's endpoint refused the request (HTTP 410): deleted after 3 years. Sending it again will not help; send it by email instead.",
    );
  });

  it.each([
    [20, 'did not answer within 0 s'],
    [1_600, 'did not answer within 2 s'],
  ])('an attempt abandoned after %i ms says it %s', async (timeoutMs, words) => {
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const error = await failureOf(postRequest(BASE, makeBody(), hang, { timeoutMs }));
    expect(error.message).toBe(`Ingroup's endpoint ${words}. ${AGAIN}`);
    expect(error.cause).toBeInstanceOf(DOMException);
  });

  it('an abort the caller made counts as no answer too', async () => {
    const aborted: FetchLike = async () => Promise.reject(new DOMException('The operation was aborted.', 'AbortError'));
    expect((await failureOf(postRequest(BASE, makeBody(), aborted, { timeoutMs: 15_000 }))).message).toBe(
      `Ingroup's endpoint did not answer within 15 s. ${AGAIN}`,
    );
  });

  it('waits 15 s by default', async () => {
    expect(DEFAULT_TIMEOUT_MS).toBe(15_000);
    let signal: AbortSignal | undefined;
    const body = makeBody();
    await postRequest(BASE, body, async (_url, init) => {
      signal = init.signal ?? undefined;
      return new Response(
        JSON.stringify({
          id: body.id,
          reference: 'IG-1',
          status: 'received',
          receivedAt: '2026-03-02T09:00:01Z',
          verification: 'none',
        }),
        { status: 201 },
      );
    });
    expect(signal?.aborted).toBe(false);
  });
});

describe('EndpointError', () => {
  it('keeps only the details it was given', () => {
    const bare = new EndpointError('permanent', 'no');
    expect(bare).toMatchObject({
      name: 'EndpointError',
      kind: 'permanent',
      message: 'no',
      code: 'endpoint/permanent',
      retryable: false,
    });
    expect([bare.status, bare.retryAfterMs, bare.problem, bare.cause]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const full = new EndpointError('retryable', 'later', {
      status: 503,
      retryAfterMs: 0,
      problem: { title: 'x' },
      cause: 'c',
    });
    expect(full).toMatchObject({
      status: 503,
      retryAfterMs: 0,
      problem: { title: 'x' },
      cause: 'c',
      retryable: true,
      code: 'endpoint/retryable',
    });
    expect(new EndpointError('malformed', 'x').retryable).toBe(true);
  });
});

describe('what is sent', () => {
  it('asks for the status with JSON accepted, no cookies, nothing cached, under an escaped id', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const id = 'a/b?c';
    await getStatus(`${BASE}//`, id, async (url, init) => {
      seen = { url, init };
      return new Response(
        JSON.stringify({ id, reference: 'R', status: 'received', updatedAt: '2026-03-03T10:00:00Z' }),
      );
    });
    expect(seen?.url).toBe(`${BASE}/requests/a%2Fb%3Fc`);
    expect(seen?.init).toMatchObject({ method: 'GET', credentials: 'omit', cache: 'no-store' });
    expect(new Headers(seen?.init.headers).get('accept')).toBe('application/json, application/problem+json');
  });

  it('posts with the problem type accepted and nothing cached', async () => {
    const body = makeBody();
    let init: RequestInit | undefined;
    await postRequest(BASE, body, async (_url, i) => {
      init = i;
      return new Response(
        JSON.stringify({
          id: body.id,
          reference: 'IG-1',
          status: 'received',
          receivedAt: '2026-03-02T09:00:01Z',
          verification: 'none',
        }),
        { status: 201 },
      );
    });
    expect(init?.cache).toBe('no-store');
    expect(new Headers(init?.headers).get('accept')).toBe('application/json, application/problem+json');
  });
});

describe('the edges of retrying', () => {
  it.each([
    [499, false],
    [500, true],
    [599, true],
    [600, false],
    [407, false],
    [424, false],
    [426, false],
    [428, false],
    [430, false],
  ])('HTTP %i retryable: %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });

  it.each([
    ['12 ', 12_000],
    ['2026-03-02', undefined],
    ['Mon, 02 Mar 2026 09:00:00 GMT', 0],
    ['Tue, 99 Foo 2026 25:00:00 GMT', undefined],
  ] as const)('reads Retry-After %j as %j ms', (header, expected) => {
    expect(parseRetryAfter(header, NOW)).toBe(expected);
  });

  it('reads the Retry-After of a 429 from the time it is given', async () => {
    const error = await failureOf(
      postRequest(BASE, makeBody(), reply(429, null, { 'retry-after': 'Mon, 02 Mar 2026 09:00:30 GMT' }), { now: NOW }),
    );
    expect(error.retryAfterMs).toBe(30_000);
    const noHeader = await failureOf(postRequest(BASE, makeBody(), reply(503, null), { now: NOW }));
    expect(noHeader.retryAfterMs).toBeUndefined();
  });
});

describe('what the administrator reads in the requests list, and what crosses to the page', () => {
  /** The failure as the page receives it: the wire form, checked by its own schema, then worded. */
  function onThePage(error: EndpointError, lang: 'ru' | 'en'): string {
    const wire = WireError.parse(toWire(error));
    return describeError(fromWire(wire), lang).detail;
  }

  it('a 429 that asks to wait and says why: its status, the wait in whole seconds and its words, in both languages', async () => {
    const error = await failureOf(
      postRequest(
        BASE,
        makeBody(),
        reply(429, problem({ title: 'Too Many Requests', detail: 'slow down' }), { 'retry-after': '120' }),
        { now: NOW },
      ),
    );
    expect(onThePage(error, 'en')).toBe(
      'No answer came, or the endpoint asked to wait (the endpoint answered HTTP 429). It asked to wait 120 s. It said: “slow down”.',
    );
    expect(onThePage(error, 'ru')).toBe(
      'Ответа не было, или сервис попросил подождать (сервис ответил HTTP 429). Он попросил подождать 120 с. Его ответ: «slow down».',
    );
  });

  it('a wait with part of a second is shown rounded up to whole seconds', async () => {
    const error = await failureOf(
      postRequest(BASE, makeBody(), reply(503, null, { 'retry-after': 'Mon, 02 Mar 2026 09:00:01 GMT' }), {
        now: NOW - 200,
      }),
    );
    expect(error.retryAfterMs).toBe(1_200);
    expect(onThePage(error, 'en')).toContain('It asked to wait 2 s.');
  });

  it('a refusal with only a title quotes the title', async () => {
    const error = await failureOf(postRequest(BASE, makeBody(), reply(422, problem({ title: 'Unprocessable' }))));
    expect(onThePage(error, 'en')).toBe(
      'The endpoint turned the request down (the endpoint answered HTTP 422); sending the same request again will not help. It said: “Unprocessable”.',
    );
  });

  it('no answer at all: no status, no wait and no quote are made up', async () => {
    const error = await failureOf(
      postRequest(BASE, makeBody(), async () => Promise.reject(new TypeError('fetch failed'))),
    );
    expect(onThePage(error, 'en')).toBe('No answer came, or the endpoint asked to wait.');
    expect(onThePage(error, 'ru')).toBe('Ответа не было, или сервис попросил подождать.');
  });

  it('a problem without words: the status alone', async () => {
    const error = await failureOf(postRequest(BASE, makeBody(), reply(409, problem({ type: 'about:blank' }))));
    expect(error.problem).toEqual({ type: 'about:blank' });
    expect(onThePage(error, 'en')).toBe(
      'The endpoint turned the request down (the endpoint answered HTTP 409); sending the same request again will not help.',
    );
  });
});

describe('a status check', () => {
  it('reads an HTTP-date Retry-After from the time it is given', async () => {
    const error = await failureOf(
      getStatus(BASE, crypto.randomUUID(), reply(503, null, { 'retry-after': 'Mon, 02 Mar 2026 09:00:30 GMT' }), {
        now: NOW,
      }),
    );
    expect(error.retryAfterMs).toBe(30_000);
  });

  it('a status that is not JSON says it was the status', async () => {
    const error = await failureOf(getStatus(BASE, crypto.randomUUID(), reply(200, '{"id": ')));
    expect(error.message).toBe(
      "Ingroup's endpoint answered HTTP 200 but its status was not JSON. It will be asked again.",
    );
  });
});
