/**
 * The consent ledger's head in a letter to Ingroup: the email route carries it as the endpoint's
 * body does (`ledger`), so Ingroup holds a copy of the chain's head outside the browser either way.
 * `compact`: the shorter line for a `mailto:` link that must stay short (lib/requests/email.ts).
 */
import type { RequestBody } from './types';

export function ledgerHeadLine(body: Pick<RequestBody, 'ledger'>, lang: 'ru' | 'en', compact = false): string {
  const { headHash, events } = body.ledger;
  if (compact) return `${lang === 'ru' ? 'Журнал согласий' : 'Consent ledger'}: ${headHash}`;
  return lang === 'ru' ? `Вершина журнала согласий (SHA-256): ${headHash} (событий: ${events})` : `Consent ledger head (SHA-256): ${headHash} (${events} events)`;
}
