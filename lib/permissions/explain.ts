/**
 * Why the extension asks for each permission in its manifest, for the first-run page (issue 16).
 * Read from the manifest the browser actually loaded, so a permission added without a reason
 * shows up as unexplained here and fails tests/unit/permissions/explain.test.ts.
 */
import { AMOCRM_MATCHES, type ManifestShape } from '../manifest';

export type PermissionReason = 'alarms' | 'notifications' | 'amocrm' | 'endpoint' | 'custom_endpoint' | 'unexplained';

export interface ExplainedPermission {
  /** As the manifest writes it: `alarms`, `https://*.amocrm.ru/*`… */
  permission: string;
  /** Asked at install, or only when the administrator sets a custom endpoint in Options. */
  when: 'install' | 'on_demand';
  reason: PermissionReason;
}

const AMOCRM: ReadonlySet<string> = new Set(AMOCRM_MATCHES);

function reasonFor(permission: string, optional: boolean): PermissionReason {
  if (permission === 'alarms' || permission === 'notifications') return permission;
  if (AMOCRM.has(permission)) return 'amocrm';
  if (optional && permission === 'https://*/*') return 'custom_endpoint';
  // The endpoint's origin (a build setting, https://api.ingru.ru by default): one https host, whole.
  if (!optional && /^https:\/\/[a-z0-9.-]+\/\*$/.test(permission) && !permission.includes('*.')) return 'endpoint';
  return 'unexplained';
}

type Declared = Partial<Pick<ManifestShape, 'permissions' | 'host_permissions' | 'optional_host_permissions'>> & {
  optional_permissions?: string[];
};

export function explainPermissions(manifest: Declared): ExplainedPermission[] {
  const install = [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])];
  const later = [...(manifest.optional_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
  return [
    ...install.map((permission) => ({ permission, when: 'install' as const, reason: reasonFor(permission, false) })),
    ...later.map((permission) => ({ permission, when: 'on_demand' as const, reason: reasonFor(permission, true) })),
  ];
}
