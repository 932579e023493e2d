/** An amoCRM account the extension has seen, as stored (kept apart from lib/store/db.ts so pages that do not open the database stay free of Dexie). */
import { z } from 'zod/mini';
import { RegimeSchema } from './vocabulary';

export const AccountRowSchema = z.object({
  /** `<sub>.amocrm.ru` etc.: the key everything else hangs off. */
  host: z.string(),
  subdomain: z.string(),
  accountId: z.optional(z.int()),
  name: z.optional(z.string()),
  /** User-set; absent means the domain's default (regimeOf in lib/vocabulary.ts). */
  regime: z.optional(RegimeSchema),
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
  /** When the launcher's cached widgets read last ran (DESIGN §9: ≤ 1 per 10 minutes). */
  widgetsReadAt: z.optional(z.number()),
  /** Installed Ingroup widgets found by that read; absent until known. */
  ingroupCount: z.optional(z.int()),
  /** The codes of the widgets installed at that read, so new evidence can recount without asking amoCRM. */
  installed: z.optional(z.array(z.string())),
});
export type AccountRow = z.infer<typeof AccountRowSchema>;
