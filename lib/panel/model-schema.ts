/**
 * Everything the panel shows for one account. Served to the panel by the background
 * (lib/panel/feed.ts) and parsed again on arrival; loaded from the database by lib/store/queries.ts `panelModel`.
 */
import { z } from 'zod/mini';
import { AccountRowSchema } from '../account';
import { SnapshotSchema } from '../amocrm/snapshot-schema';
import { EvidenceRowSchema } from '../attribution/evidence';
import { MarkRowSchema } from '../attribution/marks';
import { CatalogSchema, CatalogSource } from '../catalog/schema';
import { LedgerEventSchema } from '../consent/event';
import { CurrentChoicesSchema } from '../consent/ledger';
import { EndpointLivenessSchema } from '../requests/liveness';
import { RequestRecordSchema } from '../requests/record';

export const PanelModelSchema = z.object({
  host: z.string(),
  account: z.nullable(AccountRowSchema),
  snapshot: z.nullable(SnapshotSchema),
  /** The choice in force per purpose, derived from the ledger's last event. */
  choices: CurrentChoicesSchema,
  /** This account's consent events, oldest first. */
  consentHistory: z.array(LedgerEventSchema),
  /** This account's requests, newest first. */
  requests: z.array(RequestRecordSchema),
  /** The catalog that says which widgets are Ingroup's, and where it came from. */
  catalog: z.object({ catalog: CatalogSchema, source: CatalogSource, fetchedAt: z.nullable(z.number()) }),
  /** What the account's pages showed: declared vendor contacts, traffic to Ingroup's hosts. */
  evidence: z.nullable(EvidenceRowSchema),
  /** The administrator's own marks on this account's widgets. */
  marks: z.array(MarkRowSchema),
  /** Ingroup's endpoint in force, and whether it has ever answered this browser. */
  endpoint: EndpointLivenessSchema,
});
export type PanelModel = z.infer<typeof PanelModelSchema>;
