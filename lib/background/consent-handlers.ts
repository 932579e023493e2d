/** Consent messages: the background is the ledger's only writer. */
import type { BackgroundDeps } from './handlers';
import type { Handlers } from './router';

export type ConsentHandlers = Pick<Handlers, 'consent/record' | 'consent/record-all' | 'ledger/import'>;

export function consentHandlers(_deps: BackgroundDeps): ConsentHandlers {
  const unavailable = async (): Promise<never> => {
    throw Object.assign(new Error('Consent choices are not available in this version'), { code: 'not-available' });
  };
  return { 'consent/record': unavailable, 'consent/record-all': unavailable, 'ledger/import': unavailable };
}
