/** Invented test data: the account, admin and widget codes are fixtures, not real ones. */
import type { RequestEvent, RequestRecord } from '@/lib/requests/record';
import type { RequestBody } from '@/lib/requests/types';

export const POLICY = { effectiveDate: '2022-01-20', sha256: '798bbae77da8aa56e178355f301f576cf58522a3576f63124604e15ec86abafb' };

export function makeBody(overrides: Partial<RequestBody> = {}): RequestBody {
  return {
    id: crypto.randomUUID(),
    type: 'access',
    createdAt: '2026-03-02T09:00:00.000Z',
    locale: 'ru',
    regime: 'ru152',
    account: { id: 31000001, subdomain: 'fixture-agency', host: 'fixture-agency.amocrm.ru' },
    requester: { userId: 7001, name: 'Ирина Тестова', email: 'irina@fixture.example', phone: '+7 900 000-00-00' },
    widgets: ['fixture_ingroup_calls', 'fixture_ingroup_forms'],
    policy: POLICY,
    client: { name: 'ingroup-privacy-amocrm', version: '0.1.0' },
    ...overrides,
  };
}

export function makeRecord(events: RequestEvent[], overrides: Partial<RequestRecord> = {}): RequestRecord {
  const body = overrides.body ?? makeBody();
  return {
    id: body.id,
    host: body.account.host,
    type: body.type,
    channel: 'endpoint',
    body,
    createdAt: Date.parse(body.createdAt),
    attempts: 0,
    events,
    ...overrides,
  };
}
