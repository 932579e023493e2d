import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// DESIGN §8, held against what the builds actually ship.
const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv3'].filter((dir) => existsSync(`${dir}/manifest.json`));

describe('the built manifest', () => {
  it('exists for Chrome', () => {
    expect(BUILDS).toContain('.output/chrome-mv3');
  });

  it.each(BUILDS)('%s asks only for storage, alarms, notifications, the amoCRM hosts and the endpoint', (dir) => {
    const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as Record<string, unknown>;
    expect([...(manifest.permissions as string[])].sort()).toEqual(['alarms', 'notifications', 'storage']);
    expect(manifest.host_permissions).toEqual(['https://*.amocrm.ru/*', 'https://*.amocrm.com/*', 'https://*.kommo.com/*', 'https://api.ingru.ru/*']);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    const contentMatches = (manifest.content_scripts as Array<{ matches: string[] }>).flatMap((c) => c.matches).sort();
    expect(contentMatches).toEqual(['https://*.amocrm.com/*', 'https://*.amocrm.ru/*', 'https://*.kommo.com/*']);
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|"tabs"|"scripting"|"cookies"|"webRequest|"debugger"|externally_connectable/);
  });

  it.each(BUILDS)('%s ships the one content script it declares, without the polyfill or WXT’s context', (dir) => {
    const manifest = JSON.parse(readFileSync(`${dir}/manifest.json`, 'utf8')) as { content_scripts: Array<{ js: string[] }> };
    const files = manifest.content_scripts.flatMap((c) => c.js);
    expect(files).toEqual(['amocrm-launcher.js']);
    const code = readFileSync(`${dir}/${files[0]}`, 'utf8');
    // The polyfill's and the context's own words: either one on every amoCRM page load would cost the page milliseconds (DESIGN §9).
    expect(code).not.toMatch(/mozWebExtensionPolyfill|wxt:content-script-started|wxt:locationchange/);
  });
});
