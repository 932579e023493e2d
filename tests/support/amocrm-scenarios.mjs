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
const LAST = [
  'Смирнова',
  'Петров',
  'Кузнецова',
  'Соколов',
  'Попова',
  'Лебедев',
  'Козлова',
  'Новиков',
  'Морозова',
  'Волков',
];

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
 * `odd`: the variants the official SDK also allows — `version: null`, `is_active_in_account: null`
 * — and one entry that cannot be read at all.
 * @param {number} count
 * @param {string[]} installedIngroup
 * @param {{ odd?: boolean, ingroupFrom?: number, ingroupEvery?: number }} [opts]
 */
function makeWidgets(count, installedIngroup, opts = {}) {
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
      is_active_in_account: i % 37 === 5 ? true : opts.odd && i % 3 === 0 ? null : false,
      pipeline_id: null,
      _links: { self: { href: `/api/v4/widgets/fixture_widget_${i}` } },
    });
  }
  installedIngroup.forEach((code, k) => {
    // Interleave the Ingroup widgets so that they fall on different pages.
    widgets.splice(Math.min(widgets.length, (opts.ingroupFrom ?? 40) + k * (opts.ingroupEvery ?? 120)), 0, {
      id: 900000 + k,
      code,
      version: opts.odd && k === 0 ? null : k === 1 ? 3 : `2.${k}.1`,
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
  if (opts.odd) widgets.splice(7, 0, { id: 'not-an-id', code: 42, version: { major: 1 } });
  return widgets;
}

/** A support contact as a widget's manifest declares it (`widget.support`). */
const INGROUP_SUPPORT = { link: 'https://ingru.ru', email: 'support@ingru.ru' };
const OTHER_SUPPORT = { link: 'https://othervendor.example/help', email: 'help@othervendor.example' };

/**
 * Ingroup's widgets in no catalog (their real codes are not public): their manifests name
 * Ingroup's support, and their scripts call an Ingroup host. Codes and names are invented.
 */
export const UNLISTED_INGROUP = [
  { code: 'ig_autodocs', name: 'Автодокументы', support: INGROUP_SUPPORT, calls: 'hooks.ingru.ru' },
  { code: 'ig_smsgate', name: 'SMS-шлюз', support: { email: 'support@ingru.ru' }, calls: 'hooks.ingru.ru' },
];
/** Installed widgets that only look like Ingroup's: a look-alike domain, another vendor. */
export const LOOKALIKES = [
  {
    code: 'lookalike_tool',
    name: 'Ingroup tools (not Ingroup)',
    support: { email: 'support@ingru.ru.othervendor.example', link: 'https://ingru.ru.othervendor.example' },
    calls: 'cdn.othervendor.example',
  },
  { code: 'other_vendor', name: 'Другой поставщик', support: OTHER_SUPPORT, calls: 'cdn.othervendor.example' },
];

/**
 * @typedef {{ code: string, name: string, support?: { link?: string, email?: string }, calls?: string }} PageWidget
 * @typedef {{
 *   account: { id: number, name: string, subdomain: string, country: string, current_user_id: number, currency: string },
 *   users: ReturnType<typeof makeUsers>,
 *   currentUserId: number,
 *   widgets: ReturnType<typeof makeWidgets>,
 *   pageWidgets: PageWidget[],
 *   lang: 'ru' | 'en' | 'es' | 'pt',
 *   signedOut?: boolean,
 *   nonAdmin?: boolean,
 *   rateLimitStorm?: boolean,
 *   malformedWidgets?: boolean,
 *   ipRestricted?: boolean,
 *   accountForbidden?: boolean,
 * }} Scenario
 */

/**
 * @param {string} subdomain
 * @param {Partial<Scenario> & { userCount?: number, widgetCount?: number, ingroup?: string[], unlisted?: PageWidget[], admin?: { id: number, name: string, email: string, phone: string }, accountName?: string, accountId?: number, odd?: boolean, ingroupFrom?: number, ingroupEvery?: number }} opts
 * @returns {Scenario}
 */
function scenario(subdomain, opts) {
  const admin = opts.admin ?? {
    id: 7001001,
    name: 'Анна Смирнова',
    email: 'anna.smirnova@romashka.example',
    phone: '+7 912 345-67-89',
  };
  const users = makeUsers(opts.userCount ?? 12, admin);
  const ingroup = opts.ingroup ?? INGROUP_CODES.slice(0, 3);
  const unlisted = opts.unlisted ?? [];
  const widgets = makeWidgets(opts.widgetCount ?? 40, [...ingroup, ...unlisted.map((w) => w.code)], opts);
  // What the page's `APP.widgets.list` holds: every installed widget, with its manifest's support.
  /** @type {PageWidget[]} */
  const pageWidgets = widgets
    .filter((w) => w['is_active_in_account'] === true)
    .map((w) => {
      const code = String(w['code']);
      const known = [...unlisted, ...LOOKALIKES].find((u) => u.code === code);
      if (known) return known;
      if (ingroup.includes(code)) return { code, name: code, support: INGROUP_SUPPORT };
      return { code, name: code, support: OTHER_SUPPORT };
    });
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
    widgets,
    pageWidgets,
    lang: opts.lang ?? 'ru',
    ...(opts.signedOut ? { signedOut: true } : {}),
    ...(opts.nonAdmin ? { nonAdmin: true } : {}),
    ...(opts.rateLimitStorm ? { rateLimitStorm: true } : {}),
    ...(opts.malformedWidgets ? { malformedWidgets: true } : {}),
    ...(opts.ipRestricted ? { ipRestricted: true } : {}),
    ...(opts.accountForbidden ? { accountForbidden: true } : {}),
  };
}

/** @type {Record<string, (sub: string) => Scenario>} */
const BY_PREFIX = {
  demo: (sub) => scenario(sub, {}),
  big: (sub) =>
    scenario(sub, {
      userCount: 1000,
      widgetCount: 300,
      accountId: 27182818,
      accountName: 'Агентство «Большой аккаунт»',
    }),
  empty: (sub) => scenario(sub, { ingroup: [], widgetCount: 20, accountId: 16180339 }),
  none: (sub) => scenario(sub, { ingroup: [], widgetCount: 0, accountId: 14142135 }),
  nonadmin: (sub) => scenario(sub, { nonAdmin: true, accountId: 17320508 }),
  loggedout: (sub) => scenario(sub, { signedOut: true }),
  storm: (sub) => scenario(sub, { rateLimitStorm: true, accountId: 22360679 }),
  malformed: (sub) => scenario(sub, { malformedWidgets: true, accountId: 24494897 }),
  xss: (sub) =>
    scenario(sub, {
      accountId: 26457513,
      accountName: '<img src=x onerror="document.title=\'pwned\'">Ромашка',
      admin: {
        id: 7002002,
        name: '<script>document.title="pwned"</script>Пётр',
        email: 'x"><svg onload=alert(1)>@example.com',
        phone: '<b>+7 999</b>',
      },
    }),
  // A real-sized account: 1,100 widgets listed (4 full pages and a short one), its Ingroup
  // widgets in no catalog and on the later pages, beside look-alikes that are not Ingroup's.
  real: (sub) =>
    scenario(sub, {
      widgetCount: 1100,
      accountId: 28657000,
      accountName: 'ООО «Настоящий аккаунт»',
      ingroup: [],
      unlisted: [...UNLISTED_INGROUP, ...LOOKALIKES],
      ingroupFrom: 700,
      ingroupEvery: 90,
    }),
  // The variants the SDK allows (null version, null install flag) and one unreadable entry.
  odd: (sub) => scenario(sub, { odd: true, accountId: 31622776 }),
  iprestricted: (sub) => scenario(sub, { ipRestricted: true, accountId: 33166247 }),
  noaccount: (sub) => scenario(sub, { accountForbidden: true, accountId: 34641016 }),
  es: (sub) =>
    scenario(sub, {
      lang: 'es',
      accountId: 30000002,
      accountName: 'Margarita Comercial S.L.',
      admin: { id: 7004004, name: 'Lucía García', email: 'lucia.garcia@margarita.example', phone: '+34 910 000 000' },
    }),
  pt: (sub) =>
    scenario(sub, {
      lang: 'pt',
      accountId: 30000003,
      accountName: 'Margarida Comércio Ltda',
      admin: { id: 7005005, name: 'João Silva', email: 'joao.silva@margarida.example', phone: '+55 11 3000-0000' },
    }),
  en: (sub) =>
    scenario(sub, {
      lang: 'en',
      accountId: 30000001,
      accountName: 'Daisy Trading Ltd',
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
