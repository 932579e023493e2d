/**
 * The administrator's own word on a widget: "Ingroup's" or "not Ingroup's" (DESIGN §5). Kept
 * locally (Dexie `marks`), shown as the administrator's, and exported with the ledger.
 */
import { z } from 'zod/mini';

export const MarkValue = z.enum(['ingroup', 'not_ingroup']);
export type MarkValue = z.infer<typeof MarkValue>;

export const MarkRowSchema = z.object({
  host: z.string(),
  code: z.string().check(z.minLength(1), z.maxLength(200)),
  mark: MarkValue,
  /** When the administrator set it. */
  at: z.number(),
});
export type MarkRow = z.infer<typeof MarkRowSchema>;

/** Rows read back from storage, parsed again: one that no longer parses is left out. */
export function readMarkRows(rows: readonly unknown[]): MarkRow[] {
  return rows.flatMap((row) => {
    const parsed = MarkRowSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The marks as they go into an export: one entry per account and widget, oldest first. */
export function marksForExport(
  rows: readonly MarkRow[],
): Array<{ host: string; widget: string; mark: MarkValue; markedAt: string }> {
  return [...rows]
    .sort((a, b) => a.at - b.at)
    .map((r) => ({ host: r.host, widget: r.code, mark: r.mark, markedAt: new Date(r.at).toISOString() }));
}

/**
 * A ledger export with the administrator's marks beside the events (`widgetMarks`): kept apart from
 * the hash chain, which covers consent events only; an import of the file ignores them.
 */
export function withWidgetMarks<T extends object>(file: T, rows: readonly MarkRow[]): string {
  return `${JSON.stringify({ ...file, widgetMarks: marksForExport(rows) }, null, 2)}\n`;
}
