/**
 * The content script's one job with amoCRM's API: a same-origin GET with the admin's session,
 * answered raw. Parsing, paging, rate limiting and storage happen in the background.
 *
 * The page is hostile (DESIGN §3, §8): a relative path is resolved against the document's base
 * URL, which page code sets with `<base href="https://elsewhere/">`. So the URL is made absolute
 * against the page's own origin, a redirect is an error, and the answer must come from that origin;
 * the background checks the origin it is told against the account it asked about.
 */
import type { AmoFetchAnswer } from '../messages';

export class ForeignAnswer extends Error {
  constructor(readonly url: string) {
    super(`amoCRM's answer came from another origin (${url})`);
    this.name = 'ForeignAnswer';
  }
}

export async function amoFetch(
  path: string,
  signal: AbortSignal,
  origin: string = location.origin,
): Promise<AmoFetchAnswer> {
  const url = new URL(path, origin);
  if (url.origin !== origin) throw new ForeignAnswer(url.href);
  const response = await fetch(url.href, {
    credentials: 'same-origin',
    redirect: 'error',
    // As the web app's own calls: amoCRM tells its XHR API calls apart by this header.
    headers: { accept: 'application/hal+json, application/json', 'x-requested-with': 'XMLHttpRequest' },
    signal: AbortSignal.any([signal, AbortSignal.timeout(20_000)]),
  });
  if (response.url !== '' && new URL(response.url).origin !== origin) throw new ForeignAnswer(response.url);
  return {
    origin,
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    retryAfter: response.headers.get('retry-after'),
    body: response.status === 204 ? '' : await response.text(),
  };
}
