/**
 * The extension's one database, in the extension origin only (DESIGN §2): never open it from a
 * content script, whose IndexedDB is the amoCRM page's own.
 *
 * Rows are typed by the schemas of their domain; rows read back after a migration are parsed again.
 */
import Dexie, { type EntityTable } from 'dexie';
import { z } from 'zod/mini';
import type { Snapshot } from '../amocrm/snapshot-schema';
import type { EvidenceRow } from '../attribution/evidence';
import type { MarkRow } from '../attribution/marks';
import { CatalogCacheRowSchema, type CatalogCacheRow } from '../catalog/schema';
import { LIVENESS_KEY, livenessFromHistory } from '../requests/liveness';
import { deriveStatus, isFinal } from '../requests/record';
import { latestChoices, type ChoiceRow, type StoredEvent } from '../consent/choices';
import type { LedgerEvent } from '../consent/event';
import type { RequestRecord } from '../requests/record';

export { AccountRowSchema, type AccountRow } from '../account';
import type { AccountRow } from '../account';
import type { ConsentPurpose } from '../vocabulary';

export const SettingRowSchema = z.object({ key: z.string(), value: z.unknown() });
export type SettingRow = z.infer<typeof SettingRowSchema>;

/** The schema of each version, oldest first: kept so tests can open a database as an older release left it. */
export const SCHEMA_V1 = {
  accounts: '&host, lastSeenAt',
  snapshots: '&host',
  catalog: '&key',
  ledger: '++seq, &id, host, [host+purpose]',
  requests: '&id, host, createdAt, outboxDueAt, pollDueAt',
  settings: '&key',
} as const;

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  requests: '&id, host, createdAt, outboxDueAt, pollDueAt, [host+createdAt]',
} as const;

export const SCHEMA_V4_ADDED = {
  evidence: '&host',
  marks: '[host+code], host',
} as const;

export const SCHEMA_V5 = {
  ...SCHEMA_V2,
  requests: '&id, host, createdAt, outboxDueAt, pollDueAt, [host+createdAt], openSince',
} as const;

/** The choice in force per [host+purpose] (lib/consent/choices.ts), kept in step by lib/store/ledger.ts. */
export type ChoiceTable = Dexie.Table<ChoiceRow, [string, ConsentPurpose]>;

export class PrivacyDb extends Dexie {
  accounts!: EntityTable<AccountRow, 'host'>;
  snapshots!: EntityTable<Snapshot, 'host'>;
  catalog!: EntityTable<CatalogCacheRow, 'key'>;
  ledger!: EntityTable<LedgerEvent, 'seq'>;
  choices!: ChoiceTable;
  requests!: EntityTable<RequestRecord, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  evidence!: EntityTable<EvidenceRow, 'host'>;
  marks!: Dexie.Table<MarkRow, [string, string]>;

  constructor(name = 'ingroup-privacy') {
    super(name);
    // ledger — append-only: `seq` orders the hash chain; `id` is the event id; [host+purpose]
    // lists one choice's history (the choice in force is read from `choices` since v3).
    // requests — `outboxDueAt` / `pollDueAt` are set only while there is work, so those indexes
    // hold just the pending rows.
    this.version(1).stores(SCHEMA_V1);
    // v2: an account's requests newest first straight from an index (the panel lists them on
    // every change), instead of sorting them in memory. No row changes shape.
    this.version(2).stores({ requests: SCHEMA_V2.requests });
    // v3: the choice in force per [host+purpose] (lib/consent/choices.ts), so the popup reads every
    // account's marketing choice through `purpose` instead of walking the ledger. Derived: written
    // only in the ledger's own transactions; filled here once from the ledger as it stands.
    this.version(3)
      .stores({ choices: '[host+purpose], purpose' })
      .upgrade(async (tx) => {
        const events = (await tx.table('ledger').toArray()) as StoredEvent[];
        await tx.table('choices').bulkPut(latestChoices(events));
      });
    // v4: which widgets are Ingroup's from evidence (lib/attribution/): what the account's pages
    // showed (declared vendor contacts, traffic to Ingroup's hosts), and the administrator's own
    // marks, one per [host+code]. New tables only; no row changes shape.
    this.version(4).stores(SCHEMA_V4_ADDED);
    // v5 (issue 13): `openSince`, kept only while a request is open (not completed or rejected),
    // so the popup counts failed and emailed requests too and the badge reads only open ones.
    // Filled here for every request not yet closed; and what the data kept so far proves of the
    // endpoint (a cached catalog, a receipt) becomes its liveness record (lib/requests/liveness.ts).
    this.version(5)
      .stores({ requests: SCHEMA_V5.requests })
      .upgrade(async (tx) => {
        const receipts: Array<{ origin: string; at: number }> = [];
        await tx
          .table('requests')
          .toCollection()
          .modify((row: RequestRecord) => {
            const events = Array.isArray(row.events) ? row.events : [];
            if (!isFinal(deriveStatus({ events, createdAt: row.createdAt }).status)) row.openSince = row.createdAt;
            const at = row.receipt ? Date.parse(row.receipt.receivedAt) : NaN;
            if (row.endpointOrigin && !Number.isNaN(at)) receipts.push({ origin: row.endpointOrigin, at });
          });
        const catalog = CatalogCacheRowSchema.safeParse(await tx.table('catalog').get('endpoint'));
        const liveness = livenessFromHistory(catalog.success ? catalog.data : undefined, receipts);
        if (Object.keys(liveness).length) await tx.table('settings').put({ key: LIVENESS_KEY, value: liveness });
      });
  }
}

let instance: PrivacyDb | undefined;

/** The database, opened once per extension context. */
export function db(): PrivacyDb {
  instance ??= new PrivacyDb();
  return instance;
}

/** For tests: drop the shared instance so the next `db()` opens afresh. */
export async function resetDbForTests(): Promise<void> {
  if (instance) {
    await instance.delete();
    instance = undefined;
  }
}
