/**
 * DESIGN §8: the background reads an account only through a tab that shows it, keeps nothing of a
 * read whose tab moved to another account, and never files one account's answers under another.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { browser as Browser } from 'wxt/browser';
import { readSnapshot } from '@/lib/store/snapshots';
import { refreshSnapshot } from '@/lib/background/snapshot';
import { db, resetDbForTests } from '@/lib/store/db';
import { createFakeAccount, ACCOUNT_ID } from '../amocrm/fake-amocrm';

const HOST = 'fixture.amocrm.ru';

/** A tab whose address can change under the read, answering amo/fetch from whatever it shows. */
function fakeTab(initial: string) {
  const account = createFakeAccount({ widgets: 3 });
  const tab = { url: initial, moveAfterCalls: Infinity, calls: 0, answeredFrom: (): string => new URL(tab.url).origin };
  const browser = {
    tabs: {
      get: vi.fn(async () => ({ id: 7, url: tab.url })),
      sendMessage: vi.fn(async (_id: number, message: { path: string }) => {
        tab.calls += 1;
        if (tab.calls > tab.moveAfterCalls) tab.url = 'https://other.amocrm.ru/leads';
        return { ...(await account.transport(message.path)), origin: tab.answeredFrom() };
      }),
    },
  };
  return { tab, deps: { browser: browser as unknown as typeof Browser, db: db(), now: () => 1_000 } };
}

beforeEach(async () => {
  await resetDbForTests();
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response('', { status: 503 })),
  );
});

describe('reading an account through its tab', () => {
  it('keeps the read of a tab that showed the account throughout (the control)', async () => {
    const { deps } = fakeTab(`https://${HOST}/leads`);
    await refreshSnapshot(deps, HOST, 7, true);
    expect((await readSnapshot(db(), HOST))?.account.id).toBe(ACCOUNT_ID);
  });

  it('drops a read whose tab moved to another account part way, keeping nothing of either', async () => {
    const { tab, deps } = fakeTab(`https://${HOST}/leads`);
    tab.moveAfterCalls = 1;
    await expect(refreshSnapshot(deps, HOST, 7, true)).rejects.toMatchObject({ cause: { code: 'account/wrong_tab' } });
    expect(await readSnapshot(db(), HOST)).toBeUndefined();
    expect(await readSnapshot(db(), 'other.amocrm.ru')).toBeUndefined();
  });

  it('drops a read whose tab moved after its last answer', async () => {
    const { tab, deps } = fakeTab(`https://${HOST}/leads`);
    deps.browser.tabs.get = vi
      .fn()
      .mockResolvedValueOnce({ id: 7, url: tab.url })
      .mockResolvedValue({ id: 7, url: 'https://other.amocrm.ru/leads' }) as typeof deps.browser.tabs.get;
    await expect(refreshSnapshot(deps, HOST, 7, true)).rejects.toMatchObject({ code: 'account/wrong_tab' });
    expect(await readSnapshot(db(), HOST)).toBeUndefined();
  });

  it('refuses answers that came from another origin than the account asked about', async () => {
    const { tab, deps } = fakeTab(`https://${HOST}/leads`);
    tab.answeredFrom = () => 'https://elsewhere.example';
    await expect(refreshSnapshot(deps, HOST, 7, true)).rejects.toMatchObject({ cause: { code: 'account/wrong_tab' } });
    expect(await readSnapshot(db(), HOST)).toBeUndefined();
  });

  it('refuses an account whose subdomain is not the host’s, or whose id is not the one this host had', async () => {
    const other = 'another.amocrm.ru';
    const { deps } = fakeTab(`https://${other}/leads`);
    // The fake account calls itself "fixture": asked as another.amocrm.ru, it is the wrong account.
    await expect(refreshSnapshot(deps, other, 7, true)).rejects.toMatchObject({ code: 'account/wrong_account' });
    expect(await readSnapshot(db(), other)).toBeUndefined();

    const same = fakeTab(`https://${HOST}/leads`);
    await db().accounts.put({
      host: HOST,
      subdomain: 'fixture',
      accountId: ACCOUNT_ID + 1,
      firstSeenAt: 0,
      lastSeenAt: 0,
    });
    await expect(refreshSnapshot(same.deps, HOST, 7, true)).rejects.toMatchObject({ code: 'account/wrong_account' });
    await db().accounts.update(HOST, { accountId: ACCOUNT_ID });
    await expect(refreshSnapshot(same.deps, HOST, 7, true)).resolves.toMatchObject({ host: HOST });
  });
});
