/** The ledger's export file: the whole chain, in chain order, without local `seq` numbers. */
import { z } from 'zod/mini';
import { ZonedTimestamp } from './event';

export const LEDGER_FILE_FORMAT = 'ingroup-privacy-ledger';
export const LEDGER_FILE_VERSION = 1;

/** The envelope; events are parsed one by one on import so a bad one can be named by index. */
export const LedgerFileEnvelope = z.object({
  format: z.literal(LEDGER_FILE_FORMAT),
  version: z.literal(LEDGER_FILE_VERSION),
  exportedAt: ZonedTimestamp,
  events: z.array(z.unknown()),
});
