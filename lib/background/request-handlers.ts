/** Request messages: the background is the outbox's only writer and the endpoint's only caller. */
import type { BackgroundDeps } from './handlers';
import type { Handlers } from './router';

export type RequestHandlers = Pick<Handlers, 'request/submit' | 'request/email-sent' | 'request/retry' | 'outbox/flush' | 'settings/endpoint'>;

export function requestHandlers(_deps: BackgroundDeps): RequestHandlers {
  const unavailable = async (): Promise<never> => {
    throw Object.assign(new Error('Requests are not available in this version'), { code: 'not-available' });
  };
  return {
    'request/submit': unavailable,
    'request/email-sent': unavailable,
    'request/retry': unavailable,
    'outbox/flush': unavailable,
    'settings/endpoint': unavailable,
  };
}
