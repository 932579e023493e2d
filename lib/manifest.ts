/**
 * The manifest, as data: permissions are held to DESIGN §8 by tests/unit/manifest.test.ts
 * and by the e2e check of the built manifest.
 */
export const AMOCRM_MATCHES = ['https://*.amocrm.ru/*', 'https://*.amocrm.com/*', 'https://*.kommo.com/*'] as const;

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
  content_scripts: Array<{
    matches: string[];
    exclude_matches: string[];
    js: string[];
    run_at: 'document_idle';
    world?: 'MAIN';
  }>;
  browser_specific_settings?: {
    gecko: {
      id: string;
      strict_min_version: string;
      data_collection_permissions: { required: string[]; optional?: string[] };
    };
  };
}

/** amoCRM's own sites on the same domains: never an account, so the launcher stays off them. */
export const NOT_ACCOUNT_MATCHES = [
  'https://www.amocrm.ru/*',
  'https://www.amocrm.com/*',
  'https://www.kommo.com/*',
  'https://developers.amocrm.ru/*',
  'https://developers.kommo.com/*',
] as const;

/** The content script's file: entrypoints/amocrm-launcher.ts, built by WXT as a plain script. */
export const CONTENT_SCRIPT = 'amocrm-launcher.js';
/** The MAIN-world script that reads the web app's globals, one way: entrypoints/amocrm-page.ts. */
export const PAGE_SCRIPT = 'amocrm-page.js';

export function endpointOrigin(base: string = DEFAULT_ENDPOINT_BASE): string {
  return new URL(base).origin;
}

export function buildManifest(browser: string): ManifestShape {
  const manifest: ManifestShape = {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // No `storage`: everything is in the extension's IndexedDB, which needs no permission.
    permissions: ['alarms', 'notifications'],
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
    // Declared here rather than through WXT's content-script wrapper, which would bring the
    // polyfill and its context onto every amoCRM page load (entrypoints/amocrm-launcher.ts).
    // The MAIN-world script first, so amoCRM's language is marked before the launcher reads it.
    content_scripts: [
      {
        matches: [...AMOCRM_MATCHES],
        exclude_matches: [...NOT_ACCOUNT_MATCHES],
        js: [PAGE_SCRIPT],
        run_at: 'document_idle',
        world: 'MAIN',
      },
      {
        matches: [...AMOCRM_MATCHES],
        exclude_matches: [...NOT_ACCOUNT_MATCHES],
        js: [CONTENT_SCRIPT],
        run_at: 'document_idle',
      },
    ],
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
