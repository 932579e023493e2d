/** The evidence and marks tables: the only code that reads or writes them. */
import type { PrivacyDb } from './db';
import {
  EvidenceRowSchema,
  mergeTraffic,
  readPageWidgets,
  type EvidenceRow,
  type PageWidget,
  type TrafficHit,
} from '../attribution/evidence';
import { readMarkRows, type MarkRow, type MarkValue } from '../attribution/marks';

type Store = Pick<PrivacyDb, 'evidence' | 'marks' | 'transaction'>;

export async function readEvidence(db: Pick<PrivacyDb, 'evidence'>, host: string): Promise<EvidenceRow | null> {
  const parsed = EvidenceRowSchema.safeParse(await db.evidence.get(host));
  return parsed.success ? parsed.data : null;
}

export async function readMarks(db: Pick<PrivacyDb, 'marks'>, host: string): Promise<MarkRow[]> {
  return readMarkRows(await db.marks.where('host').equals(host).toArray());
}

export async function allMarks(db: Pick<PrivacyDb, 'marks'>): Promise<MarkRow[]> {
  return readMarkRows(await db.marks.toArray());
}

/**
 * Records what one page showed: its widget list replaces the last one (when the page gave one),
 * its requests to Ingroup's hosts add to those observed before.
 */
export async function recordEvidence(
  db: Store,
  host: string,
  widgets: PageWidget[] | null,
  traffic: readonly TrafficHit[],
  now: number,
): Promise<EvidenceRow> {
  return db.transaction('rw', db.evidence, async () => {
    const before = await readEvidence(db, host);
    const row: EvidenceRow = {
      host,
      declared: widgets ?? before?.declared ?? [],
      declaredAt: widgets ? now : (before?.declaredAt ?? null),
      observed: mergeTraffic(before?.observed ?? [], traffic),
    };
    await db.evidence.put(EvidenceRowSchema.parse(row));
    return row;
  });
}

/** Sets the administrator's mark on a widget, or removes it (`null`). */
export async function setMark(
  db: Pick<PrivacyDb, 'marks'>,
  host: string,
  code: string,
  mark: MarkValue | null,
  now: number,
): Promise<void> {
  if (mark === null) await db.marks.delete([host, code]);
  else await db.marks.put({ host, code, mark, at: now });
}

export { readPageWidgets };
