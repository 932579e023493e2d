// @ts-check
/**
 * The local world the extension runs in for tests, the demo and the benchmark: the fake amoCRM
 * and the local Ingroup endpoint on loopback HTTPS, and the Chromium flags that map the real
 * host names to them — so the extension runs its production configuration.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startAmocrm } from './amocrm-server.mjs';
import { startEndpoint } from './endpoint-server.mjs';
import { startPort443 } from './port-443.mjs';
import { makeCertificate } from './tls.mjs';

export const EXTENSION_DIR = fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
export const FIREFOX_EXTENSION_DIR = fileURLToPath(new URL('../../.output/firefox-mv3', import.meta.url));

/**
 * `endpointCatalog`: the catalog the endpoint serves; `endpointUnreachable`: Ingroup's endpoint does
 * not resolve at all (as today, where it is not known to exist); `port443`: also listen on
 * 127.0.0.1:443 for Firefox, which reaches every host there (port-443.mjs).
 * @param {{ endpointFaults?: Record<string, unknown>, endpointCatalog?: unknown, endpointUnreachable?: boolean, port443?: boolean }} [opts]
 */
export async function startStack(opts = {}) {
  const tls = makeCertificate();
  const amocrm = await startAmocrm({ tls });
  const endpoint = await startEndpoint({ tls, ...(opts.endpointCatalog ? { catalog: opts.endpointCatalog } : {}) });
  if (opts.endpointFaults) endpoint.setFaults(opts.endpointFaults);
  const routes = [
    { suffix: '.amocrm.ru', port: amocrm.port },
    { suffix: '.amocrm.com', port: amocrm.port },
    { suffix: '.kommo.com', port: amocrm.port },
    // Unreachable: Firefox's listener on 443 refuses the name, as a connection that fails.
    ...(opts.endpointUnreachable ? [] : [{ suffix: 'api.ingru.ru', port: endpoint.port }]),
  ];
  const port443 = opts.port443 ? await startPort443({ tls, routes }) : null;
  const rules = [
    `MAP *.amocrm.ru 127.0.0.1:${amocrm.port}`,
    `MAP *.amocrm.com 127.0.0.1:${amocrm.port}`,
    `MAP *.kommo.com 127.0.0.1:${amocrm.port}`,
    opts.endpointUnreachable ? 'MAP api.ingru.ru ~NOTFOUND' : `MAP api.ingru.ru 127.0.0.1:${endpoint.port}`,
    // A foreign host the security tests point a page's <base href> at: served (and its requests
    // counted) by the fake amoCRM, so a read that strays there is seen, not just failed.
    `MAP elsewhere.example 127.0.0.1:${amocrm.port}`,
    // Widget vendors' own hosts (Ingroup's and another's), which widgets' scripts call from the page.
    `MAP *.ingru.ru 127.0.0.1:${amocrm.port}`,
    `MAP *.othervendor.example 127.0.0.1:${amocrm.port}`,
    // Nothing else resolves: a request to any other host fails fast instead of leaving the machine.
    'MAP * ~NOTFOUND',
  ].join(', ');
  return {
    amocrm,
    endpoint,
    hostResolverRules: rules,
    port443,
    close: async () => {
      await Promise.all([amocrm.close(), endpoint.close(), port443?.close()]);
    },
  };
}

/**
 * Chromium's flags for running the built extension against the stack.
 * @param {{ hostResolverRules: string }} stack
 * @param {string} [extensionDir]
 */
export function chromiumArgs(stack, extensionDir = EXTENSION_DIR) {
  if (!existsSync(`${extensionDir}/manifest.json`)) {
    throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  }
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--host-resolver-rules=${stack.hostResolverRules}`,
    '--ignore-certificate-errors',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-gpu',
    '--no-sandbox',
  ];
}
