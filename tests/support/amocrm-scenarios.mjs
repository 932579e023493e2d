// @ts-check
/**
 * Scenario data for the fake amoCRM: one account per subdomain. Every name, email, phone and
 * widget code here is an invented fixture; the Ingroup widget codes come from the bundled catalog
 * so that the demo and the tests match what the extension recognises.
 */
import { readFileSync } from 'node:fs';

const catalog = JSON.parse(readFileSync(new URL('../../lib/catalog/bundled.json', import.meta.url), 'utf8'));
/** @type {string[]} */
export const INGROUP_CODES = catalog.widgets.map((/** @type {{code: string}} */ w) => w.code);

const FIRST = ['Анна', 'Иван', 'Мария', 'Сергей', 'Ольга', 'Дмитрий', 'Елена', 'Алексей', 'Наталья', 'Павел'];
const LAST = ['Смирнова', 'Петров', 'Кузнецова', 'Соколов', 'Попова', 'Лебедев', 'Козлова', 'Новиков', 'Морозова', 'Волков'];

/**
 * @param {number} count
 * @param {{ id: number, name: string, email: string, phone: string }} admin
 */
function makeUsers(count, admin) {
  const users = [{ ...admin, lang: 'ru', rights: { is_admin: true, is_free: false, is_active: true } }];
  for (let i = 1; i < count; i += 1) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    users.push({
      id: admin.id + i,
      name,
      email: `user${i}@romashka.example`,
      phone: `+7 900 ${String(100 + (i % 900)).padStart(3, '0')}-${String(i % 100).padStart(2, '0')}-00`,
      lang: 'ru',
      rights: { is_admin: false, is_free: false, is_active: true },
    });
  }
  return users;
}

/**
 * Public marketplace widgets (the API lists public + installed + own), with the documented
 * variants: version string or number, rating "2,8" / number / null, client_uuid or null.
 * @param {number} count
 * @param {string[]} installedIngroup
 */
function makeWidgets(count, installedIngroup) {
  /** @type {Array<Record<string, unknown>>} */
  const widgets = [];
  for (let i = 0; i < count - installedIngroup.length; i += 1) {
    widgets.push({
      id: 100000 + i,
      code: `fixture_widget_${String(i).padStart(3, '0')}`,
      version: i % 3 === 0 ? `1.${i % 10}.0` : i % 7,
      rating: i % 4 === 0 ? `${(i % 5) + 1},${i % 9}` : i % 4 === 1 ? (i % 5) + 0.5 : null,
      settings_template: [],
      is_lead_source: i % 11 === 0,
      is_work_with_dp: false,
      is_crm_template: false,
      client_uuid: i % 2 === 0 ? null : `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      is_active_in_account: i % 37 === 5,
      pipeline_id: null,
      _links: { self: { href: `/api/v4/widgets/fixture_widget_${i}` } },
    });
  }
  installedIngroup.forEach((code, k) => {
    // Interleave the Ingroup widgets so that they fall on different pages.
    widgets.splice(Math.min(widgets.length, 40 + k * 120), 0, {
      id: 900000 + k,
      code,
      version: k === 1 ? 3 : `2.${k}.1`,
      rating: k === 0 ? '4,8' : null,
      settings_template: [{ key: 'api_key', name: 'API key', type: 'text', is_required: true }],
      is_lead_source: false,
      is_work_with_dp: k === 2,
      is_crm_template: false,
      client_uuid: `11111111-2222-4333-8444-${String(k).padStart(12, '0')}`,
      is_active_in_account: true,
      pipeline_id: null,
      some_future_field: { kept: true },
      _links: { self: { href: `/api/v4/widgets/${code}` } },
    });
  });
  return widgets;
}

/**
 * @typedef {{
 *   account: { id: number, name: string, subdomain: string, country: string, current_user_id: number, currency: string },
 *   users: ReturnType<typeof makeUsers>,
 *   currentUserId: number,
 *   widgets: ReturnType<typeof makeWidgets>,
 *   lang: 'ru' | 'en',
 *   signedOut?: boolean,
 *   nonAdmin?: boolean,
 *   rateLimitStorm?: boolean,
 *   malformedWidgets?: boolean,
 * }} Scenario
 */

/**
 * @param {string} subdomain
 * @param {Partial<Scenario> & { userCount?: number, widgetCount?: number, ingroup?: string[], admin?: { id: number, name: string, email: string, phone: string }, accountName?: string, accountId?: number }} opts
 * @returns {Scenario}
 */
function scenario(subdomain, opts) {
  const admin = opts.admin ?? { id: 7001001, name: 'Анна Смирнова', email: 'anna.smirnova@romashka.example', phone: '+7 912 345-67-89' };
  const users = makeUsers(opts.userCount ?? 12, admin);
  return {
    account: {
      id: opts.accountId ?? 31415926,
      name: opts.accountName ?? 'ООО «Ромашка»',
      subdomain,
      country: 'RU',
      currency: 'RUB',
      current_user_id: admin.id,
    },
    users,
    currentUserId: admin.id,
    widgets: makeWidgets(opts.widgetCount ?? 40, opts.ingroup ?? INGROUP_CODES.slice(0, 3)),
    lang: opts.lang ?? 'ru',
    ...(opts.signedOut ? { signedOut: true } : {}),
    ...(opts.nonAdmin ? { nonAdmin: true } : {}),
    ...(opts.rateLimitStorm ? { rateLimitStorm: true } : {}),
    ...(opts.malformedWidgets ? { malformedWidgets: true } : {}),
  };
}

/** @type {Record<string, (sub: string) => Scenario>} */
const BY_PREFIX = {
  demo: (sub) => scenario(sub, {}),
  big: (sub) => scenario(sub, { userCount: 1000, widgetCount: 300, accountId: 27182818, accountName: 'Агентство «Большой аккаунт»' }),
  empty: (sub) => scenario(sub, { ingroup: [], widgetCount: 20, accountId: 16180339 }),
  none: (sub) => scenario(sub, { ingroup: [], widgetCount: 0, accountId: 14142135 }),
  nonadmin: (sub) => scenario(sub, { nonAdmin: true, accountId: 17320508 }),
  loggedout: (sub) => scenario(sub, { signedOut: true }),
  storm: (sub) => scenario(sub, { rateLimitStorm: true, accountId: 22360679 }),
  malformed: (sub) => scenario(sub, { malformedWidgets: true, accountId: 24494897 }),
  xss: (sub) => scenario(sub, {
    accountId: 26457513,
    accountName: '<img src=x onerror="document.title=\'pwned\'">Ромашка',
    admin: { id: 7002002, name: '<script>document.title="pwned"</script>Пётр', email: 'x"><svg onload=alert(1)>@example.com', phone: '<b>+7 999</b>' },
  }),
  en: (sub) => scenario(sub, {
    lang: 'en', accountId: 30000001, accountName: 'Daisy Trading Ltd',
    admin: { id: 7003003, name: 'Alice Walker', email: 'alice.walker@daisy.example', phone: '+44 20 7946 0000' },
  }),
};

/**
 * The scenario of a subdomain: its first word before a dash picks the kind (`big-1` → big),
 * so every test can use a fresh account of the kind it needs.
 * @param {string} subdomain
 * @returns {Scenario}
 */
export function scenarioFor(subdomain) {
  const make = BY_PREFIX[subdomain.split('-')[0] ?? 'demo'] ?? BY_PREFIX.demo;
  if (!make) throw new Error('No demo scenario');
  return make(subdomain);
}
