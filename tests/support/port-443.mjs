// @ts-check
/**
 * Firefox has no `--host-resolver-rules`: its pref `network.dns.forceResolve` sends every host name
 * to 127.0.0.1, on the URL's own port — 443. This listener stands there and hands each TLS
 * connection to the stack's server for the name the browser asked for (its SNI): amoCRM's domains
 * to the fake amoCRM, `api.ingru.ru` to the local endpoint. Any other name is refused, so nothing
 * the browser asks for by itself leaves the machine or reaches the fakes.
 *
 * It ends TLS with the stack's certificate and opens a new TLS connection to the server behind,
 * so both servers keep their own ports and see the browser's HTTP unchanged (Host header
 * included). Port 443 needs root (or CAP_NET_BIND_SERVICE): one Firefox run at a time per machine.
 */
import { connect, createServer } from 'node:tls';

/**
 * @param {{ tls: { key: string, cert: string }, routes: Array<{ suffix: string, port: number }>, port?: number, waitMs?: number }} opts
 *   routes: a name is sent to the first route whose suffix it ends with (`.amocrm.ru`, or an exact name).
 *   waitMs: how long to wait for the port while another run holds it.
 * @returns {Promise<{ port: number, refused: string[], close(): Promise<void> }>}
 */
export async function startPort443({ tls, routes, port = 443, waitMs = 240_000 }) {
  /** @type {string[]} */
  const refused = [];
  /** @type {Set<import('node:net').Socket>} */
  const open = new Set();
  const server = createServer({ key: tls.key, cert: tls.cert, ALPNProtocols: ['http/1.1'] }, (socket) => {
    const name = socket.servername || '';
    const route = routes.find(
      (r) => name === r.suffix || name.endsWith(r.suffix.startsWith('.') ? r.suffix : `.${r.suffix}`),
    );
    if (!route) {
      refused.push(name);
      socket.destroy();
      return;
    }
    const upstream = connect({
      host: '127.0.0.1',
      port: route.port,
      servername: name,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    open.add(socket).add(upstream);
    const end = () => {
      socket.destroy();
      upstream.destroy();
      open.delete(socket);
      open.delete(upstream);
    };
    socket.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    socket.pipe(upstream).pipe(socket);
  });
  server.on('tlsClientError', () => undefined);
  // Another Firefox run on the machine holds the port until it ends: wait for it, a while.
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      await listen(server, port);
      break;
    } catch (error) {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      if (code === 'EADDRINUSE' && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        continue;
      }
      throw code === 'EADDRINUSE'
        ? new Error(
            `Port ${port} stayed taken for ${Math.round(waitMs / 1000)} s: another Firefox run (or a web server) is using it; the Firefox tests need it free.`,
            { cause: error },
          )
        : code === 'EACCES'
          ? new Error(`Port ${port} needs root (or CAP_NET_BIND_SERVICE for node) for the Firefox tests.`, {
              cause: error,
            })
          : error;
    }
  }
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    refused,
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve(undefined));
      }),
  };
}

/** @param {import('node:net').Server} server @param {number} port @returns {Promise<void>} */
function listen(server, port) {
  return new Promise((resolve, reject) => {
    const fail = (/** @type {Error} */ error) => reject(error);
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      resolve();
    });
  });
}
