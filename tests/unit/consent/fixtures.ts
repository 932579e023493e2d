// Builders for consent ledger tests. Hosts and ids are invented fixtures.
import { hashEvent } from '@/lib/consent/chain';
import { GENESIS_HASH, type LedgerEvent, type UnhashedEvent } from '@/lib/consent/event';
import type { PrivacyDb } from '@/lib/store/db';
import { appendConsents, type ConsentInput } from '@/lib/consent/ledger';
import type { ConsentPurpose, ConsentState } from '@/lib/vocabulary';

export const POLICY = {
  effectiveDate: '2022-01-20',
  sha256: '798bbae77da8aa56e178355f301f576cf58522a3576f63124604e15ec86abafb',
};

export function consentInput(overrides: Partial<ConsentInput> = {}): ConsentInput {
  return {
    account: { id: 31000001, host: 'fixture-agency.amocrm.ru' },
    adminUserId: 7001,
    purpose: 'marketing',
    state: 'refused',
    method: 'popup',
    policy: POLICY,
    extensionVersion: '0.1.0',
    ...overrides,
  };
}

export interface ChainSpec {
  id: string;
  timestamp: string;
  host: string;
  accountId: number;
  purpose: ConsentPurpose;
  state: ConsentState;
}

/** Events chained in the order given, each hashed over the one before it. */
export async function chainEvents(specs: readonly ChainSpec[]): Promise<LedgerEvent[]> {
  const events: LedgerEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (const spec of specs) {
    const unhashed: UnhashedEvent = {
      id: spec.id,
      timestamp: spec.timestamp,
      account: { id: spec.accountId, host: spec.host },
      host: spec.host,
      adminUserId: 7001,
      purpose: spec.purpose,
      state: spec.state,
      method: 'panel',
      policy: POLICY,
      extensionVersion: '0.1.0',
      prevHash,
    };
    const event = { ...unhashed, hash: await hashEvent(unhashed) };
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}

/** A well-formed chain of `n` events, `stepMs` apart (negative: timestamps run backwards). */
export async function buildChain(
  n: number,
  start = Date.UTC(2026, 10, 25, 6, 30),
  stepMs = 60_000,
): Promise<LedgerEvent[]> {
  const purposes = ['marketing', 'improvements', 'third_party_combination'] as const;
  const states = ['given', 'refused', 'withdrawn'] as const;
  return chainEvents(
    Array.from({ length: n }, (_, i) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      timestamp: new Date(start + i * stepMs).toISOString().replace('Z', '+00:00'),
      host: `fixture-${i % 7}.amocrm.ru`,
      accountId: 31000000 + (i % 7),
      purpose: purposes[i % 3]!,
      state: states[i % 3]!,
    })),
  );
}

/** Records one choice through the ledger's one write path, `appendConsents`, as the background does. */
export async function recordOne(db: PrivacyDb, input: ConsentInput): Promise<LedgerEvent> {
  const [event] = await appendConsents(db, [input]);
  if (!event) throw new Error('appendConsents kept nothing');
  return event;
}
