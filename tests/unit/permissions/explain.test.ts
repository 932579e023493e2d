import { describe, expect, it } from 'vitest';
import { buildManifest } from '@/lib/manifest';
import { explainPermissions } from '@/lib/permissions/explain';

describe('the first-run page’s account of permissions', () => {
  it.each(['chrome', 'firefox'])('explains every permission the %s manifest asks for', (browser) => {
    const explained = explainPermissions(buildManifest(browser));
    expect(explained.filter((p) => p.reason === 'unexplained')).toEqual([]);
    expect(explained.map((p) => [p.permission, p.when, p.reason])).toEqual([
      ['alarms', 'install', 'alarms'],
      ['notifications', 'install', 'notifications'],
      ['https://*.amocrm.ru/*', 'install', 'amocrm'],
      ['https://*.amocrm.com/*', 'install', 'amocrm'],
      ['https://*.kommo.com/*', 'install', 'amocrm'],
      ['https://api.ingru.ru/*', 'install', 'endpoint'],
      ['https://*/*', 'on_demand', 'custom_endpoint'],
    ]);
  });

  it('calls a permission it has no reason for unexplained (so a new one cannot slip in silently)', () => {
    expect(
      explainPermissions({ permissions: ['tabs'], host_permissions: ['<all_urls>', 'https://*.example.com/*'] }).map(
        (p) => p.reason,
      ),
    ).toEqual(['unexplained', 'unexplained', 'unexplained']);
  });
});
