/**
 * The host permissions the extension cannot work without — the manifest's `host_permissions`:
 * amoCRM's three domains and Ingroup's endpoint. Firefox (MV3) lets the admin decline or withdraw
 * each of them (about:addons › Permissions, or per site from the extensions button), and Chromium's
 * "site access" can hold them back too; the popup and the panel notice and ask again, on a click.
 */
import { AMOCRM_MATCHES, endpointOrigin } from '../manifest';

export const REQUIRED_ORIGINS: readonly string[] = [...AMOCRM_MATCHES, `${endpointOrigin()}/*`];

export interface PermissionsLike {
  contains(permissions: { origins: string[] }): Promise<boolean>;
}

/** The required origins not granted now, in the manifest's order: each is asked about alone. */
export async function missingOrigins(
  permissions: PermissionsLike,
  origins: readonly string[] = REQUIRED_ORIGINS,
): Promise<string[]> {
  const held = await Promise.all(origins.map((origin) => permissions.contains({ origins: [origin] })));
  return origins.filter((_, i) => !held[i]);
}

/** Missing origins split by what they cost the admin: amoCRM pages, or the endpoint. */
export function accessLoss(missing: readonly string[]): { amocrm: string[]; endpoint: string[] } {
  const amocrm = missing.filter((origin) => (AMOCRM_MATCHES as readonly string[]).includes(origin));
  return { amocrm, endpoint: missing.filter((origin) => !amocrm.includes(origin)) };
}

/** An origin pattern as an admin reads it: `https://*.amocrm.ru/*` → `*.amocrm.ru`. */
export function patternHost(pattern: string): string {
  return pattern.replace(/^https:\/\//, '').replace(/\/\*$/, '');
}
