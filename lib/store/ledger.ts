/**
 * The consent ledger's table of choices in force (lib/consent/choices.ts): written only inside the
 * ledger's own transactions (lib/consent/ledger.ts), read by the popup through `purpose`.
 */
import { ChoiceRowSchema, choiceOf, inForce, takesOver, type ChoiceRow, type StoredEvent } from '../consent/choices';
import type { ChoiceTable, PrivacyDb } from './db';
import { parsedRows } from './rows';
import type { ConsentPurpose } from '../vocabulary';

/**
 * Brings the table up to date with events just added to the ledger. Call it inside the
 * transaction that added them: a choice made here replaces the row; an imported one only an older
 * row, so an older choice brought in by an import never hides a newer one (`takesOver`).
 */
export async function followLedger(table: ChoiceTable, added: readonly StoredEvent[]): Promise<void> {
  const candidates = inForce(added);
  if (candidates.length === 0) return;
  const existing = await table.bulkGet(candidates.map((c): [string, ConsentPurpose] => [c.host, c.purpose]));
  const newer = candidates.filter((candidate, i) => {
    const known = existing[i];
    return !known || takesOver(candidate, known);
  });
  if (newer.length) await table.bulkPut(newer.map(choiceOf));
}

/** Every account's choice in force for one purpose, through the `purpose` index. */
export async function choicesFor(db: Pick<PrivacyDb, 'choices'>, purpose: ConsentPurpose): Promise<ChoiceRow[]> {
  return parsedRows(ChoiceRowSchema, await db.choices.where('purpose').equals(purpose).toArray());
}
