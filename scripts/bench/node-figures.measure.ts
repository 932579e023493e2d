/**
 * The benchmark's Node figures, with the product's own modules (run by scripts/bench.mjs through
 * scripts/bench/vitest.config.ts, never by `npm test`):
 *
 * - ledger: verifyChain over a 10,000-event chain (first run, and the median of the next runs);
 * - outbox: drain 1,000 queued requests through the local endpoint's `throttle` fault — counted
 *   lost and duplicated, on an injected clock (backoff waits cost nothing, the logic is the same);
 * - the agency-scale seed for the popup and options figures: 200 accounts, 2,000 requests,
 *   20,000 chained ledger events and the choices in force they leave, written as JSON for the
 *   browser part to load into IndexedDB.
 *
 * Writes BENCH_NODE_OUT (default artifacts/bench/node.json) and BENCH_SEED_OUT (artifacts/bench/seed.json).
 */
import 'fake-indexeddb/auto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hashEventSync } from '@/lib/consent/chain';
import { verifyChain } from '@/lib/consent/verify';
import { latestChoices, type StoredEvent } from '@/lib/consent/choices';
import { GENESIS_HASH, type LedgerEvent, type UnhashedEvent } from '@/lib/consent/event';
import type { AccountRow } from '@/lib/store/db';
import { PrivacyDb } from '@/lib/store/db';
import { drain, enqueue, type OutboxDeps } from '@/lib/requests/outbox';
import type { RequestRecord } from '@/lib/requests/record';
import type { RequestBody } from '@/lib/requests/types';
import { startEndpoint, type RunningEndpoint } from '../../tests/support/endpoint-server.mjs';

const NODE_OUT = process.env.BENCH_NODE_OUT ?? 'artifacts/bench/node.json';
const SEED_OUT = process.env.BENCH_SEED_OUT ?? 'artifacts/bench/seed.json';
const POLICY = {
  effectiveDate: '2022-01-20',
  sha256: '798bbae77da8aa56e178355f301f576cf58522a3576f63124604e15ec86abafb',
};
const START = Date.parse('2026-03-02T09:00:00Z');
const PURPOSES = ['marketing', 'improvements', 'third_party_combination'] as const;
const STATES = ['given', 'refused', 'withdrawn'] as const;

const figures: Record<string, unknown> = {};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const hostOf = (i: number): string => `bench-agency-${String(i).padStart(3, '0')}.amocrm.ru`;
const uuid = (prefix: number, i: number): string =>
  `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** A whole chain of `n` events over `accounts` accounts, one minute apart. */
function buildChain(n: number, accounts: number): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < n; i++) {
    const host = hostOf(i % accounts);
    const unhashed: UnhashedEvent = {
      id: uuid(1, i),
      timestamp: new Date(START + i * 60_000).toISOString().replace('Z', '+00:00'),
      account: { id: 30_000_000 + (i % accounts), host },
      host,
      adminUserId: 7_000_000 + (i % accounts),
      purpose: PURPOSES[i % 3]!,
      state: STATES[Math.floor(i / 3) % 3]!,
      method: i % 2 ? 'panel' : 'popup',
      policy: POLICY,
      extensionVersion: '0.1.0',
      prevHash,
    };
    const event: LedgerEvent = { ...unhashed, hash: hashEventSync(unhashed) };
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}

function body(i: number, accounts = 200): RequestBody {
  const a = i % accounts;
  const host = hostOf(a);
  return {
    id: uuid(2, i),
    type: (['access', 'erasure', 'rectification', 'withdraw_consent', 'marketing_opt_out'] as const)[i % 5]!,
    createdAt: new Date(START + i * 3_600_000).toISOString(),
    locale: i % 3 ? 'ru' : 'en',
    regime: i % 4 ? 'ru152' : 'gdpr',
    account: { id: 30_000_000 + a, subdomain: host.split('.')[0]!, host },
    requester: {
      userId: 7_000_000 + a,
      name: `Администратор ${a}`,
      email: `admin${a}@agency.example`,
      phone: '+7 900 000-00-00',
    },
    widgets: ['ingroup_demo_autotasks', 'ingroup_demo_duplicates'],
    policy: POLICY,
    ledger: { headHash: 'a'.repeat(64), events: i },
    client: { name: 'ingroup-privacy-amocrm', version: '0.1.0' },
  };
}

/** 2,000 requests in every state the lists show: received, in progress, completed, queued, failed, sent by email. */
function seedRequests(n: number): RequestRecord[] {
  return Array.from({ length: n }, (_, i): RequestRecord => {
    const b = body(i);
    const at = Date.parse(b.createdAt);
    const base = { id: b.id, host: b.account.host, type: b.type, body: b, createdAt: at, attempts: 1 };
    const receipt = {
      id: b.id,
      reference: `IG-${String(i).padStart(6, '0')}`,
      status: 'received' as const,
      receivedAt: b.createdAt,
      dueAt: '2026-04-01',
      verification: 'none' as const,
    };
    const received = [
      { at, kind: 'queued' as const },
      { at: at + 1_000, kind: 'sent' as const },
      {
        at: at + 1_000,
        kind: 'received' as const,
        reference: receipt.reference,
        verification: 'none' as const,
        dueAt: '2026-04-01',
      },
    ];
    switch (i % 6) {
      case 0:
        return { ...base, channel: 'endpoint', receipt, events: received, pollDueAt: at + 60_000, polls: 0 };
      case 1:
        return {
          ...base,
          channel: 'endpoint',
          receipt,
          events: [
            ...received,
            { at: at + 86_400_000, kind: 'status', status: 'in_progress', reference: receipt.reference },
          ],
          pollDueAt: at + 120_000,
          polls: 1,
        };
      case 2:
        return {
          ...base,
          channel: 'endpoint',
          receipt,
          events: [
            ...received,
            { at: at + 172_800_000, kind: 'status', status: 'completed', reference: receipt.reference },
          ],
        };
      case 3:
        return { ...base, channel: 'endpoint', attempts: 0, events: [{ at, kind: 'queued' }], outboxDueAt: at };
      case 4:
        return {
          ...base,
          channel: 'endpoint',
          attempts: 10,
          lastError: 'Gave up after 10 attempts.',
          events: [
            { at, kind: 'queued' },
            { at: at + 5_000, kind: 'failed', detail: 'Gave up after 10 attempts.' },
          ],
        };
      default:
        return {
          ...base,
          channel: 'email',
          attempts: 0,
          events: [
            { at, kind: 'queued' },
            { at: at + 60_000, kind: 'email_sent' },
          ],
        };
    }
  });
}

function seedAccounts(n: number): AccountRow[] {
  return Array.from({ length: n }, (_, i) => {
    const host = hostOf(i);
    return {
      host,
      subdomain: host.split('.')[0]!,
      accountId: 30_000_000 + i,
      name: `Клиент агентства №${i}`,
      firstSeenAt: START,
      // Account 0 is the one seen last, so it heads every list.
      lastSeenAt: START + (n - i) * 60_000,
      widgetsReadAt: START,
      ingroupCount: i % 4,
    };
  });
}

let endpoint: RunningEndpoint;
const clock = { t: START };

beforeAll(async () => {
  endpoint = await startEndpoint({ now: () => clock.t, pollsPerStep: 1 });
});
afterAll(async () => {
  await endpoint.close();
  mkdirSync(dirname(NODE_OUT), { recursive: true });
  writeFileSync(NODE_OUT, `${JSON.stringify(figures, null, 2)}\n`);
});

it('verifies a 10,000-event ledger chain', async () => {
  const events = buildChain(10_000, 200);
  const runs: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    const verdict = await verifyChain(events);
    runs.push(performance.now() - t0);
    expect(verdict).toMatchObject({ ok: true, count: 10_000 });
  }
  figures.ledgerVerify = { events: events.length, firstMs: runs[0], medianMs: median(runs.slice(1)), runsMs: runs };
});

it('drains 1,000 queued requests through a rate-limited endpoint, none lost or doubled', async () => {
  const db = new PrivacyDb('bench-outbox');
  const n = 1_000;
  for (let i = 0; i < n; i++) await enqueue(db, { ...body(i), id: crypto.randomUUID() }, 'endpoint', clock.t);
  const perSecond = 20;
  endpoint.setFaults({ throttle: { perSecond, retryAfter: 1 } });
  let seed = 42;
  const deps: OutboxDeps = {
    base: endpoint.base,
    fetch: (url, init) => fetch(url, init),
    now: () => clock.t,
    random: () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    },
    timeoutMs: 5_000,
    concurrency: 4,
  };
  const t0 = performance.now();
  let drains = 0;
  for (; drains < 5_000; drains++) {
    const { nextDueAt } = await drain(db, deps);
    if (nextDueAt === null) break;
    clock.t = Math.max(clock.t, nextDueAt);
  }
  const wallMs = performance.now() - t0;
  const records = await db.requests.toArray();
  const withReceipt = records.filter((r) => r.receipt).length;
  const failed = records.filter((r) => r.events.some((e) => e.kind === 'failed')).length;
  const receivedTwice = records.filter((r) => r.events.filter((e) => e.kind === 'received').length > 1).length;
  const state = endpoint.snapshot() as { distinctIds: number; totalPosts: number; replays: Record<string, number> };
  const replays = Object.values(state.replays).reduce((a, b) => a + b, 0);
  figures.outboxDrain = {
    requests: n,
    throttlePerSecond: perSecond,
    lost: n - Math.min(withReceipt, state.distinctIds),
    duplicated: endpoint.state.sequence - state.distinctIds + receivedTwice,
    failed,
    posts: state.totalPosts,
    rateLimited: state.totalPosts - state.distinctIds - replays,
    replays,
    drains,
    simulatedSeconds: (clock.t - START) / 1000,
    wallMs,
  };
  await db.delete();
});

it('writes the agency-scale seed: 200 accounts, 2,000 requests, 20,000 ledger events', () => {
  // `seq` as IndexedDB would number them in an empty ledger, so the choices in force derived here
  // (by the product's own rule, as its ledger writes keep them) point at the rows as stored.
  const ledger: StoredEvent[] = buildChain(20_000, 200).map((event, i) => ({ ...event, seq: i + 1 }));
  const seed = { accounts: seedAccounts(200), requests: seedRequests(2_000), ledger, choices: latestChoices(ledger) };
  mkdirSync(dirname(SEED_OUT), { recursive: true });
  writeFileSync(SEED_OUT, JSON.stringify(seed));
  figures.seed = {
    file: SEED_OUT,
    accounts: seed.accounts.length,
    requests: seed.requests.length,
    ledger: seed.ledger.length,
    choices: seed.choices.length,
    firstHost: seed.accounts[0]!.host,
  };
});
