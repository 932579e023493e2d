import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from '@/lib/catalog/bundled';
import { DEFAULT_ENDPOINT_BASE } from '@/lib/manifest';
import { ATTENTION_KEY, type Attention } from '@/lib/requests/attention';
import { LIVENESS_KEY } from '@/lib/requests/liveness';
import { ENDPOINT_BASE_KEY } from '@/lib/settings';
import { recordAccountSeen } from '@/lib/store/accounts';
import { PrivacyDb } from '@/lib/store/db';
import { recordEvidence, setMark } from '@/lib/store/evidence';
import {
  accountFacts,
  accountLines,
  accounts,
  catalog,
  endpointBase,
  endpointStatus,
  ledgerEvents,
  ledgerHead,
  ledgerVerdict,
  marketingRequests,
  openRequestCount,
  openRequests,
  panelModel,
  unsentChoices,
  widgetMarks,
} from '@/lib/store/queries';
import { writeSetting } from '@/lib/store/settings';
import { saveSnapshot } from '@/lib/store/snapshots';
import { consentInput, recordOne } from '../consent/fixtures';
import { makeBody, makeRecord } from '../requests/fixtures';
import { fixtureSnapshot } from '../amocrm/fixtures';

const d = new PrivacyDb(`queries-${Math.random()}`);
afterAll(() => d.delete());
beforeEach(async () => {
  await Promise.all(d.tables.map((table) => table.clear()));
});

const HOST = 'fixture-agency.amocrm.ru';
const OTHER = 'fixture-other.kommo.com';
const OVERRIDE = 'https://privacy.fixture.example/v1';

const snapshot = fixtureSnapshot();

const attention: Attention = {
  open: 2,
  needYou: 1,
  notGettingThrough: 0,
  failed: 1,
  awaitingEmail: 0,
  overdue: 0,
  dueSoon: 1,
};

/** An open request of `host`, created at `createdAt`. */
function openRequest(host: string, createdAt: number, type: 'access' | 'marketing_opt_out' = 'access') {
  const body = makeBody({ type, account: { id: 31000001, subdomain: host.split('.')[0]!, host } });
  return makeRecord([], { body, createdAt, openSince: createdAt });
}

describe('the panel’s model of one account', () => {
  it('holds everything the store knows of the account, read in one go', async () => {
    const account = await recordAccountSeen(d, HOST, 10);
    await saveSnapshot(d, snapshot);
    const choice = await recordOne(d, consentInput({ state: 'given' }));
    const request = openRequest(HOST, 20);
    await d.requests.bulkAdd([request, openRequest(OTHER, 30)]);
    const evidence = await recordEvidence(d, HOST, [], [], 40);
    await setMark(d, HOST, 'fixture_ingroup_calls', 'ingroup', 50);
    await writeSetting(d, ENDPOINT_BASE_KEY, OVERRIDE);

    const model = await panelModel(d, HOST);
    expect(model).toEqual({
      host: HOST,
      account,
      snapshot,
      choices: {
        marketing: { state: 'given', at: choice.timestamp, policy: choice.policy, eventId: choice.id },
        improvements: null,
        third_party_combination: null,
      },
      consentHistory: [choice],
      requests: [request],
      catalog: { catalog: BUNDLED_CATALOG, source: 'bundled', fetchedAt: null },
      evidence,
      marks: [{ host: HOST, code: 'fixture_ingroup_calls', mark: 'ingroup', at: 50 }],
      endpoint: expect.objectContaining({ base: OVERRIDE, answeredAt: null }),
    });
  });

  it('says null, not missing, for an account never seen and never read from amoCRM', async () => {
    const model = await panelModel(d, HOST);
    expect(model.account).toBeNull();
    expect(model.snapshot).toBeNull();
    expect(model.evidence).toBeNull();
    expect(model.consentHistory).toEqual([]);
  });
});

describe('the accounts list', () => {
  it('lists every account newest first, each with its marketing choice, null where none was made', async () => {
    await recordAccountSeen(d, HOST, 1);
    await recordAccountSeen(d, OTHER, 2);
    await recordAccountSeen(d, 'fixture-third.amocrm.ru', 3);
    await recordOne(d, consentInput({ state: 'refused' }));
    // A choice for another purpose is not the marketing choice.
    await recordOne(d, consentInput({ account: { id: 2, host: OTHER }, purpose: 'improvements', state: 'given' }));
    const lines = await accountLines(d);
    expect(lines.map((l) => [l.account.host, l.marketing])).toEqual([
      ['fixture-third.amocrm.ru', null],
      [OTHER, null],
      [HOST, 'refused'],
    ]);
    expect((await accounts(d)).map((a) => a.host)).toEqual(['fixture-third.amocrm.ru', OTHER, HOST]);
  });

  it('gives one account’s row and its amoCRM snapshot for a request written from Options', async () => {
    const account = await recordAccountSeen(d, HOST, 1);
    await saveSnapshot(d, snapshot);
    expect(await accountFacts(d, HOST)).toEqual({ account, snapshot });
    expect(await accountFacts(d, OTHER)).toEqual({ account: undefined, snapshot: undefined });
  });
});

describe('the open requests', () => {
  it('counts the open requests, with what the badge last counted, and no badge count before the first run', async () => {
    await d.requests.bulkAdd([openRequest(HOST, 1), openRequest(OTHER, 2), makeRecord([], { createdAt: 3 })]);
    expect(await openRequestCount(d)).toBe(2);
    expect(await openRequests(d)).toEqual({ open: 2, attention: null });
    await writeSetting(d, ATTENTION_KEY, attention);
    expect(await openRequests(d)).toEqual({ open: 2, attention });
    await writeSetting(d, ATTENTION_KEY, { open: 'two' });
    expect(await openRequests(d)).toEqual({ open: 2, attention: null });
  });

  it('finds each asked account’s last marketing request, and none when no account is asked about', async () => {
    const optOut = openRequest(HOST, 5, 'marketing_opt_out');
    await d.requests.bulkAdd([optOut, openRequest(OTHER, 6, 'marketing_opt_out')]);
    expect([...(await marketingRequests(d, [HOST]))]).toEqual([[HOST, optOut]]);
    expect(await marketingRequests(d, [])).toEqual(new Map());
  });
});

describe('the endpoint', () => {
  it('is the build’s default until Options sets another, and what is known of it follows the one in force', async () => {
    expect(await endpointBase(d)).toBe(DEFAULT_ENDPOINT_BASE);
    expect(await endpointStatus(d)).toMatchObject({ base: DEFAULT_ENDPOINT_BASE, answeredAt: null });
    await writeSetting(d, ENDPOINT_BASE_KEY, OVERRIDE);
    await writeSetting(d, LIVENESS_KEY, {
      'https://privacy.fixture.example': { answeredAt: 7, answeredVia: 'catalog' },
    });
    expect(await endpointBase(d)).toBe(OVERRIDE);
    expect(await endpointStatus(d)).toEqual({
      base: OVERRIDE,
      origin: 'https://privacy.fixture.example',
      answeredAt: 7,
      answeredVia: 'catalog',
      failedAt: null,
      problem: null,
      httpStatus: null,
    });
  });

  it('offers the bundled catalog while none was fetched', async () => {
    expect(await catalog(d)).toEqual({ catalog: BUNDLED_CATALOG, source: 'bundled', fetchedAt: null });
  });
});

describe('the ledger', () => {
  it('gives its events in chain order, its head and its verdict', async () => {
    const first = await recordOne(d, consentInput({ state: 'given' }));
    const second = await recordOne(d, consentInput({ state: 'refused' }));
    expect(await ledgerEvents(d)).toEqual([first, second]);
    expect(await ledgerHead(d)).toEqual({ headHash: second.hash, at: second.timestamp });
    expect(await ledgerVerdict(d)).toEqual({ ok: true, count: 2, headHash: second.hash });
  });

  it('gives every widget mark for the export, and no unsent choice while nothing was imported', async () => {
    await setMark(d, HOST, 'fixture_ingroup_calls', 'ingroup', 1);
    await setMark(d, OTHER, 'fixture_ingroup_forms', 'not_ingroup', 2);
    expect((await widgetMarks(d)).map((m) => [m.host, m.code, m.mark])).toEqual([
      [HOST, 'fixture_ingroup_calls', 'ingroup'],
      [OTHER, 'fixture_ingroup_forms', 'not_ingroup'],
    ]);
    await recordOne(d, consentInput({ state: 'refused' }));
    expect(await unsentChoices(d)).toEqual([]);
  });
});
