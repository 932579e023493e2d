import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { browser as Browser } from 'wxt/browser';
import { readEvidence, readMarks } from '@/lib/attribution/store';
import { recordAccountSeen } from '@/lib/background/accounts';
import { evidenceHandlers } from '@/lib/background/evidence-handlers';
import { db, resetDbForTests } from '@/lib/db';

const HOST = 'real-1.amocrm.ru';
const content = { kind: 'content' as const, tabId: 7 };
const page = { kind: 'page' as const, tabId: undefined };
const report = (widgets: unknown[]): string => JSON.stringify({ lang: 'ru', widgets });

function setup() {
  // Ingroup's endpoint is unreachable: the bundled catalog (demo codes) is all there is.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
  return evidenceHandlers({ browser: fakeBrowser as unknown as typeof Browser, db: db(), now: () => 1_000 });
}

describe('evidence from the account’s pages', () => {
  beforeEach(async () => {
    await resetDbForTests();
    await recordAccountSeen(db(), HOST, 1);
    await db().accounts.update(HOST, { installed: ['ig_autodocs', 'other_vendor'], ingroupCount: 0 });
  });

  it('recounts the launcher from a page’s declared contacts and traffic, without asking amoCRM', async () => {
    const handlers = setup();
    const declared = [{ code: 'ig_autodocs', name: 'Автодокументы', supportEmail: 'support@ingru.ru', supportLink: null }, { code: 'other_vendor', name: null, supportEmail: 'help@othervendor.example', supportLink: null }];
    const traffic = [{ url: 'https://hooks.ingru.ru/w/ig_autodocs/init.js?account_id=1', at: 5 }, { url: 'https://cdn.othervendor.example/x', at: 6 }];
    await expect(handlers['page/evidence']({ type: 'page/evidence', host: HOST, report: report(declared), traffic }, content)).resolves.toEqual({ ingroupCount: 1 });
    const kept = await readEvidence(db(), HOST);
    expect(kept?.declared.map((w) => w.code)).toEqual(['ig_autodocs', 'other_vendor']);
    expect(kept?.observed.map((o) => [o.host, o.count])).toEqual([['hooks.ingru.ru', 1]]);
  });

  it('keeps the last widget list when a report cannot be read, and skips entries that cannot', async () => {
    const handlers = setup();
    await handlers['page/evidence']({ type: 'page/evidence', host: HOST, report: report([{ code: 'ig_autodocs', name: null, supportEmail: 'support@ingru.ru', supportLink: null }, { code: 42 }]), traffic: [] }, content);
    await handlers['page/evidence']({ type: 'page/evidence', host: HOST, report: '{not json', traffic: [] }, content);
    await handlers['page/evidence']({ type: 'page/evidence', host: HOST, report: JSON.stringify({ widgets: 'nope' }), traffic: [] }, content);
    expect((await readEvidence(db(), HOST))?.declared.map((w) => w.code)).toEqual(['ig_autodocs']);
  });

  it('takes the administrator’s mark, recounts at once, and takes it back', async () => {
    const handlers = setup();
    await handlers['widget/mark']({ type: 'widget/mark', host: HOST, code: 'other_vendor', mark: 'ingroup' }, page);
    expect((await db().accounts.get(HOST))?.ingroupCount).toBe(1);
    expect((await readMarks(db(), HOST)).map((m) => [m.code, m.mark])).toEqual([['other_vendor', 'ingroup']]);
    await handlers['widget/mark']({ type: 'widget/mark', host: HOST, code: 'other_vendor', mark: null }, page);
    expect((await db().accounts.get(HOST))?.ingroupCount).toBe(0);
    expect(await readMarks(db(), HOST)).toEqual([]);
  });
});
