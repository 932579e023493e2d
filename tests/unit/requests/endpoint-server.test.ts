// @vitest-environment node
/** The local endpoint keeps contract v1 itself, so tests built on it test the extension, not the fake. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEndpoint, type RunningEndpoint } from '../../support/endpoint-server.mjs';
import { makeBody } from './fixtures';

let endpoint: RunningEndpoint;
const catalog = { version: 'fixture-1', widgets: [{ code: 'fixture_ingroup_calls' }] };

beforeAll(async () => {
  endpoint = await startEndpoint({ catalog, pollsPerStep: 2 });
});
afterAll(async () => {
  await endpoint.close();
});
beforeEach(() => endpoint.reset());

function post(body: unknown, key: string | undefined): Promise<Response> {
  return fetch(`${endpoint.base}/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify(body),
  });
}

describe('local endpoint', () => {
  it('serves the catalog it was given', async () => {
    const res = await fetch(`${endpoint.base}/catalog`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(catalog);
  });

  it('answers the same key and body with the original receipt, and another body with 409', async () => {
    const body = makeBody();
    const first = await post(body, body.id);
    expect(first.status).toBe(202);
    const receipt = await first.json();
    expect(receipt).toMatchObject({
      id: body.id,
      status: 'received',
      verification: 'none',
      reference: expect.stringMatching(/^IG-\d{4}-\d{6}$/),
    });
    // Key order does not make a body different.
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    expect(await (await post(reordered, body.id)).json()).toEqual(receipt);
    const conflict = await post({ ...body, type: 'erasure' }, body.id);
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('content-type')).toBe('application/problem+json');
    expect(endpoint.snapshot()).toMatchObject({
      distinctIds: 1,
      totalPosts: 3,
      posts: { [body.id]: 3 },
      replays: { [body.id]: 1 },
    });
  });

  it.each([
    ['no Idempotency-Key', (b: ReturnType<typeof makeBody>) => [b, undefined] as const, 400],
    ['a key that is not the id', (b: ReturnType<typeof makeBody>) => [b, crypto.randomUUID()] as const, 422],
    ['an unknown type', (b: ReturnType<typeof makeBody>) => [{ ...b, type: 'nuke' }, b.id] as const, 422],
  ])('refuses a request with %s', async (_name, shape, status) => {
    const [body, key] = shape(makeBody());
    expect((await post(body, key)).status).toBe(status);
    expect(endpoint.state.requests.size).toBe(0);
  });

  it('moves a request on every N polls, deterministically', async () => {
    const body = makeBody();
    await post(body, body.id);
    const statuses: string[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await (await fetch(`${endpoint.base}/requests/${body.id}`)).json()).status);
    expect(statuses).toEqual(['received', 'in_progress', 'in_progress', 'completed', 'completed']);
    expect((await fetch(`${endpoint.base}/requests/${crypto.randomUUID()}`)).status).toBe(404);
  });

  it('counts per-id faults per request: the first attempts of each fail, then it is up', async () => {
    await fetch(`${endpoint.url}/__control/faults`, {
      method: 'POST',
      body: JSON.stringify({ error: { times: 1, scope: 'per-id', status: 503 } }),
    });
    const a = makeBody();
    const b = makeBody();
    expect((await post(a, a.id)).status).toBe(503);
    expect((await post(b, b.id)).status).toBe(503);
    expect((await post(a, a.id)).status).toBe(202);
    expect((await post(b, b.id)).status).toBe(202);
  });

  it('sends Retry-After as seconds or an HTTP date', async () => {
    endpoint.setFaults({ rateLimit: { times: 2, retryAfter: 30 } });
    const body = makeBody();
    expect((await post(body, body.id)).headers.get('retry-after')).toBe('30');
    endpoint.setFaults({ rateLimit: { times: 1, retryAfter: 30, httpDate: true } });
    expect((await post(body, body.id)).headers.get('retry-after')).toMatch(
      /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
    );
  });

  it('drops the connection while down', async () => {
    endpoint.setFaults({ down: { times: 1 } });
    const body = makeBody();
    await expect(post(body, body.id)).rejects.toThrow();
    expect(endpoint.snapshot()).toMatchObject({ dropped: 1, distinctIds: 0 });
  });

  it('answers a CORS preflight and allows the Idempotency-Key header', async () => {
    const res = await fetch(`${endpoint.base}/requests`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Idempotency-Key/);
  });

  it('lets a test reject a request with a reason through the control API', async () => {
    const body = makeBody();
    await post(body, body.id);
    const res = await fetch(`${endpoint.url}/__control/advance/${body.id}/rejected`, {
      method: 'POST',
      body: JSON.stringify({ reason: 'Not the administrator' }),
    });
    expect(await res.json()).toMatchObject({ status: 'rejected', reason: 'Not the administrator' });
  });
});
