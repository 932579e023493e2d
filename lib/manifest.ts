/**
 * The manifest, as data: permissions are held to DESIGN §8 by tests/unit/manifest.test.ts
 * and by the e2e check of the built manifest.
 */
export const AMOCRM_MATCHES = [
  'https://*.amocrm.ru/*',
  'https://*.amocrm.com/*',
  'https://*.kommo.com/*',
] as const;

/** Contract v1 default (DESIGN §7); a build can override it with WXT_ENDPOINT_BASE. */
export const DEFAULT_ENDPOINT_BASE = 'https://api.ingru.ru/privacy/v1';

export const GECKO_ID = 'privacy-amocrm@ingru.ru';

export interface ManifestShape {
  name: string;
  description: string;
  default_locale: string;
  permissions: string[];
  host_permissions: string[];
  optional_host_permissions: string[];
  web_accessible_resources: Array<{ resources: string[]; matches: string[]; use_dynamic_url?: boolean }>;
  action: { default_title: string };
  browser_specific_settings?: {
    gecko: {
      id: string;
      strict_min_version: string;
      data_collection_permissions: { required: string[]; optional?: string[] };
    };
  };
}

export function endpointOrigin(base: string = DEFAULT_ENDPOINT_BASE): string {
  return new URL(base).origin;
}

export function buildManifest(browser: string): ManifestShape {
  const manifest: ManifestShape = {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: [...AMOCRM_MATCHES, `${endpointOrigin()}/*`],
    // A custom endpoint origin chosen in Options is requested at runtime.
    optional_host_permissions: ['https://*/*'],
    web_accessible_resources: [
      {
        resources: ['panel.html'],
        matches: [...AMOCRM_MATCHES],
        // Chrome only: Firefox rejects the key in MV3 validation warnings.
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    action: { default_title: '__MSG_extName__' },
  };
  if (browser === 'firefox') {
    manifest.browser_specific_settings = {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '140.0',
        // PII leaves the browser only in a request the admin sends to Ingroup (DESIGN §8).
        data_collection_permissions: { required: ['personallyIdentifyingInfo'] },
      },
    };
  }
  return manifest;
}
