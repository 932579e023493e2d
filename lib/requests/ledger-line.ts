/**
 * The consent ledger's head in a letter to Ingroup: the email route carries it as the endpoint's
 * body does (`ledger`), so Ingroup holds a copy of the chain's head outside the browser either way.
 */
import type { RequestBody } from './types';
import type { Lang } from '../vocabulary';

export function ledgerHeadLine(body: Pick<RequestBody, 'ledger'>, lang: Lang): string {
  const { headHash, events } = body.ledger;
  return lang === 'ru'
    ? `Вершина журнала согласий (SHA-256): ${headHash} (событий: ${events})`
    : `Consent ledger head (SHA-256): ${headHash} (${events} events)`;
}
