/**
 * Writing and reading the consent ledger. The background is the ledger's single writer; within
 * one context, appends are still serialised through a promise queue, because hashing (WebCrypto)
 * awaits cannot run inside a Dexie transaction. The transaction itself re-checks that the head
 * of the chain has not moved since hashing, and the append is retried if it has. The same
 * transaction keeps the table of choices in force (./choices.ts) up to date.
 */
import { z } from 'zod/mini';
import type { PrivacyDb } from '../store/db';
import { AppError } from '../errors';
import { hashEvent } from './chain';
import { followLedger } from '../store/ledger';
import {
  CONSENT_PURPOSES,
  ConsentPurpose,
  ConsentState,
  PolicyVersionSchema,
  type ConsentMethod,
  type PolicyVersion,
} from '../vocabulary';
import { GENESIS_HASH, LedgerEventSchema, zonedTimestamp, type LedgerEvent, type UnhashedEvent } from './event';

export interface ConsentInput {
  account: { id: number | null; host: string };
  adminUserId: number | null;
  purpose: ConsentPurpose;
  state: ConsentState;
  method: ConsentMethod;
  policy: PolicyVersion;
  extensionVersion: string;
  /** Zoned ISO 8601; defaults to now in the local zone. */
  timestamp?: string;
  importedFrom?: LedgerEvent['importedFrom'];
}

export class LedgerWriteFailed extends AppError {
  constructor(message: string) {
    super('ledger/write_failed', message);
    this.name = 'LedgerWriteFailed';
  }
}

class HeadMoved extends Error {}

const MAX_ATTEMPTS = 5;
let queue: Promise<unknown> = Promise.resolve();

function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function chainOnto(prevHash: string, inputs: readonly ConsentInput[]): Promise<LedgerEvent[]> {
  const events: LedgerEvent[] = [];
  let prev = prevHash;
  for (const input of inputs) {
    const unhashed: UnhashedEvent = {
      id: crypto.randomUUID(),
      timestamp: input.timestamp ?? zonedTimestamp(new Date()),
      account: { id: input.account.id, host: input.account.host },
      host: input.account.host,
      adminUserId: input.adminUserId,
      purpose: input.purpose,
      state: input.state,
      method: input.method,
      policy: { effectiveDate: input.policy.effectiveDate, sha256: input.policy.sha256 },
      extensionVersion: input.extensionVersion,
      ...(input.importedFrom ? { importedFrom: input.importedFrom } : {}),
      prevHash: prev,
    };
    const event = LedgerEventSchema.parse({ ...unhashed, hash: await hashEvent(unhashed) });
    events.push(event);
    prev = event.hash;
  }
  return events;
}

/** Append several events as one atomic step, in the order given; an empty batch stores nothing. */
export function appendConsents(db: PrivacyDb, inputs: readonly ConsentInput[]): Promise<LedgerEvent[]> {
  return serialised(async () => {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      // Stryker disable next-line StringLiteral: Dexie orders by the primary key for an empty index name, and `seq` is the ledger's primary key (lib/store/db.ts)
      const head = (await db.ledger.orderBy('seq').last())?.hash ?? GENESIS_HASH;
      const events = await chainOnto(head, inputs);
      try {
        return await db.transaction('rw', db.ledger, db.choices, async () => {
          // Stryker disable next-line StringLiteral: Dexie orders by the primary key for an empty index name, and `seq` is the ledger's primary key (lib/store/db.ts)
          const current = (await db.ledger.orderBy('seq').last())?.hash ?? GENESIS_HASH;
          if (current !== head) throw new HeadMoved();
          const keys = await db.ledger.bulkAdd(events, { allKeys: true });
          // bulkAdd with allKeys gives one key per event, in order.
          // eslint-disable-next-line @typescript-eslint/no-non-null-assertion
          const stored = events.map((event, i) => ({ ...event, seq: keys[i]! }));
          await followLedger(db.choices, stored);
          return stored;
        });
      } catch (error) {
        if (!(error instanceof HeadMoved)) throw error;
      }
    }
    throw new LedgerWriteFailed(
      'The consent ledger kept changing while this choice was being recorded; nothing was written. Try again.',
    );
  });
}

export const CurrentChoiceSchema = z.object({
  state: ConsentState,
  /** The event's zoned timestamp. */
  at: z.string(),
  policy: PolicyVersionSchema,
  eventId: z.string(),
});
export type CurrentChoice = z.infer<typeof CurrentChoiceSchema>;

export const CurrentChoicesSchema = z.record(ConsentPurpose, z.nullable(CurrentChoiceSchema));
export type CurrentChoices = z.infer<typeof CurrentChoicesSchema>;

/**
 * The choice in force per purpose for an account: the latest event of each [host+purpose], read
 * from the table the ledger's writes keep (./choices.ts) — three rows, however long the history.
 * A choice made here follows ledger order; an imported one counts only if it is newer than the
 * choice it would replace (./choices.ts `takesOver`). `null`: no choice recorded.
 */
export async function currentChoices(db: PrivacyDb, host: string): Promise<CurrentChoices> {
  const rows = await db.choices.bulkGet(CONSENT_PURPOSES.map((purpose): [string, ConsentPurpose] => [host, purpose]));
  const entries = CONSENT_PURPOSES.map((purpose, i): [ConsentPurpose, CurrentChoice | null] => {
    const row = rows[i];
    return [purpose, row ? { state: row.state, at: row.timestamp, policy: row.policy, eventId: row.eventId } : null];
  });
  return Object.fromEntries(entries) as CurrentChoices;
}

/** An account's events, oldest first (ledger order). */
export function history(db: PrivacyDb, host: string): Promise<LedgerEvent[]> {
  return db.ledger.where('host').equals(host).toArray();
}

/** The whole ledger in chain order. */
export function allEvents(db: PrivacyDb): Promise<LedgerEvent[]> {
  // Stryker disable next-line StringLiteral: Dexie orders by the primary key for an empty index name, and `seq` is the ledger's primary key (lib/store/db.ts)
  return db.ledger.orderBy('seq').toArray();
}
