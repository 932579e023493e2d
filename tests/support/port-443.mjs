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
 * @param {{ tls: { key: string, cert: string }, routes: Array<{ suffix: string, port: number }>, port?: number }} opts
 *   routes: a name is sent to the first route whose suffix it ends with (`.amocrm.ru`, or an exact name).
 * @returns {Promise<{ port: number, refused: string[], close(): Promise<void> }>}
 */
export async function startPort443({ tls, routes, port = 443 }) {
  /** @type {string[]} */
  const refused = [];
  /** @type {Set<import('node:net').Socket>} */
  const open = new Set();
  const server = createServer({ key: tls.key, cert: tls.cert, ALPNProtocols: ['http/1.1'] }, (socket) => {
    const name = socket.servername || '';
    const route = routes.find((r) => name === r.suffix || name.endsWith(r.suffix.startsWith('.') ? r.suffix : `.${r.suffix}`));
    if (!route) {
      refused.push(name);
      socket.destroy();
      return;
    }
    const upstream = connect({ host: '127.0.0.1', port: route.port, servername: name, rejectUnauthorized: false, ALPNProtocols: ['http/1.1'] });
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
  await new Promise((resolve, reject) => {
    server.once('error', (error) => {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      reject(code === 'EADDRINUSE'
        ? new Error(`Port ${port} is taken: another Firefox run (or a web server) is using it; Firefox tests need it free.`, { cause: error })
        : code === 'EACCES'
          ? new Error(`Port ${port} needs root (or CAP_NET_BIND_SERVICE for node) for the Firefox tests.`, { cause: error })
          : error);
    });
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    refused,
    close: () => new Promise((resolve) => {
      for (const socket of open) socket.destroy();
      server.close(() => resolve(undefined));
    }),
  };
}
