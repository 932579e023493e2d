/**
 * What the panel shows about one account, as stored (lib/amocrm/snapshot.ts reads and keeps it).
 * Rows kept by earlier versions also carry `apiCalls` and a widget's `installed: true`, which nothing read:
 * they still parse, and the extra members are dropped on read.
 */
import { z } from 'zod/mini';

export const SnapshotWidgetSchema = z.object({
  id: z.nullable(z.int()),
  code: z.string(),
  version: z.string(),
  rating: z.nullable(z.number()),
});
export type SnapshotWidget = z.infer<typeof SnapshotWidgetSchema>;

export const SnapshotSchema = z.object({
  host: z.string(),
  fetchedAt: z.number(),
  account: z.object({ id: z.int(), name: z.string(), subdomain: z.string(), country: z.nullable(z.string()) }),
  /** The signed-in administrator; null when amoCRM refused the profile (see `adminUnavailable`). */
  admin: z.nullable(
    z.object({ id: z.int(), name: z.string(), email: z.string(), phone: z.nullable(z.string()), isAdmin: z.boolean() }),
  ),
  /** Why `admin` and `userCount` are missing: the signed-in user is not an administrator. */
  adminUnavailable: z.nullable(z.literal('not_admin')),
  userCount: z.nullable(z.int().check(z.nonnegative())),
  /** The widgets installed in the account (`is_active_in_account`), in amoCRM's order. */
  widgets: z.array(SnapshotWidgetSchema),
  /** Every widget amoCRM listed (public, installed and own). */
  widgetTotal: z.int().check(z.nonnegative()),
  /** Entries of amoCRM's widget list that could not be read and were skipped (absent in older rows). */
  widgetsSkipped: z.optional(z.int().check(z.nonnegative())),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;
