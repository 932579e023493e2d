// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { issueWords } from '@/lib/issue-words';
import { bodyFromDraft, DraftRejected } from '@/lib/requests/compose';
import { RequestBodySchema } from '@/lib/requests/types';
import { LEDGER_HEAD, POLICY } from './fixtures';

const context = {
  id: '2b1e8a4c-6a43-4f0e-9b61-6a1d2f3c4b5d',
  now: Date.parse('2026-03-02T09:00:00Z'),
  policy: POLICY,
  ledger: LEDGER_HEAD,
  client: { name: 'ingroup-privacy-amocrm', version: '0.1.0' },
  words: issueWords,
};
const draft = {
  type: 'access',
  host: 'fixture-agency.amocrm.ru',
  locale: 'ru',
  regime: 'ru152',
  widgets: ['fixture_ingroup_calls'],
  details: '  ',
  requester: { userId: 7001, name: 'Ирина Тестова', email: 'irina@fixture.example' },
  account: { id: 31000001, subdomain: 'fixture-agency', host: 'fixture-agency.amocrm.ru' },
};

describe('bodyFromDraft', () => {
  it('adds the id, time, policy version and client, and drops empty details', () => {
    const body = bodyFromDraft(draft, context);
    expect(RequestBodySchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({
      id: context.id,
      createdAt: '2026-03-02T09:00:00.000Z',
      policy: POLICY,
      ledger: LEDGER_HEAD,
      client: context.client,
      type: 'access',
    });
    expect(body).not.toHaveProperty('details');
  });

  it.each([
    ['an unknown request type', { type: 'delete_everything' }, /type: expected "access" or "rectification"/],
    ['an account of another page', { host: 'other.amocrm.ru' }, /not the account of this page/],
    ['a correction request without corrections', { type: 'rectification' }, /at least one field/],
    [
      'a requester without a valid email',
      { requester: { userId: 7001, name: 'X', email: 'nope' } },
      /requester\.email: not an email address/,
    ],
    [
      'a requester without a name',
      { requester: { userId: 7001, name: '', email: 'irina@fixture.example' } },
      /requester\.name: empty/,
    ],
    ['not a record at all', null, /could not be prepared/],
  ])('refuses %s, saying what to fix', (_name, change, message) => {
    const input = change === null ? null : { ...draft, ...change };
    expect(() => bodyFromDraft(input, context)).toThrow(DraftRejected);
    expect(() => bodyFromDraft(input, context)).toThrow(message);
  });
});
