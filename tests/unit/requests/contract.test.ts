// @vitest-environment node
/**
 * The endpoint contract (docs/openapi.yaml) and the request body the extension builds
 * (lib/requests/types.ts, compose.ts) say the same thing: checked with Ajv's JSON Schema 2020-12
 * build (the dialect of OpenAPI 3.1) against bodies made the way the background makes them, and
 * against the local endpoint that tests and the demo run on.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFromDraft } from '@/lib/requests/compose';
import { LedgerHeadRef, RequestBodySchema } from '@/lib/requests/types';
import { startEndpoint, type RunningEndpoint } from '../../support/endpoint-server.mjs';
import { LEDGER_HEAD, POLICY, makeBody } from './fixtures';

const openapi = parseYaml(readFileSync('docs/openapi.yaml', 'utf8')) as {
  components: { schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }> };
};
const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
ajv.addSchema(openapi, 'openapi.yaml');
const validateBody = ajv.getSchema('openapi.yaml#/components/schemas/RequestBody')!;

function contractErrors(body: unknown): string[] {
  return validateBody(body)
    ? []
    : (validateBody.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`.trim());
}

/** The keys of a zod/mini object schema, and which of them are required. */
function keysOf(schema: { shape: Record<string, { _zod: { optin?: string } }> }): {
  all: string[];
  required: string[];
} {
  const all = Object.keys(schema.shape).sort();
  return { all, required: all.filter((key) => schema.shape[key]!._zod.optin !== 'optional') };
}

const context = {
  id: '2b1e8a4c-6a43-4f0e-9b61-6a1d2f3c4b5d',
  now: Date.parse('2026-03-02T09:00:00Z'),
  policy: POLICY,
  ledger: LEDGER_HEAD,
  client: { name: 'ingroup-privacy-amocrm', version: '0.1.0' },
};
const draft = {
  type: 'rectification',
  host: 'fixture-agency.amocrm.ru',
  locale: 'ru',
  regime: 'ru152',
  widgets: ['fixture_ingroup_calls'],
  details: 'Телефон сменился',
  corrections: [{ field: 'admin_phone', value: '+7 900 111-22-33' }],
  requester: { userId: 7001, name: 'Ирина Тестова', email: 'irina@fixture.example', phone: '+7 900 000-00-00' },
  account: { id: 31000001, subdomain: 'fixture-agency', host: 'fixture-agency.amocrm.ru' },
};

describe('the request body and docs/openapi.yaml', () => {
  it('name the same fields, and require the same ones, the consent ledger’s head among them', () => {
    const body = openapi.components.schemas.RequestBody!;
    const zod = keysOf(RequestBodySchema);
    expect(Object.keys(body.properties ?? {}).sort()).toEqual(zod.all);
    expect([...(body.required ?? [])].sort()).toEqual(zod.required);
    expect(zod.required).toContain('ledger');
    const ledger = openapi.components.schemas.LedgerHead!;
    const head = keysOf(LedgerHeadRef);
    expect(Object.keys(ledger.properties ?? {}).sort()).toEqual(head.all);
    expect([...(ledger.required ?? [])].sort()).toEqual(head.required);
  });

  it.each([
    ['a correction request with details', draft],
    [
      'an access request with no details and no phone',
      {
        ...draft,
        type: 'access',
        details: undefined,
        corrections: undefined,
        requester: { userId: 7001, name: 'Ирина', email: 'irina@fixture.example' },
      },
    ],
  ])('accepts %s exactly as the background builds it', (_name, input) => {
    const body = bodyFromDraft(input, context);
    expect(body.ledger).toEqual(LEDGER_HEAD);
    expect(contractErrors(body)).toEqual([]);
  });

  it.each([
    ['without the ledger’s head', { ledger: undefined }, "must have required property 'ledger'"],
    [
      'with a head that is not a SHA-256',
      { ledger: { headHash: 'abc', events: 1 } },
      '/ledger/headHash must match pattern "^[0-9a-f]{64}$"',
    ],
    [
      'with a negative event count',
      { ledger: { headHash: 'a'.repeat(64), events: -1 } },
      '/ledger/events must be >= 0',
    ],
  ])('refuses a body %s, as the extension’s own schema does', (_name, change, error) => {
    const body = { ...makeBody(), ...change };
    expect(contractErrors(body)).toContain(error);
    expect(RequestBodySchema.safeParse(body).success).toBe(false);
  });
});

describe('the local endpoint keeps the same contract', () => {
  let endpoint: RunningEndpoint;
  beforeAll(async () => {
    endpoint = await startEndpoint({ catalog: { version: 'fixture-1', widgets: [] } });
  });
  afterAll(async () => {
    await endpoint.close();
  });

  const post = (body: Record<string, unknown>): Promise<Response> =>
    fetch(`${endpoint.base}/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': String(body.id) },
      body: JSON.stringify(body),
    });

  it('accepts a body with the ledger’s head and refuses one without, in words', async () => {
    expect((await post(makeBody())).status).toBe(202);
    const { ledger: _ledger, ...without } = makeBody();
    const refused = await post(without);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({
      detail: expect.stringContaining('ledger {headHash, events} is required'),
    });
  });
});
