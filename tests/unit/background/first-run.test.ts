import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openFirstRunOnInstall } from '@/lib/background/first-run';
import { PrivacyDb } from '@/lib/store/db';

type Reason = 'install' | 'chrome_update';

describe('the first-run page', () => {
  let db: PrivacyDb;
  beforeEach(() => {
    fakeBrowser.reset();
    db = new PrivacyDb(`first-run-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  async function installed(reasons: Reason[]): Promise<string[]> {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    openFirstRunOnInstall(fakeBrowser, db, () => 1);
    for (const reason of reasons) {
      await fakeBrowser.runtime.onInstalled.trigger({ reason });
      await vi.waitFor(() => db.settings.get('firstRunShownAt'));
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    return create.mock.calls.map(([props]) => props.url ?? '');
  }

  it('opens once on install', async () => {
    await expect(installed(['install'])).resolves.toEqual([expect.stringMatching(/\/welcome\.html$/)]);
  });

  it('does not open on an update or a browser update', async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    openFirstRunOnInstall(fakeBrowser, db, () => 1);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(create).not.toHaveBeenCalled();
  });

  it('opens only once per profile when the browser reports an install at every start (a command-line extension)', async () => {
    await expect(installed(['install', 'install', 'install'])).resolves.toHaveLength(1);
  });
});
