/**
 * The request a marketing choice becomes (DESIGN §6): built the same way by the background, which
 * sends it, and by the panel, which shows it before the admin confirms an opt-in.
 */
import { type ConsentState, defaultLang, type Regime, regimeOf } from '../vocabulary';
import type { Snapshot } from '../amocrm/snapshot';
import type { Draft } from './types';

/** The draft for `state`, or null while the administrator's profile is not known. */
export function marketingDraft(
  snapshot: Snapshot | undefined | null,
  host: string,
  regime: Regime | undefined,
  state: ConsentState,
): Draft | null {
  if (!snapshot?.admin) return null;
  return {
    type: state === 'given' ? 'marketing_opt_in' : 'marketing_opt_out',
    host,
    locale: defaultLang(host),
    regime: regimeOf({ host, regime }),
    widgets: [],
    requester: {
      userId: snapshot.admin.id,
      name: snapshot.admin.name,
      email: snapshot.admin.email,
      ...(snapshot.admin.phone ? { phone: snapshot.admin.phone } : {}),
    },
    account: { id: snapshot.account.id, subdomain: snapshot.account.subdomain, host },
  };
}
