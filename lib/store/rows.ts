/** Rows read back from IndexedDB are parsed again (DESIGN §2): a row that no longer parses costs only itself. */

/** Anything with zod's safeParse: every domain schema. */
export interface RowSchema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** Each row parsed with its domain schema; a row that does not parse is left out, never the list. */
export function parsedRows<T>(schema: RowSchema<T>, rows: readonly unknown[]): T[] {
  return rows.flatMap((row) => {
    const parsed = schema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** One row parsed with its domain schema; absent or unreadable is `undefined`. */
export function parsedRow<T>(schema: RowSchema<T>, row: unknown): T | undefined {
  if (row === undefined) return undefined;
  const parsed = schema.safeParse(row);
  return parsed.success ? parsed.data : undefined;
}
