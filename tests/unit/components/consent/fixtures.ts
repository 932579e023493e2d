/** Invented accounts and ledger events for the consent components' tests. */
import type { AccountRow } from '@/lib/store/db';
import type { ConsentInput } from '@/lib/consent/ledger';
import { POLICY_VERSION } from '@/lib/policy/version';
import type { ConsentMethod, ConsentPurpose, ConsentState } from '@/lib/vocabulary';

export function account(host: string, lastSeenAt: number, name?: string): AccountRow {
  return { host, subdomain: host.split('.')[0]!, firstSeenAt: 1, lastSeenAt, ...(name ? { name } : {}) };
}

export function choice(
  host: string,
  state: ConsentState,
  timestamp: string,
  purpose: ConsentPurpose = 'marketing',
  method: ConsentMethod = 'popup',
): ConsentInput {
  return {
    account: { id: null, host },
    adminUserId: null,
    purpose,
    state,
    method,
    policy: POLICY_VERSION,
    extensionVersion: '0.1.0',
    timestamp,
  };
}
