/** Settings kept in the `settings` table, each parsed by its own schema when read. */
import { z } from 'zod/mini';
import type { PrivacyDb } from './db';
import { DEFAULT_ENDPOINT_BASE } from './manifest';

const EndpointBase = z.url({ protocol: /^https$/ });

/** Ingroup's endpoint: the Options override when set and valid, else the build's default. */
export async function readEndpointBase(db: PrivacyDb): Promise<string> {
  const row = await db.settings.get('endpointBase');
  const parsed = EndpointBase.safeParse(row?.value);
  return parsed.success ? parsed.data.replace(/\/+$/, '') : DEFAULT_ENDPOINT_BASE;
}
