// @ts-check
/**
 * A local fake amoCRM (DESIGN §3, §10): HTTPS on loopback, one account per subdomain (see
 * amocrm-scenarios.mjs), serving a single-page app built like the real one — amoCRM's nested left
 * menu (65 px, dark), `APP.lang_id` and `APP.widgets.list` as page globals and no `<html lang>`,
 * installed widgets' scripts loaded from their vendors' hosts — and the API v4 shapes: account,
 * users (paged, admins only), widgets (the aggregated list, full pages of 250 with no
 * `_links.next`, 204 past the end), problem+json errors, a session cookie every API call needs,
 * amoCRM's IP-restriction 403, and a 7 requests/second limit answered with 429.
 *
 * Hosts under `ingru.ru` (other than the endpoint) are served here too: a widget's script asking
 * an Ingroup host, as the page's own traffic (docs/amocrm-evidence.md).
 *
 * Run alone: `node tests/support/amocrm-server.mjs --port 8444` (makes its own certificate).
 */
import { createServer } from 'node:https';
import { scenarioFor } from './amocrm-scenarios.mjs';

const LIMIT_PER_SECOND = 7;
/** `[data-entity, ru, en, es, pt]`: the real menu's items (docs/amocrm-evidence.md). */
const MENU = [
  ['dashboard', 'Рабочий стол', 'Dashboard', 'Escritorio', 'Painel'],
  ['leads', 'Сделки', 'Leads', 'Leads', 'Leads'],
  ['todo', 'Задачи', 'Tasks', 'Tareas', 'Tarefas'],
  ['catalogs', 'Списки', 'Lists', 'Listas', 'Listas'],
  ['mail', 'Почта', 'Mail', 'Correo', 'E-mail'],
  ['stats', 'Аналитика', 'Stats', 'Estadísticas', 'Estatísticas'],
  ['settings', 'Настройки', 'Settings', 'Ajustes', 'Configurações'],
];
const LANG_COLUMN = { ru: 1, en: 2, es: 3, pt: 4 };
/** The web app's session cookie: the API answers 401 without it, as amoCRM's does. */
const SESSION_COOKIE = 'session_id';

/**
 * `xrw`: the request carried `X-Requested-With: XMLHttpRequest`, as the web app's own calls do;
 * `site`, `referer`: its Sec-Fetch-Site and Referer headers ('' when absent) — whether a read reached amoCRM as the page's own.
 * @typedef {{ host: string, method: string, path: string, status: number, at: number, xrw: boolean, site: string, referer: string }} Hit
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
      const xrw = header('x-requested-with') === 'XMLHttpRequest';
      hits.push({
        host,
        method: req.method ?? 'GET',
        path: url.pathname + url.search,
        status,
        at: Date.now(),
        xrw,
        site: header('sec-fetch-site'),
        referer: header('referer'),
      });
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      res.end(body);
    };
    if (url.pathname === '/favicon.ico') return send(204, 'image/x-icon', '');
    // A resource that answers late: amoCRM's pages load many, so `load` comes well after the page is up.
    if (url.pathname === '/held.gif') {
      setTimeout(() => send(204, 'image/gif', ''), Math.min(Number(url.searchParams.get('ms')) || 0, 30_000));
      return undefined;
    }
    // A vendor's host (a widget's own server): its script, loaded by the amoCRM page.
    if (host === 'ingru.ru' || host.endsWith('.ingru.ru') || host.endsWith('.othervendor.example')) {
      return send(200, 'text/javascript', "/* a widget vendor's script */", { 'access-control-allow-origin': '*' });
    }
    const s = scenarioOf(host);
    if (!url.pathname.startsWith('/api/')) {
      if (url.pathname === '/login') return send(200, 'text/html; charset=utf-8', loginPage());
      return send(200, 'text/html; charset=utf-8', appPage(s, Number(url.searchParams.get('hold_load')) || 0), {
        'set-cookie': `${SESSION_COOKIE}=${s.account.id}; Path=/; Secure; HttpOnly; SameSite=Lax`,
      });
    }
    /** @param {number} status @param {string} title @param {string} detail @param {object} [extra] */
    const problem = (status, title, detail, extra = {}) =>
      send(
        status,
        'application/problem+json',
        JSON.stringify({ title, type: 'https://httpstatus.es/' + status, status, detail, ...extra }),
      );
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
    const session = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]*)`).exec(String(req.headers.cookie ?? ''))?.[1];
    if (s.signedOut || session !== String(s.account.id)) return problem(401, 'Unauthorized', 'Authorization required');
    // amoCRM's "whitelist of IP addresses" (error 113, HTTP 403): every call refused alike.
    if (s.ipRestricted)
      return problem(403, 'Forbidden', 'Access to this account is prohibited from your IP address', {
        error_code: 113,
      });
    if (req.method !== 'GET') return problem(405, 'Method Not Allowed', 'Only GET is served here');

    const limit = Math.min(250, Math.max(1, Number(url.searchParams.get('limit') ?? 50) || 50));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const self = (/** @type {number} */ p) => ({ href: `https://${host}${url.pathname}?limit=${limit}&page=${p}` });

    if (url.pathname === '/api/v4/account') {
      if (s.accountForbidden) return problem(403, 'Forbidden', 'Access denied');
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
        return hal({
          ...rest,
          ...(withPhone ? { phone_number: phone } : {}),
          _links: { self: { href: `https://${host}/api/v4/users/${user.id}` } },
        });
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
      if (s.malformedWidgets)
        return send(200, 'application/hal+json', '{"_embedded": {"widgets": [{"code": 42, "version": {}}');
      const slice = s.widgets.slice((page - 1) * limit, page * limit);
      if (slice.length === 0) return send(204, 'application/hal+json', '');
      // As amoCRM's aggregated list: no `_links.next`, even after a full page.
      return hal({ _page: page, _links: { self: self(page) }, _embedded: { widgets: slice } });
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
    reset: () => {
      hits.length = 0;
      windows.clear();
      scenarios.clear();
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

/** @param {string} text */
const esc = (text) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page globals the web app gives widget code (docs/amocrm-evidence.md): `APP.lang_id`, and
 * `APP.widgets.list[code]` with `params` (from the widget's manifest) and `langs.widget.name`.
 * @param {import('./amocrm-scenarios.mjs').Scenario} s
 */
function pageGlobals(s) {
  const list = Object.fromEntries(
    s.pageWidgets.map((w) => [
      w.code,
      {
        params: {
          widget_code: w.code,
          widget_active: 'Y',
          path: `https://${s.account.subdomain}.amocrm.ru/upl/${w.code}/widget`,
          version: '1.0.0',
          ...(w.support ? { support: w.support } : {}),
        },
        langs: { widget: { name: w.name } },
      },
    ]),
  );
  return { lang_id: s.lang, widgets: { list } };
}

/**
 * @param {import('./amocrm-scenarios.mjs').Scenario} s
 * @param {number} holdLoadMs with `?hold_load=ms`, one image answers that late, holding the page's `load` back
 */
function appPage(s, holdLoadMs = 0) {
  const col = LANG_COLUMN[s.lang] ?? 2;
  const names = Object.fromEntries(MENU.map((row) => [row[0], row[col]]));
  const items = MENU.map(
    ([code]) =>
      `<div class="nav__menu__item" data-entity="${code}"><a class="nav__menu__item__link" href="/${code}/"><div class="nav__menu__item__icon icon-${code}" aria-hidden="true"></div><div class="nav__menu__item__title">${esc(String(names[code ?? ''] ?? code))}</div></a></div>`,
  ).join('');
  const account = s.account;
  const admin = s.users[0];
  // Each installed widget's script, loaded the way the web app loads it; a vendor's script may call home.
  const scripts = s.pageWidgets
    .filter((w) => w.calls)
    .map(
      (w) =>
        `<script async src="${esc(`https://${w.calls}/w/${w.code}/init.js?account_id=${account.id}&subdomain=${account.subdomain}&email=${encodeURIComponent(admin?.email ?? '')}`)}"></script>`,
    )
    .join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(account.name)} — amoCRM</title>
<style>
 body{margin:0;font:14px/1.4 "PT Sans",Arial,sans-serif;background:#f5f5f5;display:flex;min-height:100vh}
 .nav__menu-scroll-hide{width:65px;overflow:hidden;background:#0e2438}
 .nav__menu-wrapper{width:65px}
 .nav__menu{width:65px;display:flex;flex-direction:column;padding-top:12px}
 .nav__menu__item{width:65px;position:relative}
 .nav__menu__item__link{display:flex;flex-direction:column;align-items:center;gap:4px;padding:10px 0;color:#92a1b0;text-decoration:none;font-size:11px;line-height:13px}
 .nav__menu__item__icon{width:24px;height:24px;border-radius:6px;background:#92a1b0;opacity:.8}
 .nav__menu__item__title{max-width:61px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;text-align:center}
 .nav__menu__item:hover .nav__menu__item__link,.nav__menu__item-selected .nav__menu__item__link{background:#1c3a56;color:#fff}
 #page_holder{flex:1;padding:24px 32px}
 .card{background:#fff;border:1px solid #e1e4e8;border-radius:4px;padding:16px;margin:12px 0;max-width:720px}
</style></head><body>
<div class="nav__menu-scroll-hide"><div class="nav__menu-wrapper"><div id="nav_menu" class="nav__menu">${items}</div></div></div>
<main id="page_holder"><h1 id="page_title"></h1><div class="card" id="page_body"></div></main>
<script>
 window.APP = window.AMOCRM = ${JSON.stringify(pageGlobals(s)).replace(/</g, '\\u003c')};
 const names = ${JSON.stringify(names)};
 function render() {
   const code = location.pathname.split('/').filter(Boolean)[0] || 'dashboard';
   document.getElementById('page_title').textContent = names[code] || code;
   document.getElementById('page_body').textContent = ${JSON.stringify(s.lang === 'ru' ? 'Демонстрационный аккаунт amoCRM для проверки расширения.' : 'A demo amoCRM account for trying the extension.')};
   document.querySelectorAll('#nav_menu .nav__menu__item').forEach((item) => item.classList.toggle('nav__menu__item-selected', item.getAttribute('data-entity') === code));
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
</script>${scripts}${holdLoadMs > 0 ? `<img src="/held.gif?ms=${holdLoadMs}" alt="" width="1" height="1">` : ''}</body></html>`;
}

/** The login page: like the app, no `<html lang>`. */
function loginPage() {
  return `<!doctype html><html><head><meta charset="utf-8"><title>amoCRM — вход</title></head>
<body><main><h1>Вход в amoCRM</h1><form><label>Логин <input name="login"></label><label>Пароль <input name="password" type="password"></label><button type="button">Войти</button></form></main></body></html>`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { makeCertificate } = await import('./tls.mjs');
  const port = Number(process.argv[process.argv.indexOf('--port') + 1]) || 8444;
  const amo = await startAmocrm({ port, tls: makeCertificate() });
  console.log(`fake amoCRM on https://127.0.0.1:${amo.port}`);
}
