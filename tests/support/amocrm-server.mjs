// @ts-check
/**
 * A local fake amoCRM (DESIGN §3, §10): HTTPS on loopback, one account per subdomain (see
 * amocrm-scenarios.mjs), serving a single-page app with amoCRM's left-menu landmark and the API v4
 * shapes — account, users (paged, admins only), widgets (paged, 204 when empty), problem+json
 * errors, and a 7 requests/second limit answered with 429.
 *
 * Run alone: `node tests/support/amocrm-server.mjs --port 8444` (makes its own certificate).
 */
import { createServer } from 'node:https';
import { scenarioFor } from './amocrm-scenarios.mjs';

const LIMIT_PER_SECOND = 7;
const MENU = [
  ['dashboard', 'Рабочий стол', 'Dashboard'],
  ['leads', 'Сделки', 'Leads'],
  ['tasks', 'Задачи', 'Tasks'],
  ['contacts', 'Списки', 'Lists'],
  ['mail', 'Почта', 'Mail'],
  ['stats', 'Аналитика', 'Stats'],
  ['settings', 'Настройки', 'Settings'],
];

/**
 * @typedef {{ host: string, method: string, path: string, status: number, at: number, site: string, referer: string }} Hit
 *   site, referer: the request's Sec-Fetch-Site and Referer headers ('' when absent) — whether a read reached amoCRM as the page's own.
 */

/**
 * @param {{ port?: number, tls: { key: string, cert: string } }} opts
 */
export async function startAmocrm({ port = 0, tls }) {
  /** @type {Hit[]} */
  const hits = [];
  /** @type {Map<string, number[]>} */
  const windows = new Map();
  /** @type {Map<string, import('./amocrm-scenarios.mjs').Scenario>} */
  const scenarios = new Map();

  /** @param {string} host */
  const scenarioOf = (host) => {
    let s = scenarios.get(host);
    if (!s) {
      s = scenarioFor(host.split('.')[0] ?? 'demo');
      scenarios.set(host, s);
    }
    return s;
  };

  const server = createServer(tls, (req, res) => {
    const host = String(req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    /** @param {number} status @param {string} type @param {string} body @param {Record<string, string>} [headers] */
    const send = (status, type, body, headers = {}) => {
      const header = (/** @type {string} */ name) => String(req.headers[name] ?? '');
      hits.push({ host, method: req.method ?? 'GET', path: url.pathname + url.search, status, at: Date.now(), site: header('sec-fetch-site'), referer: header('referer') });
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    };
    if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    const s = scenarioOf(host);
    if (!url.pathname.startsWith('/api/')) {
      if (url.pathname === '/login') return send(200, 'text/html; charset=utf-8', loginPage(s));
      return send(200, 'text/html; charset=utf-8', appPage(s));
    }
    /** @param {number} status @param {string} title @param {string} detail @param {object} [extra] */
    const problem = (status, title, detail, extra = {}) =>
      send(status, 'application/problem+json', JSON.stringify({ title, type: 'https://httpstatus.es/' + status, status, detail, ...extra }));
    /** @param {unknown} body */
    const hal = (body) => send(200, 'application/hal+json', JSON.stringify(body));

    // 7 requests/second per account, counted over a rolling second like amoCRM's limiter.
    const now = Date.now();
    const win = (windows.get(host) ?? []).filter((t) => now - t < 1000);
    win.push(now);
    windows.set(host, win);
    if (s.rateLimitStorm || win.length > LIMIT_PER_SECOND) {
      return send(429, 'text/html', '<html><body>Too Many Requests</body></html>', { 'retry-after': '1' });
    }
    if (s.signedOut) return problem(401, 'Unauthorized', 'Authorization required');
    if (req.method !== 'GET') return problem(405, 'Method Not Allowed', 'Only GET is served here');

    const limit = Math.min(250, Math.max(1, Number(url.searchParams.get('limit') ?? 50) || 50));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const self = (/** @type {number} */ p) => ({ href: `https://${host}${url.pathname}?limit=${limit}&page=${p}` });

    if (url.pathname === '/api/v4/account') {
      return hal({ ...s.account, _links: { self: { href: `https://${host}/api/v4/account` } } });
    }
    const userMatch = /^\/api\/v4\/users\/(\d+)$/.exec(url.pathname);
    if (url.pathname === '/api/v4/users' || userMatch) {
      if (s.nonAdmin) return problem(403, 'Forbidden', 'Access denied: the user is not an account administrator');
      if (userMatch) {
        const user = s.users.find((u) => u.id === Number(userMatch[1]));
        if (!user) return problem(404, 'Not Found', 'User not found');
        const withPhone = (url.searchParams.get('with') ?? '').split(',').includes('phone_number');
        const { phone, ...rest } = user;
        return hal({ ...rest, ...(withPhone ? { phone_number: phone } : {}), _links: { self: { href: `https://${host}/api/v4/users/${user.id}` } } });
      }
      const pageCount = Math.max(1, Math.ceil(s.users.length / limit));
      const slice = s.users.slice((page - 1) * limit, page * limit).map(({ phone: _phone, ...u }) => u);
      if (slice.length === 0) return send(204, 'application/hal+json', '');
      return hal({
        _total_items: s.users.length,
        _page: page,
        _page_count: pageCount,
        _links: { self: self(page), ...(page < pageCount ? { next: self(page + 1) } : {}) },
        _embedded: { users: slice },
      });
    }
    if (url.pathname === '/api/v4/widgets') {
      if (s.malformedWidgets) return send(200, 'application/hal+json', '{"_embedded": {"widgets": [{"code": 42, "version": {}}');
      const slice = s.widgets.slice((page - 1) * limit, page * limit);
      if (slice.length === 0) return send(204, 'application/hal+json', '');
      const hasNext = page * limit < s.widgets.length;
      return hal({ _page: page, _links: { self: self(page), ...(hasNext ? { next: self(page + 1) } : {}) }, _embedded: { widgets: slice } });
    }
    return problem(404, 'Not Found', `No route ${url.pathname}`);
  });

  await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    port: actualPort,
    /** Every request served, newest last. */
    hits,
    /** API calls made to one account's host. */
    apiHits: (/** @type {string} */ host) => hits.filter((h) => h.host === host && h.path.startsWith('/api/')),
    reset: () => { hits.length = 0; windows.clear(); scenarios.clear(); },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve(undefined)); }),
  };
}

/** @param {string} text */
const esc = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** @param {import('./amocrm-scenarios.mjs').Scenario} s */
function appPage(s) {
  const ru = s.lang === 'ru';
  const items = MENU.map(([code, nameRu, nameEn]) =>
    `<div class="nav__menu__item" data-entity="${code}"><a class="nav__menu__item__link" href="/${code}/">${esc(ru ? nameRu ?? '' : nameEn ?? '')}</a></div>`).join('');
  return `<!doctype html><html lang="${s.lang}"><head><meta charset="utf-8"><title>${esc(s.account.name)} — amoCRM</title>
<style>
 body{margin:0;font:14px/1.4 "PT Sans",Arial,sans-serif;background:#f5f5f5;display:flex;min-height:100vh}
 #nav_menu{width:88px;background:#0e2438;color:#cfd8e3;display:flex;flex-direction:column;gap:2px;padding-top:12px}
 .nav__menu__item a{display:block;color:#cfd8e3;text-decoration:none;padding:12px 6px;text-align:center;font-size:12px}
 .nav__menu__item a:hover,.nav__menu__item a[aria-current]{background:#1c3a56;color:#fff}
 #page_holder{flex:1;padding:24px 32px}
 .card{background:#fff;border:1px solid #e1e4e8;border-radius:4px;padding:16px;margin:12px 0;max-width:720px}
</style></head><body>
<nav id="nav_menu" class="nav__menu" aria-label="${ru ? 'Главное меню' : 'Main menu'}">${items}</nav>
<main id="page_holder"><h1 id="page_title"></h1><div class="card" id="page_body"></div></main>
<script>
 const names = ${JSON.stringify(Object.fromEntries(MENU.map(([c, r, e]) => [c, ru ? r : e])))};
 function render() {
   const code = location.pathname.split('/').filter(Boolean)[0] || 'dashboard';
   document.getElementById('page_title').textContent = names[code] || code;
   document.getElementById('page_body').textContent = ${JSON.stringify(ru ? 'Демонстрационный аккаунт amoCRM для проверки расширения.' : 'A demo amoCRM account for trying the extension.')};
   document.querySelectorAll('#nav_menu a').forEach((a) => a.toggleAttribute('aria-current', a.getAttribute('href') === '/' + code + '/'));
 }
 // Like amoCRM's Backbone router: in-page navigation with history.pushState.
 document.addEventListener('click', (e) => {
   const a = e.target instanceof Element ? e.target.closest('#nav_menu a') : null;
   if (!a) return;
   e.preventDefault();
   history.pushState({}, '', a.getAttribute('href'));
   render();
 });
 addEventListener('popstate', render);
 render();
</script></body></html>`;
}

/** @param {import('./amocrm-scenarios.mjs').Scenario} s */
function loginPage(s) {
  return `<!doctype html><html lang="${s.lang}"><head><meta charset="utf-8"><title>amoCRM — вход</title></head>
<body><main><h1>Вход в amoCRM</h1><form><label>Логин <input name="login"></label><label>Пароль <input name="password" type="password"></label><button type="button">Войти</button></form></main></body></html>`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { makeCertificate } = await import('./tls.mjs');
  const port = Number(process.argv[process.argv.indexOf('--port') + 1]) || 8444;
  const amo = await startAmocrm({ port, tls: makeCertificate() });
  console.log(`fake amoCRM on https://127.0.0.1:${amo.port}`);
}
