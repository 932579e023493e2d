/**
 * The content script's one job with amoCRM's API: a same-origin GET with the admin's session,
 * answered raw. Parsing, paging, rate limiting and storage happen in the background.
 */
import type { AmoFetchReply } from '../messages';

export async function amoFetch(path: string, signal: AbortSignal): Promise<AmoFetchReply> {
  const response = await fetch(path, {
    credentials: 'same-origin',
    headers: { accept: 'application/hal+json, application/json' },
    signal: AbortSignal.any([signal, AbortSignal.timeout(20_000)]),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    retryAfter: response.headers.get('retry-after'),
    body: response.status === 204 ? '' : await response.text(),
  };
}
