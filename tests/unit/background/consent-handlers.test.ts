import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { browser as Browser } from 'wxt/browser';
import { consentHandlers } from '@/lib/background/consent-handlers';
import { recordAccountSeen } from '@/lib/background/accounts';
import { currentChoices, verifyLedger } from '@/lib/consent/ledger';
import { db, resetDbForTests } from '@/lib/db';

describe('consent handlers (the ledger’s only writer)', () => {
  beforeEach(async () => {
    await resetDbForTests();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '0.1.0' });
  });
  const deps = () => ({ browser: fakeBrowser as unknown as typeof Browser, db: db(), now: () => Date.now() });

  it('records a choice for a known account and tells Ingroup about marketing', async () => {
    await recordAccountSeen(db(), 'demo.amocrm.ru', 1);
    const onMarketing = vi.fn(async () => undefined);
    const handlers = consentHandlers(deps(), onMarketing);
    await handlers['consent/record']({ type: 'consent/record', host: 'demo.amocrm.ru', purpose: 'marketing', state: 'refused', method: 'popup' }, { kind: 'page', tabId: undefined });
    await handlers['consent/record']({ type: 'consent/record', host: 'demo.amocrm.ru', purpose: 'improvements', state: 'refused', method: 'panel' }, { kind: 'page', tabId: undefined });
    expect(onMarketing).toHaveBeenCalledTimes(1);
    expect(onMarketing).toHaveBeenCalledWith('demo.amocrm.ru', 'refused');
    const choices = await currentChoices(db(), 'demo.amocrm.ru');
    expect([choices.marketing?.state, choices.improvements?.state, choices.third_party_combination]).toEqual(['refused', 'refused', null]);
  });

  it('refuses a choice for an account the extension has never seen', async () => {
    const handlers = consentHandlers(deps());
    await expect(
      handlers['consent/record']({ type: 'consent/record', host: 'ghost.amocrm.ru', purpose: 'marketing', state: 'refused', method: 'popup' }, { kind: 'page', tabId: undefined }),
    ).rejects.toThrow(/has not been seen/);
    expect(await db().ledger.count()).toBe(0);
  });

  it('opts every account out at once, in one intact chain', async () => {
    for (const host of ['a.amocrm.ru', 'b.kommo.com', 'c.amocrm.com']) await recordAccountSeen(db(), host, 1);
    const onMarketing = vi.fn(async () => undefined);
    const reply = await consentHandlers(deps(), onMarketing)['consent/record-all']({ type: 'consent/record-all', state: 'refused', method: 'popup' }, { kind: 'page', tabId: undefined });
    expect(reply.count).toBe(3);
    expect(onMarketing).toHaveBeenCalledTimes(3);
    await expect(verifyLedger(db())).resolves.toMatchObject({ ok: true, count: 3 });
  });
});
