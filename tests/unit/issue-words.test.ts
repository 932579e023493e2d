// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { LedgerEventSchema } from '@/lib/consent/event';
import { describeIssue, issueWords } from '@/lib/issue-words';
import { ToBackground } from '@/lib/messages';
import { AccountRef, DraftSchema, LedgerHeadRef, Requester } from '@/lib/requests/types';
import { PolicyVersionSchema, RequestType } from '@/lib/vocabulary';

const requester = { userId: 7001, name: 'Ирина Тестова', email: 'irina@fixture.example' };
const account = { id: 31000001, subdomain: 'fixture-agency', host: 'fixture-agency.amocrm.ru' };
const draft = { type: 'access', host: account.host, locale: 'ru', regime: 'ru152', widgets: [], requester, account };

function firstIssue(schema: z.ZodMiniType, input: unknown): string {
  const parsed = schema.safeParse(input, { error: issueWords });
  if (parsed.success) throw new Error('expected the input to be refused');
  return describeIssue(parsed.error.issues[0]!);
}

describe('a refused value, in words an admin can act on', () => {
  it.each([
    ['a missing field', Requester, { ...requester, name: undefined }, 'name: missing'],
    ['a number given as text', AccountRef, { ...account, id: '31000001' }, 'id: expected number, got string'],
    ['a fraction where a whole number belongs', AccountRef, { ...account, id: 1.5 }, 'id: expected int, got number'],
    ['zero where a positive id belongs', AccountRef, { ...account, id: 0 }, 'id: must be more than 0'],
    ['an empty name', Requester, { ...requester, name: '' }, 'name: empty'],
    [
      'a name that is too long',
      Requester,
      { ...requester, name: 'x'.repeat(201) },
      'name: must be at most 200 characters',
    ],
    ['a malformed email address', Requester, { ...requester, email: 'irina' }, 'email: not an email address'],
    [
      'a date in the wrong form',
      PolicyVersionSchema,
      { effectiveDate: '20.01.2022', sha256: 'a'.repeat(64) },
      'effectiveDate: not a date as YYYY-MM-DD',
    ],
    [
      'a hash in the wrong form',
      LedgerHeadRef,
      { headHash: 'A'.repeat(64), events: 1 },
      'headHash: not in the expected form',
    ],
    [
      'an unknown choice',
      RequestType,
      'delete_everything',
      'expected "access" or "rectification" or "erasure" or "portability" or "objection" or "restriction" or "withdraw_consent" or "marketing_opt_out" or "marketing_opt_in"',
    ],
    ['too many items', z.array(z.string()).check(z.maxLength(2)), ['a', 'b', 'c'], 'must be at most 2 items'],
    [
      'an unknown message type',
      ToBackground,
      { type: 'data/steal' },
      'type: expected one of "page/seen", "page/evidence", "widget/mark", "snapshot/refresh", "consent/record", "consent/send-marketing", "consent/record-all", "request/submit", "request/answer", "request/email-sent", "request/retry", "request/move", "outbox/flush", "ledger/import", "data/wipe", "settings/regime", "settings/endpoint", "panel/close", "access/missing"',
    ],
    ['nothing at all', Requester, null, 'expected object, got null'],
  ])('%s', (_name, schema, input, words) => {
    expect(firstIssue(schema, input)).toBe(words);
  });

  it.each([
    [
      'a regex',
      AccountRef,
      { ...account, host: 'example.com' },
      'host: an amoCRM account host such as example.amocrm.ru',
    ],
    [
      'a refinement',
      DraftSchema,
      { ...draft, host: 'other.amocrm.ru' },
      'account.host: The account in the request is not the account of this page',
    ],
    [
      'a refinement of a field',
      LedgerEventSchema,
      { account: { id: null, host: 'evil.example.com' } },
      'account.host: an amoCRM account host such as example.amocrm.ru',
    ],
    [
      'a policy hash',
      PolicyVersionSchema,
      { effectiveDate: '2022-01-20', sha256: 'A'.repeat(64) },
      'sha256: expected a SHA-256 as 64 lowercase hex digits',
    ],
  ])('keeps the schema’s own message for %s', (_name, schema, input, words) => {
    const parsed = schema.safeParse(input, { error: issueWords });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map(describeIssue)).toContain(words);
  });
});
