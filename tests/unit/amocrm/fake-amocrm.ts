/**
 * A fake amoCRM account behind an `AmoTransport`, serving the shapes of DESIGN §3 (hal+json,
 * 204 for empty, problem+json errors, `limit`/`page` honoured). Widget codes are invented fixtures.
 */
import type { AmoTransport } from '@/lib/amocrm/client';
import type { AmoFetchReply } from '@/lib/messages';

export interface FakeAccountOptions {
  users?: number;
  widgets?: number;
  /** Every `installedEvery`-th widget is installed (default 25). */
  installedEvery?: number;
  admin?: boolean;
  /** Answer instead of the account for the call number `n` (0-based) to `path`, if it returns a reply. */
  fault?: (path: string, n: number) => AmoFetchReply | undefined;
  now?: () => number;
}

export interface FakeAccount {
  transport: AmoTransport;
  /** Every path asked for, in order, with its (virtual) start time. */
  requests: Array<{ path: string; at: number }>;
}

export const ACCOUNT_ID = 31_415_926;
export const ADMIN_ID = 7_001;

export function hal(status: number, body: unknown): AmoFetchReply {
  return { status, contentType: 'application/hal+json', retryAfter: null, body: JSON.stringify(body) };
}

export function problem(status: number, title: string, extra: Record<string, unknown> = {}): AmoFetchReply {
  return {
    status,
    contentType: 'application/problem+json',
    retryAfter: null,
    body: JSON.stringify({
      title,
      type: 'https://httpstatus.es/' + status,
      status,
      detail: `${title} (fixture)`,
      ...extra,
    }),
  };
}

export const empty: AmoFetchReply = { status: 204, contentType: '', retryAfter: null, body: '' };

export function tooMany(retryAfter: string | null = null): AmoFetchReply {
  return { status: 429, contentType: 'text/html', retryAfter, body: '<html>Too Many Requests</html>' };
}

function user(id: number): Record<string, unknown> {
  return {
    id,
    name: id === ADMIN_ID ? 'Fixture Admin' : `Fixture User ${id}`,
    email: `user${id}@fixture.example`,
    lang: 'ru',
    phone_number: id === ADMIN_ID ? '+7 900 000-00-01' : null,
    rights: { is_admin: id === ADMIN_ID, is_active: true, is_free: false, status_rights: [] },
    _links: { self: { href: `https://fixture.amocrm.ru/api/v4/users/${id}` } },
  };
}

/** Widget n: version, rating and optional fields vary the way amoCRM's real list does. */
export function fakeWidget(n: number, installed: boolean): Record<string, unknown> {
  const ratings = ['2,8', 4, null, '4,75'];
  return {
    id: 100_000 + n,
    code: `fixture_widget_${n}`,
    version: n % 2 === 0 ? `1.${n}.0` : n,
    rating: ratings[n % ratings.length],
    settings_template: [{ key: 'token', name: 'Token', type: 'text', is_required: false }],
    is_lead_source: n % 3 === 0,
    is_work_with_dp: false,
    ...(n % 5 === 0 ? {} : { is_crm_template: false }),
    client_uuid: n % 4 === 0 ? null : `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    is_active_in_account: installed,
    pipeline_id: null,
    marketplace_extra: { featured: n === 1 },
    _links: { self: { href: `https://fixture.amocrm.ru/api/v4/widgets/fixture_widget_${n}` } },
  };
}

export function createFakeAccount(opts: FakeAccountOptions = {}): FakeAccount {
  const users = opts.users ?? 1000;
  const widgets = opts.widgets ?? 300;
  const installedEvery = opts.installedEvery ?? 25;
  const admin = opts.admin ?? true;
  const now = opts.now ?? ((): number => 0);
  const requests: FakeAccount['requests'] = [];
  const seen = new Map<string, number>();
  const base = 'https://fixture.amocrm.ru';

  function serve(path: string): AmoFetchReply {
    const url = new URL(path, base);
    const limit = Math.min(250, Number(url.searchParams.get('limit') ?? 50));
    const page = Number(url.searchParams.get('page') ?? 1);
    if (url.pathname === '/api/v4/account') {
      return hal(200, {
        id: ACCOUNT_ID,
        name: 'Fixture LLC',
        subdomain: 'fixture',
        current_user_id: ADMIN_ID,
        country: 'RU',
        currency: 'RUB',
        _links: { self: { href: `${base}/api/v4/account` } },
      });
    }
    const one = /^\/api\/v4\/users\/(\d+)$/.exec(url.pathname);
    if (one || url.pathname === '/api/v4/users') {
      if (!admin) return problem(403, 'Forbidden');
      if (one) {
        const id = Number(one[1]);
        return id === ADMIN_ID || (id > 0 && id <= users) ? hal(200, user(id)) : problem(404, 'Not Found');
      }
      const pageCount = Math.ceil(users / limit);
      if (page > pageCount) return empty;
      const first = (page - 1) * limit + 1;
      const ids = Array.from({ length: Math.min(limit, users - first + 1) }, (_, i) => first + i);
      return hal(200, {
        _total_items: users,
        _page: page,
        _page_count: pageCount,
        _links: {
          self: { href: `${base}${path}` },
          ...(page < pageCount ? { next: { href: `${base}/api/v4/users?limit=${limit}&page=${page + 1}` } } : {}),
        },
        _embedded: { users: ids.map(user) },
      });
    }
    if (url.pathname === '/api/v4/widgets') {
      const pageCount = Math.ceil(widgets / limit);
      if (page > pageCount) return empty;
      const first = (page - 1) * limit + 1;
      const ns = Array.from({ length: Math.min(limit, widgets - first + 1) }, (_, i) => first + i);
      return hal(200, {
        _page: page,
        _links: {
          self: { href: `${base}${path}` },
          ...(page < pageCount ? { next: { href: `${base}/api/v4/widgets?limit=${limit}&page=${page + 1}` } } : {}),
        },
        _embedded: { widgets: ns.map((n) => fakeWidget(n, n % installedEvery === 0)) },
      });
    }
    return problem(404, 'Not Found');
  }

  const transport: AmoTransport = (path) => {
    requests.push({ path, at: now() });
    const n = seen.get(path) ?? 0;
    seen.set(path, n + 1);
    return Promise.resolve(opts.fault?.(path, n) ?? serve(path));
  };
  return { transport, requests };
}
