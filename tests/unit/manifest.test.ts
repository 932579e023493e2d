import { describe, expect, it } from 'vitest';
import { AMOCRM_MATCHES, buildManifest } from '@/lib/manifest';

// DESIGN §8: alarms, notifications (storage is unused: IndexedDB needs no permission); the three amoCRM patterns and the endpoint — nothing else.
describe('the manifest asks for no more than it needs', () => {
  it.each(['chrome', 'firefox'])('%s: permissions and host permissions', (browser) => {
    const manifest = buildManifest(browser);
    expect(manifest.permissions.sort()).toEqual(['alarms', 'notifications']);
    expect(manifest.host_permissions).toEqual([...AMOCRM_MATCHES, 'https://api.ingru.ru/*']);
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|"tabs"|"scripting"|"cookies"|"webRequest/);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    expect(manifest.web_accessible_resources).toEqual([
      {
        resources: ['panel.html'],
        matches: [...AMOCRM_MATCHES],
        ...(browser === 'chrome' ? { use_dynamic_url: true } : {}),
      },
    ]);
  });

  it('declares Firefox data collection truthfully', () => {
    const gecko = buildManifest('firefox').browser_specific_settings?.gecko;
    expect(gecko?.id).toMatch(/@/);
    expect(gecko?.data_collection_permissions.required).toEqual(['personallyIdentifyingInfo']);
  });
});
