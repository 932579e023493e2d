/** An amoCRM account the extension has seen, as stored (kept apart from lib/db.ts so pages that do not open the database stay free of Dexie). */
import { z } from 'zod';

export const AccountRowSchema = z.object({
  /** `<sub>.amocrm.ru` etc.: the key everything else hangs off. */
  host: z.string(),
  subdomain: z.string(),
  accountId: z.number().int().optional(),
  name: z.string().optional(),
  /** User-set; absent means the domain's default (lib/amocrm/host.ts defaultRegime). */
  regime: z.enum(['ru152', 'gdpr']).optional(),
  firstSeenAt: z.number(),
  lastSeenAt: z.number(),
  /** When the launcher's cached widgets read last ran (DESIGN §9: ≤ 1 per 10 minutes). */
  widgetsReadAt: z.number().optional(),
  /** Installed Ingroup widgets found by that read; absent until known. */
  ingroupCount: z.number().int().optional(),
});
export type AccountRow = z.infer<typeof AccountRowSchema>;
