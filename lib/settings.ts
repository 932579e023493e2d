/** Settings kept in the `settings` table, each parsed by its own schema when read. */
import type { PrivacyDb } from './db';
import { DEFAULT_ENDPOINT_BASE } from './manifest';
import { checkEndpointBase } from './requests/endpoint-base';

/** Ingroup's endpoint: the Options override when set and valid (checked again as read), else the build's default. */
export async function readEndpointBase(db: PrivacyDb): Promise<string> {
  const row = await db.settings.get('endpointBase');
  const checked = typeof row?.value === 'string' ? checkEndpointBase(row.value) : null;
  return checked?.ok ? checked.base : DEFAULT_ENDPOINT_BASE;
}
