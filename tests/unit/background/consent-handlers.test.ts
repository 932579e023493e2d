import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { saveSnapshot } from '@/lib/store/snapshots';
import {
  recordChoice,
  recordChoiceForAll,
  sendMarketingInForce,
  type SendMarketing,
} from '@/lib/background/consent-handlers';
import type { BackgroundDeps } from '@/lib/background/deps';
import { importLedger } from '@/lib/consent/import';
import { AppError } from '@/lib/errors';
import { errorText } from '@/lib/i18n/errors';
import type { MessageOf } from '@/lib/messages';
import { recordAccountSeen, updateAccount } from '@/lib/store/accounts';
import { ledgerFileJson } from '@/lib/consent/export';
import { allEvents, currentChoices } from '@/lib/consent/ledger';
import { verifyLedger } from '@/lib/consent/verify';
import { db, resetDbForTests } from '@/lib/store/db';
import { POLICY_VERSION } from '@/lib/policy/version';
import { fixtureSnapshot } from '../amocrm/fixtures';

const ctx = { kind: 'page' as const, tabId: undefined };
const HOST = 'fixture-agency.amocrm.ru';

const snapshot = fixtureSnapshot();

/** What the consent functions are told to do with a marketing choice: here, noted (or refused) instead of queued. */
type MarketingChange = (host: string, state: string) => Promise<void>;

function depsFor(): BackgroundDeps {
  const outbox = {
    run: vi.fn(async () => ({ sent: 0, retried: 0, failed: 0, nextDueAt: null })),
    regimeOf: async () => 'ru152' as const,
  };
  return { browser: fakeBrowser, db: db(), now: () => Date.now(), outbox };
}

/** The consent lines of the background's handler map, with Ingroup told through `onMarketingChange`. */
function setup(onMarketingChange?: MarketingChange, sendMarketing?: SendMarketing) {
  const deps = depsFor();
  const send: SendMarketing =
    sendMarketing ??
    (async (host, state) => {
      await onMarketingChange?.(host, state);
      return 'request-id';
    });
  return {
    'consent/record': (message: MessageOf<'consent/record'>, _ctx: typeof ctx) => recordChoice(deps, message, send),
    'consent/record-all': (message: MessageOf<'consent/record-all'>, _ctx: typeof ctx) =>
      recordChoiceForAll(deps, message, send),
    'consent/send-marketing': (message: MessageOf<'consent/send-marketing'>, _ctx: typeof ctx) =>
      sendMarketingInForce(deps, message.host, send),
    'ledger/import': (message: MessageOf<'ledger/import'>, _ctx: typeof ctx) =>
      importLedger(deps.db, message.text, deps.now()),
  };
}

const record = (
  purpose: 'marketing' | 'improvements' | 'third_party_combination',
  state: 'given' | 'refused',
  host = HOST,
) => ({ type: 'consent/record', host, purpose, state, method: 'panel' }) as const;

describe('consent handlers (the ledger’s only writer)', () => {
  beforeEach(async () => {
    await resetDbForTests();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '1.4.2' });
  });

  it('records who chose what, under which policy and with which extension version', async () => {
    await recordAccountSeen(db(), HOST, 1);
    await saveSnapshot(db(), snapshot);
    const { id } = await setup()['consent/record'](record('improvements', 'refused'), ctx);
    const [event] = await allEvents(db());
    expect(event).toMatchObject({
      id,
      account: { id: 31000001, host: HOST },
      adminUserId: 7001,
      purpose: 'improvements',
      state: 'refused',
      method: 'panel',
      policy: POLICY_VERSION,
      extensionVersion: '1.4.2',
    });
  });

  it.each([
    ['no snapshot and no account id', {}, { id: null, admin: null }],
    ['the account id from the launcher, no admin profile yet', { accountId: 31000002 }, { id: 31000002, admin: null }],
  ])('records a choice with %s', async (_name, patch, expected) => {
    await recordAccountSeen(db(), HOST, 1);
    await updateAccount(db(), HOST, patch);
    await setup()['consent/record'](record('marketing', 'refused'), ctx);
    const [event] = await allEvents(db());
    expect([event?.account.id, event?.adminUserId]).toEqual([expected.id, expected.admin]);
  });

  it('tells Ingroup, when asked from Options, the marketing choice in force — an imported one is only recorded', async () => {
    await recordAccountSeen(db(), HOST, 1);
    const sent: Array<[string, string]> = [];
    const handlers = setup(undefined, async (host, state) => {
      sent.push([host, state]);
      return 'request-id';
    });
    const message = { type: 'consent/send-marketing', host: HOST } as const;
    await expect(handlers['consent/send-marketing'](message, ctx)).rejects.toMatchObject({
      code: 'consent/no_choice',
      params: { host: HOST },
    });
    await handlers['consent/record'](record('marketing', 'refused'), ctx);
    await expect(handlers['consent/send-marketing'](message, ctx)).resolves.toEqual({ id: 'request-id' });
    // Once as the choice is recorded, once more when asked.
    expect(sent).toEqual([
      [HOST, 'refused'],
      [HOST, 'refused'],
    ]);
  });

  it('tells Ingroup about marketing choices only', async () => {
    await recordAccountSeen(db(), HOST, 1);
    const onMarketing = vi.fn<MarketingChange>(async () => undefined);
    const handlers = setup(onMarketing);
    await handlers['consent/record'](record('marketing', 'refused'), ctx);
    await handlers['consent/record'](record('improvements', 'refused'), ctx);
    await handlers['consent/record'](record('third_party_combination', 'given'), ctx);
    expect(onMarketing.mock.calls).toEqual([[HOST, 'refused']]);
    const choices = await currentChoices(db(), HOST);
    expect([choices.marketing?.state, choices.improvements?.state, choices.third_party_combination?.state]).toEqual([
      'refused',
      'refused',
      'given',
    ]);
  });

  it('refuses a choice for an account the extension has never seen, in words, writing nothing', async () => {
    const attempt = setup()['consent/record'](record('marketing', 'refused', 'ghost.amocrm.ru'), ctx);
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: 'account/unknown', params: { host: 'ghost.amocrm.ru' } });
    // Worded in the UI's language, with what to do next.
    const error = await attempt.catch((e: unknown) => e);
    expect(errorText(error, 'ru')).toMatch(/ghost\.amocrm\.ru .*Откройте аккаунт в amoCRM один раз/);
    expect(errorText(error, 'en')).toMatch(/ghost\.amocrm\.ru .*Open the account in amoCRM once/);
    expect(await db().ledger.count()).toBe(0);
  });

  it('opts every account out at once, in one intact chain, and tells Ingroup for each', async () => {
    const hosts = ['a.amocrm.ru', 'b.kommo.com', 'c.amocrm.com'];
    for (const host of hosts) await recordAccountSeen(db(), host, 1);
    const onMarketing = vi.fn<MarketingChange>(async () => undefined);
    const reply = await setup(onMarketing)['consent/record-all'](
      { type: 'consent/record-all', state: 'refused', method: 'popup' },
      ctx,
    );
    expect(reply.count).toBe(3);
    expect(onMarketing.mock.calls.map(([host]) => host).sort()).toEqual(hosts);
    const events = await allEvents(db());
    expect(events.map((e) => [e.host, e.purpose, e.state, e.method]).sort()).toEqual(
      hosts.map((h) => [h, 'marketing', 'refused', 'popup']),
    );
    await expect(verifyLedger(db())).resolves.toMatchObject({ ok: true, count: 3 });
  });

  it('keeps the choice and tells the other accounts when one request to Ingroup cannot be queued, then says which', async () => {
    for (const host of ['a.amocrm.ru', 'b.amocrm.ru', 'c.amocrm.ru']) await recordAccountSeen(db(), host, 1);
    const told: string[] = [];
    const onMarketing: MarketingChange = async (host) => {
      if (host === 'b.amocrm.ru') throw new Error('the outbox is full');
      told.push(host);
    };
    const attempt = setup(onMarketing)['consent/record-all'](
      { type: 'consent/record-all', state: 'refused', method: 'popup' },
      ctx,
    );
    await expect(attempt).rejects.toMatchObject({ code: 'consent/not_told', params: { hosts: 'b.amocrm.ru' } });
    // The log keeps what went wrong underneath; the UI says which account, in its language.
    await expect(attempt).rejects.toThrow(/recorded in the consent ledger.*b\.amocrm\.ru \(the outbox is full\)/);
    expect(errorText(await attempt.catch((e: unknown) => e), 'ru')).toMatch(/Выбор записан.*b\.amocrm\.ru/);
    expect(told.sort()).toEqual(['a.amocrm.ru', 'c.amocrm.ru']);
    expect(await db().ledger.count()).toBe(3);
  });

  it('records nothing for all accounts when none has been seen', async () => {
    const reply = await setup()['consent/record-all'](
      { type: 'consent/record-all', state: 'refused', method: 'popup' },
      ctx,
    );
    expect(reply.count).toBe(0);
    expect(await db().ledger.count()).toBe(0);
  });

  it('imports a ledger export once: the second import finds only duplicates', async () => {
    await recordAccountSeen(db(), HOST, 1);
    await setup()['consent/record'](record('marketing', 'refused'), ctx);
    const file = ledgerFileJson(await allEvents(db()));
    await resetDbForTests();
    const handlers = setup();
    await expect(handlers['ledger/import']({ type: 'ledger/import', text: file }, ctx)).resolves.toEqual({
      added: 1,
      duplicates: 0,
      rejected: [],
    });
    await expect(handlers['ledger/import']({ type: 'ledger/import', text: file }, ctx)).resolves.toEqual({
      added: 0,
      duplicates: 1,
      rejected: [],
    });
  });
});
