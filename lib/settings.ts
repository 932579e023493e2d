/** Settings kept in the `settings` table, each parsed by its own schema when read. */
import { DEFAULT_ENDPOINT_BASE } from './manifest';
import { checkEndpointBase } from './requests/endpoint-base';
import type { PrivacyDb } from './store/db';
import { readSetting } from './store/settings';

export const ENDPOINT_BASE_KEY = 'endpointBase';

/** A stored endpoint override, checked again as read: the override when valid, else the build's default. */
export function parseEndpointBase(value: unknown): string {
  const checked = typeof value === 'string' ? checkEndpointBase(value) : null;
  return checked?.ok ? checked.base : DEFAULT_ENDPOINT_BASE;
}

/** Ingroup's endpoint: the Options override when set and valid (checked again as read), else the build's default. */
export async function readEndpointBase(db: Pick<PrivacyDb, 'settings'>): Promise<string> {
  return parseEndpointBase(await readSetting(db, ENDPOINT_BASE_KEY));
}
