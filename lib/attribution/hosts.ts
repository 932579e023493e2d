/** Ingroup's domain, without zod: the content script checks page traffic with it on every page load. */

/** `ingru.ru` or one of its subdomains — not a look-alike such as `ingru.ru.example`. */
export function isIngroupHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return host === 'ingru.ru' || host.endsWith('.ingru.ru');
}
