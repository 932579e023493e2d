import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PAGE_REPORT_EVERY_MS, wantsPageReport } from '@/lib/attribution/evidence';
import { readEvidence, readMarks, recordEvidence } from '@/lib/store/evidence';
import { recordAccountSeen } from '@/lib/store/accounts';
import { createHandlers } from '@/lib/background/handlers';
import type { OutboxRunner } from '@/lib/background/outbox-runner';
import { db, resetDbForTests } from '@/lib/store/db';

const HOST = 'real-1.amocrm.ru';
const content = { kind: 'content' as const, tabId: 7 };
const page = { kind: 'page' as const, tabId: undefined };
const report = (widgets: unknown[]): string => JSON.stringify({ lang: 'ru', widgets });

function setup() {
  // Ingroup's endpoint is unreachable: the bundled catalog (demo codes) is all there is.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
  const outbox: OutboxRunner = {
    run: vi.fn(async () => ({ sent: 0, retried: 0, failed: 0, nextDueAt: null })),
    regimeOf: async () => 'ru152',
  };
  return createHandlers({ browser: fakeBrowser, db: db(), now: () => 1_000, outbox });
}

describe('evidence from the account’s pages', () => {
  beforeEach(async () => {
    await resetDbForTests();
    await recordAccountSeen(db(), HOST, 1);
    await db().accounts.update(HOST, { installed: ['ig_autodocs', 'other_vendor'], ingroupCount: 0 });
  });

  it('recounts the launcher from a page’s declared contacts and traffic, without asking amoCRM', async () => {
    const handlers = setup();
    const declared = [
      { code: 'ig_autodocs', name: 'Автодокументы', supportEmail: 'support@ingru.ru', supportLink: null },
      { code: 'other_vendor', name: null, supportEmail: 'help@othervendor.example', supportLink: null },
    ];
    const traffic = [
      { url: 'https://hooks.ingru.ru/w/ig_autodocs/init.js?account_id=1', at: 5 },
      { url: 'https://cdn.othervendor.example/x', at: 6 },
    ];
    await expect(
      handlers['page/evidence']({ type: 'page/evidence', host: HOST, report: report(declared), traffic }, content),
    ).resolves.toEqual({ ingroupCount: 1 });
    const kept = await readEvidence(db(), HOST);
    expect(kept?.declared.map((w) => w.code)).toEqual(['ig_autodocs', 'other_vendor']);
    expect(kept?.observed.map((o) => [o.host, o.count])).toEqual([['hooks.ingru.ru', 1]]);
  });

  it('keeps the last widget list when a report cannot be read, and skips entries that cannot', async () => {
    const handlers = setup();
    await handlers['page/evidence'](
      {
        type: 'page/evidence',
        host: HOST,
        report: report([
          { code: 'ig_autodocs', name: null, supportEmail: 'support@ingru.ru', supportLink: null },
          { code: 42 },
        ]),
        traffic: [],
      },
      content,
    );
    await handlers['page/evidence']({ type: 'page/evidence', host: HOST, report: '{not json', traffic: [] }, content);
    await handlers['page/evidence'](
      { type: 'page/evidence', host: HOST, report: JSON.stringify({ widgets: 'nope' }), traffic: [] },
      content,
    );
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

describe('which page loads pass on the page’s widget list', () => {
  const seen = async (at: number): Promise<unknown> => {
    const outbox: OutboxRunner = {
      run: vi.fn(async () => ({ sent: 0, retried: 0, failed: 0, nextDueAt: null })),
      regimeOf: async () => 'ru152',
    };
    const handlers = createHandlers({ browser: fakeBrowser, db: db(), now: () => at, outbox });
    // No tab: the count comes from what is kept, with no amoCRM read.
    return handlers['page/seen']({ type: 'page/seen', host: HOST }, page);
  };

  beforeEach(async () => {
    await resetDbForTests();
  });

  it('asks for it on an account never reported, not again within PAGE_REPORT_EVERY_MS, and again after', async () => {
    await expect(seen(1_000)).resolves.toMatchObject({ report: true });
    await recordEvidence(db(), HOST, [], [], 1_000);
    await expect(seen(1_000 + PAGE_REPORT_EVERY_MS - 1)).resolves.toMatchObject({ report: false });
    await expect(seen(1_000 + PAGE_REPORT_EVERY_MS)).resolves.toMatchObject({ report: true });
  });

  it('asks for it when only traffic was ever recorded, or the list kept is dated later than now (a clock put back)', async () => {
    await recordEvidence(db(), HOST, null, [{ url: 'https://hooks.ingru.ru/x', at: 5 }], 1_000);
    await expect(seen(2_000)).resolves.toMatchObject({ report: true });
    await recordEvidence(db(), HOST, [], [], 50_000);
    await expect(seen(2_000)).resolves.toMatchObject({ report: true });
    expect(wantsPageReport({ declaredAt: 50_000 }, 50_001)).toBe(false);
  });
});
