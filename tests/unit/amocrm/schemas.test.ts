import { describe, expect, it } from 'vitest';
import {
  AmoAccountSchema,
  AmoProblemSchema,
  AmoUserSchema,
  AmoUsersListSchema,
  AmoWidgetSchema,
  AmoWidgetsListSchema,
  parseRating,
  parseWidgetsPage,
} from '@/lib/amocrm/schemas';
import { fakeWidget } from './fake-amocrm';

const widget = (over: Record<string, unknown>): Record<string, unknown> => ({ ...fakeWidget(2, true), ...over });

describe('amoCRM widget', () => {
  it.each([
    { version: '1.0.3', expected: '1.0.3' },
    { version: 2, expected: '2' },
    { version: 1.5, expected: '1.5' },
  ])('reads version $version as the string $expected', ({ version, expected }) => {
    expect(AmoWidgetSchema.parse(widget({ version })).version).toBe(expected);
  });

  it.each([
    { rating: '2,8', expected: 2.8 },
    { rating: '4,75', expected: 4.75 },
    { rating: '3.5', expected: 3.5 },
    { rating: ' 5 ', expected: 5 },
    { rating: 4, expected: 4 },
    { rating: 0, expected: 0 },
    { rating: null, expected: null },
    { rating: undefined, expected: null },
    { rating: '', expected: null },
    { rating: 'n/a', expected: null },
    { rating: '1,2,3', expected: null },
  ])('reads rating $rating as $expected', ({ rating, expected }) => {
    expect(AmoWidgetSchema.parse(widget({ rating })).rating).toBe(expected);
    expect(parseRating(rating)).toBe(expected);
  });

  it.each([
    { is_active_in_account: true, expected: true },
    { is_active_in_account: false, expected: false },
    { is_active_in_account: null, expected: false },
    { is_active_in_account: undefined, expected: false },
  ])(
    'reads is_active_in_account $is_active_in_account as installed: $expected',
    ({ is_active_in_account, expected }) => {
      expect(AmoWidgetSchema.parse(widget({ is_active_in_account })).is_active_in_account).toBe(expected);
    },
  );

  it('accepts a widget without the optional booleans, uuid, pipeline or links', () => {
    const bare = { id: 1, code: 'fixture_bare', version: '1', rating: null };
    expect(AmoWidgetSchema.parse(bare)).toMatchObject({
      id: 1,
      code: 'fixture_bare',
      version: '1',
      rating: null,
      is_active_in_account: false,
    });
  });

  it('keeps fields amoCRM adds that the extension does not know', () => {
    const parsed = AmoWidgetSchema.parse(widget({ brand_new_field: { x: 1 } }));
    expect(parsed['brand_new_field']).toEqual({ x: 1 });
    expect(parsed['marketplace_extra']).toEqual({ featured: false });
  });

  it.each([
    { case: 'no code', input: widget({ code: undefined }) },
    { case: 'empty code', input: widget({ code: '' }) },
    { case: 'id as text', input: widget({ id: '12' }) },
    { case: 'version as object', input: widget({ version: { major: 1 } }) },
    { case: 'rating as object', input: widget({ rating: { avg: 3 } }) },
  ])('refuses a widget with $case', ({ input }) => {
    expect(AmoWidgetSchema.safeParse(input).success).toBe(false);
  });
});

describe('amoCRM widget list', () => {
  it.each([null, undefined, 7])('reads version %s where the panel can do without it', (version) => {
    expect(AmoWidgetSchema.parse(widget({ version })).version).toBe(version === 7 ? '7' : '');
  });

  it('reads a page entry by entry, skipping and counting what it cannot read', () => {
    const list = AmoWidgetsListSchema.parse({
      _page: null,
      _embedded: {
        widgets: [fakeWidget(1, true), { code: 42 }, 'x', widget({ id: null, is_active_in_account: null })],
      },
    });
    const page = parseWidgetsPage(list);
    expect(page).toMatchObject({ skipped: 2, size: 4 });
    expect(page.widgets.map((w) => [w.id, w.is_active_in_account])).toEqual([
      [100001, true],
      [null, false],
    ]);
  });

  it('refuses a list without _embedded.widgets', () => {
    expect(AmoWidgetsListSchema.safeParse({ _links: { self: { href: 'x' } } }).success).toBe(false);
  });
});

describe('amoCRM account and users', () => {
  const account = { id: 1, name: 'Fixture', subdomain: 'fixture', current_user_id: 5 };

  it.each([
    { country: 'RU', expected: 'RU' },
    { country: null, expected: null },
    { country: undefined, expected: undefined },
  ])('reads an account with country $country', ({ country, expected }) => {
    expect(AmoAccountSchema.parse({ ...account, country }).country).toBe(expected);
  });

  it('keeps unknown account fields', () => {
    expect(AmoAccountSchema.parse({ ...account, currency: 'RUB' })['currency']).toBe('RUB');
  });

  it('refuses an account without current_user_id', () => {
    expect(AmoAccountSchema.safeParse({ id: 1, name: 'x', subdomain: 'x' }).success).toBe(false);
  });

  const user = {
    id: 5,
    name: 'Admin',
    email: 'a@fixture.example',
    rights: { is_admin: true, is_active: true, mail_access: false },
  };

  it.each([
    { phone_number: '+7 900 000-00-01', expected: '+7 900 000-00-01' },
    { phone_number: null, expected: null },
    { phone_number: undefined, expected: undefined },
  ])('reads a user with phone_number $phone_number', ({ phone_number, expected }) => {
    expect(AmoUserSchema.parse({ ...user, phone_number }).phone_number).toBe(expected);
  });

  it('keeps unknown rights', () => {
    expect(AmoUserSchema.parse(user).rights['mail_access']).toBe(false);
  });

  it('refuses a user without rights.is_admin', () => {
    expect(AmoUserSchema.safeParse({ ...user, rights: { is_active: true } }).success).toBe(false);
  });

  it('reads the user list totals', () => {
    const list = AmoUsersListSchema.parse({
      _total_items: 1000,
      _page: 1,
      _page_count: 1000,
      _links: { self: { href: 'x' }, next: { href: 'y' } },
      _embedded: { users: [user] },
    });
    expect(list).toMatchObject({ _total_items: 1000, _page_count: 1000 });
  });
});

describe('amoCRM problem+json', () => {
  it('reads a 400 with validation-errors', () => {
    const body = {
      title: 'Bad Request',
      type: 'https://httpstatus.es/400',
      status: 400,
      detail: 'Request validation failed',
      'validation-errors': [
        {
          request_id: '0',
          errors: [{ code: 'InvalidType', path: 'limit', detail: 'This value should be of type int.' }],
        },
      ],
    };
    const parsed = AmoProblemSchema.parse(body);
    expect(parsed['validation-errors']?.[0]?.errors?.[0]?.path).toBe('limit');
  });

  it('reads a bare problem with only title and status', () => {
    expect(AmoProblemSchema.parse({ title: 'Unauthorized', status: 401 })).toEqual({
      title: 'Unauthorized',
      status: 401,
    });
  });

  it('refuses a body without a status', () => {
    expect(AmoProblemSchema.safeParse({ title: 'x' }).success).toBe(false);
  });
});
