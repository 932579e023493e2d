import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// DESIGN §8, held against what the builds actually ship.
// Both are required: a missing Firefox build is a failure to see, not a browser to skip silently
// (`npm test` builds both; alone, run `npm run build && npm run build:firefox` first).
const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv3'];

describe('the built manifest', () => {
  it.each(BUILDS)('exists: %s', (dir) => {
    expect(existsSync(`${dir}/manifest.json`), `${dir} was not built`).toBe(true);
  });

  it.each(BUILDS)(
    '%s ships content scripts in which no page address can turn a part off (the bench’s switches are compiled away)',
    (dir) => {
      for (const file of ['amocrm-launcher.js', 'amocrm-page.js']) {
        const code = readFileSync(`${dir}/${file}`, 'utf8');
        expect(code).toContain('ingroup-privacy');
        expect(code).not.toContain('bench-skip');
      }
    },
  );

  it.each(BUILDS)('%s asks only for alarms, notifications, the amoCRM hosts and the endpoint', (dir) => {
    const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as Record<string, unknown>;
    expect([...(manifest.permissions as string[])].sort()).toEqual(['alarms', 'notifications']);
    expect(manifest.host_permissions).toEqual([
      'https://*.amocrm.ru/*',
      'https://*.amocrm.com/*',
      'https://*.kommo.com/*',
      'https://api.ingru.ru/*',
    ]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    // A custom endpoint is asked for at runtime, https only; nothing else is optional.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    // The panel alone is web-accessible, and only to amoCRM pages (a dynamic URL where Chrome has it).
    const resources = manifest.web_accessible_resources as Array<{
      resources: string[];
      matches: string[];
      use_dynamic_url?: boolean;
    }>;
    expect(resources.map(({ resources: r, matches }) => ({ r, matches }))).toEqual([
      { r: ['panel.html'], matches: ['https://*.amocrm.ru/*', 'https://*.amocrm.com/*', 'https://*.kommo.com/*'] },
    ]);
    expect(resources[0]?.use_dynamic_url).toBe(dir.includes('chrome') ? true : undefined);
    for (const script of manifest.content_scripts as Array<{ matches: string[] }>) {
      expect([...script.matches].sort()).toEqual([
        'https://*.amocrm.com/*',
        'https://*.amocrm.ru/*',
        'https://*.kommo.com/*',
      ]);
    }
    expect(JSON.stringify(manifest)).not.toMatch(
      /<all_urls>|"tabs"|"scripting"|"cookies"|"webRequest|"debugger"|externally_connectable/,
    );
  });

  it.each(BUILDS)(
    '%s ships the two content scripts it declares (the MAIN-world read first), without the polyfill or WXT’s context',
    (dir) => {
      const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as {
        content_scripts: Array<{ js: string[]; world?: string }>;
      };
      expect(manifest.content_scripts.map((c) => [c.js, c.world ?? 'ISOLATED'])).toEqual([
        [['amocrm-page.js'], 'MAIN'],
        [['amocrm-launcher.js'], 'ISOLATED'],
      ]);
      for (const file of manifest.content_scripts.flatMap((c) => c.js)) {
        const code = readFileSync(`${dir}/${file}`, 'utf8');
        // The polyfill's and the context's own words: either one on every amoCRM page load would cost the page milliseconds (DESIGN §9).
        expect(code).not.toMatch(/mozWebExtensionPolyfill|wxt:content-script-started|wxt:locationchange/);
      }
    },
  );
});
