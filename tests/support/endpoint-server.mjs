// @ts-check
/**
 * A local implementation of Ingroup's endpoint, contract v1 (docs/endpoint.md), with switchable
 * faults — for the unit and e2e tests, the benchmark and the demo. Plain Node, no dependencies.
 *
 *   GET  /privacy/v1/catalog         the catalog passed in (default: lib/catalog/bundled.json)
 *   POST /privacy/v1/requests        Idempotency-Key = body.id; same key + same body → the original
 *                                    202 receipt; same key + another body → 409 problem+json
 *   GET  /privacy/v1/requests/{id}   status; advances one step every `pollsPerStep` polls
 *                                    (received → [verifying →] in_progress → completed), or by control
 *
 * Test-only control API (never faulted):
 *   GET  /__control/state                      what arrived: POSTs per id, distinct ids stored, …
 *   POST /__control/faults                     body: Faults (below); replaces the faults, resets their counters
 *   POST /__control/reset                      forget everything (requests, counts, faults, config)
 *   POST /__control/config                     body: { pollsPerStep?, verification? }
 *   POST /__control/advance/{id}/{status}      body (optional): { reason?, message?, dueAt?, extendedDueAt? }
 *
 * Run alone: `node tests/support/endpoint-server.mjs --port 8443 [--tls | --cert c.pem --key k.pem]`
 * prints its base URL (plain http unless a certificate is given).
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFileSync } from 'node:fs';

export const PREFIX = '/privacy/v1';
const REQUEST_TYPES = [
  'access',
  'rectification',
  'erasure',
  'portability',
  'objection',
  'restriction',
  'withdraw_consent',
  'marketing_opt_out',
  'marketing_opt_in',
];
const MAX_BODY_BYTES = 256 * 1024;
const STEPS = {
  none: ['received', 'in_progress', 'completed'],
  email_sent: ['received', 'verifying', 'in_progress', 'completed'],
};
const ALL_STATUSES = ['received', 'verifying', 'in_progress', 'completed', 'rejected'];

/**
 * How many requests a fault hits: the first `times` (default: all) matching requests, counted
 * over the whole server (`global`, default) or separately for each request id (`per-id`: "every
 * request fails its first two attempts"). `on` picks the routes (default `post`).
 * @typedef {{ times?: number, scope?: 'global' | 'per-id', on?: 'post' | 'get' | 'catalog' | 'any' }} FaultCount
 */
/**
 * @typedef {{
 *   down?: FaultCount,
 *   error?: FaultCount & { status?: number },
 *   rateLimit?: FaultCount & { status?: number, retryAfter?: number, httpDate?: boolean },
 *   slow?: FaultCount & { delayMs: number },
 *   malformed?: FaultCount,
 *   reject?: FaultCount & { status?: number, detail?: string },
 *   throttle?: { perSecond: number, retryAfter?: number, on?: 'post' | 'get' | 'catalog' | 'any' },
 * }} Faults
 * - down: the connection is destroyed before anything is read or stored.
 * - error: a 5xx problem+json (default 500); nothing stored.
 * - rateLimit: 429 (or e.g. 503) with Retry-After in seconds (default 1), or as an HTTP date.
 * - slow: the request is handled and stored, the reply held back `delayMs` (client timeouts).
 * - malformed: the request is handled and stored, the reply is broken JSON.
 * - reject: a permanent 4xx problem+json (default 422); nothing stored.
 * - throttle: a rate limit like a real one — beyond `perSecond` requests in a rolling second
 *   (by the server's clock), 429 with Retry-After (default 1 s); nothing stored.
 */
/**
 * @typedef {{ id: string, reference: string, status: string, receivedAt: string, updatedAt: string,
 *   dueAt: string, extendedDueAt?: string, reason?: string, message?: string,
 *   verification: 'none' | 'email_sent', canonical: string, body: Record<string, unknown>,
 *   step: number, polls: number, receipt: Record<string, unknown> }} Stored
 */
/**
 * @typedef {{ requests: Map<string, Stored>, posts: Map<string, number>, replays: Map<string, number>,
 *   gets: Map<string, number>, dropped: number, sequence: number }} EndpointState
 */
/**
 * @typedef {{ port?: number, host?: string, tls?: { key: string, cert: string } | null,
 *   catalog?: unknown, pollsPerStep?: number, verification?: 'none' | 'email_sent', now?: () => number }} EndpointOptions
 */
/**
 * @typedef {{ port: number, url: string, base: string, state: EndpointState, close(): Promise<void>,
 *   setFaults(f: Faults): void, reset(): void, advance(id: string, status: string, extra?: Record<string, string>): Stored,
 *   snapshot(): Record<string, unknown> }} RunningEndpoint
 */

/** @returns {EndpointState} */
function emptyState() {
  return { requests: new Map(), posts: new Map(), replays: new Map(), gets: new Map(), dropped: 0, sequence: 0 };
}

/** Key order does not make two bodies different. @param {unknown} value @returns {string} */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** @param {number} ms */
const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);

/**
 * A plausible due date. Approximate on purpose (no public holidays): the real endpoint owns the
 * legal calendar; the extension computes its own from lib/deadlines.
 * @param {number} receivedMs @param {string} regime @param {string} type
 */
function dueDateFor(receivedMs, regime, type) {
  if (regime === 'gdpr' && !type.startsWith('marketing_')) {
    const d = new Date(receivedMs);
    d.setUTCMonth(d.getUTCMonth() + 1);
    return isoDate(d.getTime());
  }
  let at = receivedMs;
  for (let left = 10; left > 0;) {
    at += 86_400_000;
    const day = new Date(at).getUTCDay();
    if (day !== 0 && day !== 6) left -= 1;
  }
  return isoDate(at);
}

/** @param {unknown} body @param {string | undefined} key @returns {string | null} what is wrong, or null */
function invalid(body, key) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'The body must be a JSON object';
  const b = /** @type {Record<string, any>} */ (body);
  if (typeof b.id !== 'string' || !b.id) return 'id is required';
  if (b.id !== key) return 'The Idempotency-Key header must equal the request id';
  if (!REQUEST_TYPES.includes(b.type)) return `type must be one of ${REQUEST_TYPES.join(', ')}`;
  if (typeof b.createdAt !== 'string') return 'createdAt is required';
  if (b.locale !== 'ru' && b.locale !== 'en') return 'locale must be ru or en';
  if (b.regime !== 'ru152' && b.regime !== 'gdpr') return 'regime must be ru152 or gdpr';
  if (!b.account || typeof b.account.host !== 'string' || typeof b.account.id !== 'number')
    return 'account {id, subdomain, host} is required';
  if (!b.requester || typeof b.requester.email !== 'string' || !b.requester.email.includes('@'))
    return 'requester {userId, name, email} is required';
  if (!Array.isArray(b.widgets)) return 'widgets must be a list of widget codes';
  if (!b.policy || typeof b.policy.sha256 !== 'string') return 'policy {effectiveDate, sha256} is required';
  if (
    !b.ledger ||
    typeof b.ledger.headHash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(b.ledger.headHash) ||
    !Number.isInteger(b.ledger.events) ||
    b.ledger.events < 0
  ) {
    return 'ledger {headHash, events} is required: the consent ledger’s head when the request was made';
  }
  if (!b.client || typeof b.client.name !== 'string') return 'client {name, version} is required';
  return null;
}

/** @param {Stored} s */
function statusOf(s) {
  /** @type {Record<string, unknown>} */
  const out = { id: s.id, reference: s.reference, status: s.status, updatedAt: s.updatedAt, dueAt: s.dueAt };
  if (s.extendedDueAt) out.extendedDueAt = s.extendedDueAt;
  if (s.message) out.message = s.message;
  if (s.reason) out.reason = s.reason;
  return out;
}

/** @returns {unknown} */
function defaultCatalog() {
  return JSON.parse(readFileSync(new URL('../../lib/catalog/bundled.json', import.meta.url), 'utf8'));
}

/** @param {EndpointOptions} [options] @returns {Promise<RunningEndpoint>} */
export async function startEndpoint(options = {}) {
  const { port = 0, host = '127.0.0.1', tls = null } = options;
  const now = options.now ?? Date.now;
  const initialConfig = { pollsPerStep: options.pollsPerStep ?? 1, verification: options.verification ?? 'none' };
  const config = { ...initialConfig };
  const state = emptyState();
  /** @type {Faults} */
  let faults = {};
  /** @type {Map<string, number>} */
  const faultCounts = new Map();
  /** @type {Set<NodeJS.Timeout>} */
  const timers = new Set();
  /** @type {number[]} */
  let window = [];

  /**
   * @param {Exclude<keyof Faults, 'throttle'>} kind @param {'post' | 'get' | 'catalog'} route @param {string} id
   * @returns {boolean} whether this request gets the fault (and counts it)
   */
  const hits = (kind, route, id) => {
    const fault = faults[kind];
    if (!fault) return false;
    const on = fault.on ?? 'post';
    if (on !== 'any' && on !== route) return false;
    const key = fault.scope === 'per-id' ? `${kind}:${id}` : kind;
    const seen = faultCounts.get(key) ?? 0;
    if (seen >= (fault.times ?? Infinity)) return false;
    faultCounts.set(key, seen + 1);
    return true;
  };

  /** @param {string} id @param {string} status @param {Record<string, string>} [extra] */
  const advance = (id, status, extra = {}) => {
    const s = state.requests.get(id);
    if (!s) throw new Error(`No request ${id}`);
    if (!ALL_STATUSES.includes(status)) throw new Error(`Unknown status ${status}`);
    s.status = status;
    const steps = STEPS[s.verification];
    if (steps.includes(status)) s.step = steps.indexOf(status);
    s.polls = 0;
    s.updatedAt = new Date(now()).toISOString();
    if (status === 'rejected') s.reason = extra.reason ?? 'The identity of the requester could not be confirmed.';
    else if (extra.reason) s.reason = extra.reason;
    if (extra.message) s.message = extra.message;
    if (extra.dueAt) s.dueAt = extra.dueAt;
    if (extra.extendedDueAt) s.extendedDueAt = extra.extendedDueAt;
    return s;
  };

  const snapshot = () => ({
    posts: Object.fromEntries(state.posts),
    replays: Object.fromEntries(state.replays),
    gets: Object.fromEntries(state.gets),
    distinctIds: state.requests.size,
    totalPosts: [...state.posts.values()].reduce((a, b) => a + b, 0),
    dropped: state.dropped,
    faults,
    config,
    requests: [...state.requests.values()].map((s) => ({
      id: s.id,
      reference: s.reference,
      type: s.body.type,
      status: s.status,
    })),
  });

  /** @type {import('node:http').RequestListener} */
  const handle = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://endpoint.invalid');
    const method = req.method ?? 'GET';
    /** @type {Record<string, string>} */
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'Retry-After',
    };
    /** @param {number} status @param {string} type @param {string} body @param {Record<string, string>} [headers] */
    const send = (status, type, body, headers = {}) => {
      if (res.destroyed || res.writableEnded) return;
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...cors, ...headers });
      res.end(body);
    };
    /** @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
    const json = (status, body, headers) => send(status, 'application/json', JSON.stringify(body), headers);
    /** @param {number} status @param {string} title @param {string} detail @param {Record<string, string>} [headers] */
    const problem = (status, title, detail, headers) =>
      send(
        status,
        'application/problem+json',
        JSON.stringify({ type: `https://api.ingru.ru/problems/${status}`, title, status, detail }),
        headers,
      );

    if (method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': 'Content-Type, Accept, Idempotency-Key',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }

    readBody(req)
      .then((raw) => {
        if (url.pathname.startsWith('/__control/'))
          return control(url.pathname.slice('/__control/'.length), method, raw);

        /** @type {'post' | 'get' | 'catalog' | null} */
        let route = null;
        let id = '';
        if (url.pathname === `${PREFIX}/catalog` && method === 'GET') route = 'catalog';
        else if (url.pathname === `${PREFIX}/requests` && method === 'POST') {
          route = 'post';
          id = String(req.headers['idempotency-key'] ?? '');
          state.posts.set(id, (state.posts.get(id) ?? 0) + 1);
        } else if (url.pathname.startsWith(`${PREFIX}/requests/`) && method === 'GET') {
          route = 'get';
          id = decodeURIComponent(url.pathname.slice(`${PREFIX}/requests/`.length));
        }
        if (!route) {
          const known =
            [`${PREFIX}/catalog`, `${PREFIX}/requests`].includes(url.pathname) ||
            url.pathname.startsWith(`${PREFIX}/requests/`);
          return known
            ? problem(405, 'Method Not Allowed', `${method} is not served on ${url.pathname}`)
            : problem(404, 'Not Found', `Nothing at ${url.pathname}`);
        }

        if (hits('down', route, id)) {
          state.dropped += 1;
          req.socket.destroy();
          return;
        }
        const throttle = faults.throttle;
        const throttleOn = throttle?.on ?? 'post';
        if (throttle && (throttleOn === 'any' || throttleOn === route)) {
          const at = now();
          window = window.filter((t) => at - t < 1000);
          if (window.length >= throttle.perSecond) {
            return problem(429, 'Too Many Requests', `At most ${throttle.perSecond} requests a second.`, {
              'retry-after': String(throttle.retryAfter ?? 1),
            });
          }
          window.push(at);
        }
        const rateLimit = faults.rateLimit;
        if (rateLimit && hits('rateLimit', route, id)) {
          const seconds = rateLimit.retryAfter ?? 1;
          const retryAfter = rateLimit.httpDate ? new Date(now() + seconds * 1000).toUTCString() : String(seconds);
          return problem(
            rateLimit.status ?? 429,
            'Too Many Requests',
            'Slow down and try again after the Retry-After time.',
            { 'retry-after': retryAfter },
          );
        }
        if (faults.error && hits('error', route, id))
          return problem(faults.error.status ?? 500, 'Internal Server Error', 'Something broke on our side.');
        if (faults.reject && hits('reject', route, id)) {
          return problem(
            faults.reject.status ?? 422,
            'Unprocessable Content',
            faults.reject.detail ?? 'The request was refused by policy.',
          );
        }

        /** @type {{ status: number, type: string, body: string, headers?: Record<string, string> }} */
        const reply = answer(route, id, raw, req.headers['idempotency-key']);
        const slow = faults.slow;
        const delay = slow && hits('slow', route, id) ? slow.delayMs : 0;
        const broken = hits('malformed', route, id);
        const finish = () => {
          if (broken)
            send(reply.status, 'application/json', reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2))));
          else send(reply.status, reply.type, reply.body, reply.headers);
        };
        if (delay > 0) {
          const timer = setTimeout(() => {
            timers.delete(timer);
            finish();
          }, delay);
          timers.add(timer);
        } else finish();
        return undefined;
      })
      .catch((/** @type {unknown} */ error) => {
        if (error instanceof TooLarge)
          return problem(413, 'Content Too Large', `The body must be at most ${MAX_BODY_BYTES} bytes.`);
        return problem(500, 'Internal Server Error', String(error));
      });

    /**
     * @param {'post' | 'get' | 'catalog'} route @param {string} id @param {string} raw @param {string | string[] | undefined} keyHeader
     * @returns {{ status: number, type: string, body: string, headers?: Record<string, string> }}
     */
    function answer(route, id, raw, keyHeader) {
      /** @param {number} status @param {string} title @param {string} detail */
      const p = (status, title, detail) => ({
        status,
        type: 'application/problem+json',
        body: JSON.stringify({ type: `https://api.ingru.ru/problems/${status}`, title, status, detail }),
      });
      /** @param {number} status @param {unknown} body */
      const ok = (status, body) => ({ status, type: 'application/json', body: JSON.stringify(body) });

      if (route === 'catalog') {
        try {
          return ok(200, options.catalog ?? defaultCatalog());
        } catch (error) {
          return p(503, 'Service Unavailable', `No catalog to serve: ${String(error)}`);
        }
      }
      if (route === 'get') {
        const s = state.requests.get(id);
        if (!s) return p(404, 'Not Found', `No request ${id}`);
        state.gets.set(id, (state.gets.get(id) ?? 0) + 1);
        const steps = STEPS[s.verification];
        const final = s.status === 'completed' || s.status === 'rejected';
        if (!final && config.pollsPerStep > 0) {
          s.polls += 1;
          if (s.polls >= config.pollsPerStep && s.step < steps.length - 1) {
            s.step += 1;
            s.polls = 0;
            s.status = /** @type {string} */ (steps[s.step]);
            s.updatedAt = new Date(now()).toISOString();
          }
        }
        return ok(200, statusOf(s));
      }
      // POST /requests
      if (typeof keyHeader !== 'string' || !keyHeader)
        return p(400, 'Bad Request', 'The Idempotency-Key header is required; set it to the request id.');
      /** @type {unknown} */
      let body;
      try {
        body = JSON.parse(raw);
      } catch {
        return p(400, 'Bad Request', 'The body is not JSON.');
      }
      const wrong = invalid(body, keyHeader);
      if (wrong) return p(422, 'Unprocessable Content', wrong);
      const b = /** @type {Record<string, any>} */ (body);
      const existing = state.requests.get(keyHeader);
      const canon = canonical(body);
      if (existing) {
        if (existing.canonical !== canon)
          return p(409, 'Conflict', 'This Idempotency-Key was used for a different request body.');
        state.replays.set(keyHeader, (state.replays.get(keyHeader) ?? 0) + 1);
        return ok(202, existing.receipt);
      }
      const at = now();
      state.sequence += 1;
      const reference = `IG-${new Date(at).getUTCFullYear()}-${String(state.sequence).padStart(6, '0')}`;
      const receivedAt = new Date(at).toISOString();
      const dueAt = dueDateFor(at, b.regime, b.type);
      const verification = config.verification;
      const receipt = { id: b.id, reference, status: 'received', receivedAt, dueAt, verification };
      state.requests.set(keyHeader, {
        id: b.id,
        reference,
        status: 'received',
        receivedAt,
        updatedAt: receivedAt,
        dueAt,
        verification,
        canonical: canon,
        body: b,
        step: 0,
        polls: 0,
        receipt,
      });
      return ok(202, receipt);
    }

    /** @param {string} path @param {string} method @param {string} raw */
    function control(path, method, raw) {
      /** @type {any} */
      let body;
      try {
        body = raw ? JSON.parse(raw) : {};
      } catch {
        return problem(400, 'Bad Request', 'The control body is not JSON.');
      }
      if (path === 'state' && method === 'GET') return json(200, snapshot());
      if (path === 'faults' && method === 'POST') {
        setFaults(body);
        return json(200, { faults });
      }
      if (path === 'reset' && method === 'POST') {
        reset();
        return json(200, { reset: true });
      }
      if (path === 'config' && method === 'POST') {
        if (typeof body.pollsPerStep === 'number') config.pollsPerStep = body.pollsPerStep;
        if (body.verification === 'none' || body.verification === 'email_sent') config.verification = body.verification;
        return json(200, config);
      }
      const m = /^advance\/([^/]+)\/([a-z_]+)$/.exec(path);
      if (m && method === 'POST') {
        try {
          return json(200, statusOf(advance(decodeURIComponent(m[1] ?? ''), m[2] ?? '', body)));
        } catch (error) {
          return problem(404, 'Not Found', String(error));
        }
      }
      return problem(404, 'Not Found', `No control route ${path}`);
    }
  };

  /** @param {Faults} f */
  const setFaults = (f) => {
    faults = f ?? {};
    faultCounts.clear();
    window = [];
  };
  const reset = () => {
    Object.assign(state, emptyState());
    Object.assign(config, initialConfig);
    setFaults({});
  };

  const server = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handle) : createHttpServer(handle);
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const url = `${tls ? 'https' : 'http'}://${host}:${actualPort}`;

  return {
    port: actualPort,
    url,
    base: `${url}${PREFIX}`,
    state,
    setFaults,
    reset,
    advance,
    snapshot,
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

class TooLarge extends Error {}

/** @param {import('node:http').IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new TooLarge());
        req.removeAllListeners('data');
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  /** @param {string} name */
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const port = Number(arg('--port')) || 8443;
  /** @type {{ key: string, cert: string } | null} */
  let tls = null;
  const certPath = arg('--cert');
  const keyPath = arg('--key');
  if (certPath && keyPath) tls = { cert: readFileSync(certPath, 'utf8'), key: readFileSync(keyPath, 'utf8') };
  else if (process.argv.includes('--tls')) tls = (await import('./tls.mjs')).makeCertificate();
  const pollsPerStep = arg('--polls-per-step');
  const endpoint = await startEndpoint({ port, tls, ...(pollsPerStep ? { pollsPerStep: Number(pollsPerStep) } : {}) });
  console.log(`Ingroup endpoint (contract v1) on ${endpoint.base}`);
}
