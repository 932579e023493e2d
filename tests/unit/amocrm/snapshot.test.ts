import { afterEach, describe, expect, it } from 'vitest';
import { amoPaths, createAmoClient, type AmoClient } from '@/lib/amocrm/client';
import { AmoError } from '@/lib/amocrm/errors';
import { createLimiter } from '@/lib/amocrm/limiter';
import { SnapshotSchema, buildSnapshot, isStale, type Snapshot } from '@/lib/amocrm/snapshot';
import { readSnapshot, saveSnapshot } from '@/lib/store/snapshots';
import { PrivacyDb } from '@/lib/store/db';
import type { AmoFetchReply } from '@/lib/messages';
import { FakeClock } from './fake-clock';
import { ACCOUNT_ID, ADMIN_ID, createFakeAccount, problem, tooMany, type FakeAccountOptions } from './fake-amocrm';

const HOST = 'fixture.amocrm.ru';
const NOW = Date.parse('2025-03-01T12:00:00Z');

function setup(opts: FakeAccountOptions = {}): {
  client: AmoClient;
  clock: FakeClock;
  requests: ReturnType<typeof createFakeAccount>['requests'];
} {
  const clock = new FakeClock();
  const account = createFakeAccount({ now: () => clock.now(), ...opts });
  const client = createAmoClient({
    transport: account.transport,
    limiter: createLimiter({ now: clock.now, sleep: clock.sleep }),
    key: HOST,
  });
  return { client, clock, requests: account.requests };
}

describe('buildSnapshot', () => {
  it('reads a 1,000-user, 300-widget account cold in 5 amoCRM calls', async () => {
    const { client, clock, requests } = setup({ users: 1000, widgets: 300 });
    await clock.run(buildSnapshot(client, HOST, NOW));
    expect(client.calls).toBe(5);
    expect(requests.map((r) => r.path).sort()).toEqual(
      [
        amoPaths.account(),
        amoPaths.user(ADMIN_ID),
        amoPaths.userCount(),
        amoPaths.widgets(1),
        amoPaths.widgets(2),
      ].sort(),
    );
    expect(requests[0]?.path).toBe(amoPaths.account());
  });

  it('holds the values Ingroup says it collects: account, administrator, user count', async () => {
    const { client, clock } = setup({ users: 1000, widgets: 300 });
    const snapshot = await clock.run(buildSnapshot(client, HOST, NOW));
    expect(snapshot).toMatchObject({
      host: HOST,
      fetchedAt: NOW,
      account: { id: ACCOUNT_ID, name: 'Fixture LLC', subdomain: 'fixture', country: 'RU' },
      admin: {
        id: ADMIN_ID,
        name: 'Fixture Admin',
        email: `user${ADMIN_ID}@fixture.example`,
        phone: '+7 900 000-00-01',
        isAdmin: true,
      },
      adminUnavailable: null,
      userCount: 1000,
      widgetTotal: 300,
    });
  });

  it('keeps only the installed widgets, with version as text and rating as a number', async () => {
    const { client, clock } = setup({ widgets: 300, installedEvery: 25 });
    const snapshot = await clock.run(buildSnapshot(client, HOST, NOW));
    expect(snapshot.widgets.map((w) => w.code)).toEqual(
      Array.from({ length: 12 }, (_, i) => `fixture_widget_${(i + 1) * 25}`),
    );
    // The fixture cycles ratings "2,8", 4, null, "4,75" by n % 4 and gives odd widgets a numeric version.
    expect(snapshot.widgets[0]).toEqual({ id: 100_025, code: 'fixture_widget_25', version: '25', rating: 4 });
    expect(snapshot.widgets[1]).toEqual({ id: 100_050, code: 'fixture_widget_50', version: '1.50.0', rating: null });
    expect(snapshot.widgets[3]).toEqual({ id: 100_100, code: 'fixture_widget_100', version: '1.100.0', rating: 2.8 });
  });

  it('shows a non-administrator the account and widgets, without the profile or user count', async () => {
    const { client, clock } = setup({ admin: false, widgets: 300 });
    const snapshot = await clock.run(buildSnapshot(client, HOST, NOW));
    expect(snapshot).toMatchObject({
      admin: null,
      adminUnavailable: 'not_admin',
      userCount: null,
      widgetTotal: 300,
      account: { id: ACCOUNT_ID },
    });
    expect(snapshot.widgets).toHaveLength(12);
    expect(client.calls).toBeLessThanOrEqual(5);
  });

  it('reads an account with no widgets at all (204)', async () => {
    const { client, clock } = setup({ widgets: 0 });
    const snapshot = await clock.run(buildSnapshot(client, HOST, NOW));
    expect(snapshot).toMatchObject({ widgets: [], widgetTotal: 0 });
    expect(client.calls).toBe(4);
  });

  it.each([
    amoPaths.account(),
    amoPaths.user(ADMIN_ID),
    amoPaths.userCount(),
    amoPaths.widgets(1),
    amoPaths.widgets(2),
  ])('fails as signed out when %s answers 401', async (failing) => {
    const { client, clock } = setup({ fault: (path) => (path === failing ? problem(401, 'Unauthorized') : undefined) });
    const err = await clock.run(buildSnapshot(client, HOST, NOW)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AmoError);
    expect((err as AmoError).kind).toBe('signed_out');
  });

  it.each<{ failing: string; reply: AmoFetchReply; kind: string }>([
    { failing: amoPaths.account(), reply: problem(403, 'Forbidden'), kind: 'account_unreadable' },
    {
      failing: amoPaths.account(),
      reply: problem(403, 'Forbidden', {
        detail: 'Access to this account is prohibited from your IP address',
        error_code: 113,
      }),
      kind: 'ip_restricted',
    },
    { failing: amoPaths.widgets(1), reply: problem(500, 'Internal Server Error'), kind: 'server' },
    { failing: amoPaths.userCount(), reply: problem(502, 'Bad Gateway'), kind: 'server' },
    { failing: amoPaths.widgets(2), reply: tooMany('1'), kind: 'rate_limited' },
  ])('fails loudly with $kind when $failing fails', async ({ failing, reply, kind }) => {
    const { client, clock } = setup({ fault: (path) => (path === failing ? reply : undefined) });
    const err = await clock.run(buildSnapshot(client, HOST, NOW)).catch((e: unknown) => e);
    expect((err as AmoError).kind).toBe(kind);
  });

  it('counts a retried 429 among its calls', async () => {
    const { client, clock } = setup({
      fault: (path, n) => (path === amoPaths.widgets(1) && n === 0 ? tooMany('1') : undefined),
    });
    await clock.run(buildSnapshot(client, HOST, NOW));
    expect(client.calls).toBe(6);
  });
});

describe('isStale', () => {
  const snapshot = { fetchedAt: NOW } as Snapshot;
  it.each([
    { age: 0, maxAgeMs: undefined, stale: false },
    { age: 9 * 60_000, maxAgeMs: undefined, stale: false },
    { age: 10 * 60_000 - 1, maxAgeMs: undefined, stale: false },
    { age: 10 * 60_000, maxAgeMs: undefined, stale: true },
    { age: 60 * 60_000, maxAgeMs: undefined, stale: true },
    { age: 30_000, maxAgeMs: 20_000, stale: true },
    { age: -60_000, maxAgeMs: undefined, stale: true },
  ])('a snapshot $age ms old with max age $maxAgeMs is stale: $stale', ({ age, maxAgeMs, stale }) => {
    expect(isStale(snapshot, NOW + age, maxAgeMs)).toBe(stale);
  });
});

describe('stored snapshots', () => {
  let db: PrivacyDb | undefined;
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });

  async function built(): Promise<Snapshot> {
    const { client, clock } = setup({ widgets: 300 });
    return clock.run(buildSnapshot(client, HOST, NOW));
  }

  it('reads back the snapshot it saved', async () => {
    db = new PrivacyDb('snapshot-roundtrip');
    const snapshot = await built();
    await saveSnapshot(db, snapshot);
    expect(await readSnapshot(db, HOST)).toEqual(snapshot);
    expect(await readSnapshot(db, 'other.amocrm.ru')).toBeUndefined();
  });

  it('reads a row kept before apiCalls and installed were dropped, without them', async () => {
    db = new PrivacyDb('snapshot-older-row');
    const snapshot = await built();
    const older = { ...snapshot, apiCalls: 5, widgets: snapshot.widgets.map((w) => ({ ...w, installed: true })) };
    await db.snapshots.put(older);
    const read = await readSnapshot(db, HOST);
    expect(read).toEqual(snapshot);
    expect(read).not.toHaveProperty('apiCalls');
    expect(read?.widgets[0]).not.toHaveProperty('installed');
  });

  it('keeps neither the call count nor a constant installed flag in what it stores', async () => {
    db = new PrivacyDb('snapshot-lean-row');
    await saveSnapshot(db, await built());
    const row = await db.snapshots.get(HOST);
    expect(row).not.toHaveProperty('apiCalls');
    expect(row?.widgets[0]).not.toHaveProperty('installed');
  });

  it('treats a row that no longer parses as absent', async () => {
    db = new PrivacyDb('snapshot-old-row');
    const old = { host: HOST, fetchedAt: NOW, account: { id: 1 }, widgets: 'three' };
    await db.snapshots.put(old as unknown as Snapshot);
    expect(await readSnapshot(db, HOST)).toBeUndefined();
  });

  it('refuses to save a snapshot that does not match its schema', async () => {
    db = new PrivacyDb('snapshot-bad-save');
    const bad = { ...(await built()), userCount: -1 };
    await expect(saveSnapshot(db, bad)).rejects.toThrow();
    expect(await db.snapshots.count()).toBe(0);
  });

  it('has a schema that accepts what buildSnapshot makes', async () => {
    expect(SnapshotSchema.safeParse(await built()).success).toBe(true);
  });
});
