/**
 * Issue 13 in lib: the endpoint's liveness as observed, a request that is not getting through,
 * the email route tracked like the endpoint route (Ingroup's answers as the admin records them),
 * and what counts as open.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetDbForTests } from '@/lib/store/db';
import { answerEvent, AnswerRefused, recordAnswer } from '@/lib/requests/answers';
import { attentionSummary } from '@/lib/requests/attention';
import { hasAnswered, livenessFromHistory } from '@/lib/requests/liveness';
import { readLiveness, recordAnswered, recordFailure } from '@/lib/store/liveness';
import { enqueue, recordEmailSent, requeue } from '@/lib/requests/outbox';
import { deriveStatus, type RequestEvent, type RequestRecord } from '@/lib/requests/record';
import { isNotGettingThrough, requestView } from '@/lib/requests/view';
import { makeBody, makeRecord } from './fixtures';

const BASE = 'https://api.ingru.ru/privacy/v1';
const NOW = Date.parse('2026-11-02T09:00:00Z');

describe('whether Ingroup’s endpoint has ever answered', () => {
  beforeEach(async () => {
    await resetDbForTests();
  });

  it('has not, until an answer in the contract’s shape; a failure alone does not count', async () => {
    expect(hasAnswered(await readLiveness(db(), BASE))).toBe(false);
    await recordFailure(db(), BASE, NOW);
    await recordFailure(db(), BASE, NOW + 1, 503);
    const failing = await readLiveness(db(), BASE);
    expect(failing).toMatchObject({ answeredAt: null, failedAt: NOW + 1, problem: 'http', httpStatus: 503 });
    expect(hasAnswered(failing)).toBe(false);
    await recordAnswered(db(), BASE, 'catalog', NOW + 2);
    expect(await readLiveness(db(), BASE)).toMatchObject({
      answeredAt: NOW + 2,
      answeredVia: 'catalog',
      failedAt: NOW + 1,
    });
  });

  it('is kept per endpoint origin: another endpoint starts unknown', async () => {
    await recordAnswered(db(), BASE, 'request', NOW);
    expect(hasAnswered(await readLiveness(db(), 'https://privacy.example.org/v1'))).toBe(false);
    expect(hasAnswered(await readLiveness(db(), 'https://api.ingru.ru/other/path'))).toBe(true);
  });

  it('drops the HTTP status when the next failure is no connection at all', async () => {
    await recordFailure(db(), BASE, NOW, 503);
    await recordFailure(db(), BASE, NOW + 1);
    expect(await readLiveness(db(), BASE)).toMatchObject({ problem: 'unreachable', httpStatus: null });
  });

  it('reads a damaged record as nothing known', async () => {
    await db().settings.put({ key: 'endpointLiveness', value: 'not a map' });
    expect(await readLiveness(db(), BASE)).toMatchObject({ answeredAt: null, failedAt: null });
  });

  it('takes from old data what it proves: a cached catalog and receipts, the latest of each origin', () => {
    expect(
      livenessFromHistory({ fetchedAt: 5, base: BASE }, [
        { origin: 'https://api.ingru.ru', at: 9 },
        { origin: 'https://privacy.example.org', at: 3 },
      ]),
    ).toEqual({
      'https://api.ingru.ru': { answeredAt: 9, answeredVia: 'request' },
      'https://privacy.example.org': { answeredAt: 3, answeredVia: 'request' },
    });
    expect(livenessFromHistory(undefined, [])).toEqual({});
  });
});

const queued = (extra: RequestEvent[] = [], overrides: Partial<RequestRecord> = {}): RequestRecord =>
  makeRecord([{ at: NOW, kind: 'queued' }, ...extra], { openSince: NOW, ...overrides });

describe('a request that is not getting through', () => {
  it.each<[string, RequestRecord, boolean]>([
    ['waiting for its first attempt', queued([], { outboxDueAt: NOW }), false],
    [
      'after an attempt that reached nothing (a name that does not resolve)',
      queued([{ at: NOW, kind: 'attempt_failed', detail: 'network' }], { attempts: 1, outboxDueAt: NOW + 2_000 }),
      true,
    ],
    [
      'after one 500 with a short wait',
      queued([{ at: NOW, kind: 'attempt_failed', httpStatus: 500 }], { attempts: 1, outboxDueAt: NOW + 2_000 }),
      false,
    ],
    [
      'after a 503 with a day-long Retry-After',
      queued([{ at: NOW, kind: 'attempt_failed', httpStatus: 503 }], { attempts: 1, outboxDueAt: NOW + 86_400_000 }),
      true,
    ],
    [
      'after three failed attempts',
      queued([{ at: NOW, kind: 'attempt_failed', httpStatus: 500 }], { attempts: 3, outboxDueAt: NOW + 2_000 }),
      true,
    ],
    ['held behind another request for an hour', queued([], { outboxDueAt: NOW + 3_600_000 }), true],
    [
      'once delivered',
      queued(
        [
          { at: NOW, kind: 'attempt_failed' },
          { at: NOW, kind: 'sent' },
          { at: NOW, kind: 'received', reference: 'IG-1' },
        ],
        { attempts: 2 },
      ),
      false,
    ],
    ['saved for email', queued([], { channel: 'email' }), false],
  ])('%s', (_label, record, expected) => {
    expect(isNotGettingThrough(record, deriveStatus(record), NOW)).toBe(expected);
    const view = requestView(record, 'ru152', new Date(NOW));
    expect(view.notGettingThrough).toBe(expected);
    if (expected) expect(view.needsAction).toBe('email');
  });

  it('asks for the email route while saved for email and not yet sent, and not after', () => {
    const saved = queued([], { channel: 'email' });
    expect(requestView(saved, 'ru152', new Date(NOW)).needsAction).toBe('email');
    const sent = queued([{ at: NOW, kind: 'email_sent' }], { channel: 'email' });
    expect(requestView(sent, 'ru152', new Date(NOW))).toMatchObject({
      needsAction: null,
      receivedAt: '2026-11-02T09:00:00.000Z',
      dueDate: '2026-11-17',
    });
  });
});

describe('Ingroup’s answer to an emailed request, recorded by the admin', () => {
  beforeEach(async () => {
    await resetDbForTests();
  });

  async function emailed(): Promise<RequestRecord> {
    const record = await enqueue(db(), makeBody({ createdAt: '2026-11-02T09:00:00.000Z' }), 'email', NOW);
    return recordEmailSent(db(), record.id, NOW);
  }

  it('moves the status as the endpoint’s would: acknowledged is received, extended is in progress with the law’s extension, answered closes it', async () => {
    const { id } = await emailed();
    const today = new Date('2026-11-05T12:00:00Z');
    expect(requestView((await db().requests.get(id))!, 'ru152', today).dueDate).toBe('2026-11-17');

    await recordAnswer(db(), id, { answer: 'acknowledged', on: '2026-11-03', note: 'Номер обращения 42' }, NOW + 1);
    let record = (await db().requests.get(id))!;
    expect(deriveStatus(record)).toMatchObject({ status: 'received', sentBy: 'email', message: 'Номер обращения 42' });

    await recordAnswer(
      db(),
      id,
      { answer: 'extended', on: '2026-11-10', reason: 'Нужно время на поиск в архиве', extendedDueAt: '2026-11-24' },
      NOW + 2,
    );
    record = (await db().requests.get(id))!;
    const view = requestView(record, 'ru152', today);
    expect(view.state).toMatchObject({
      status: 'in_progress',
      reason: 'Нужно время на поиск в архиве',
      extended: true,
    });
    // 152-FZ Art. 14(3): +5 working days with a reasoned notice; Ingroup's date shown beside it.
    expect(view).toMatchObject({ dueDate: '2026-11-24', reportedDueDate: '2026-11-24' });
    expect(record.openSince).toBe(NOW);

    await recordAnswer(db(), id, { answer: 'answered', on: '2026-11-20' }, NOW + 3);
    record = (await db().requests.get(id))!;
    expect(deriveStatus(record).status).toBe('completed');
    expect(record.openSince).toBeUndefined();
    expect(record.events.map((e) => e.answer).filter(Boolean)).toEqual(['acknowledged', 'extended', 'answered']);
  });

  it('records a refusal with its reason, and closes the request', async () => {
    const { id } = await emailed();
    const record = await recordAnswer(
      db(),
      id,
      { answer: 'refused', on: '2026-11-04', reason: 'Не удалось подтвердить личность' },
      NOW + 1,
    );
    expect(deriveStatus(record)).toMatchObject({ status: 'rejected', reason: 'Не удалось подтвердить личность' });
    expect(await db().requests.where('openSince').above(0).count()).toBe(0);
  });

  it.each([
    ['an extension without a reason', { answer: 'extended', on: '2026-11-04' }],
    ['a refusal with a blank reason', { answer: 'refused', on: '2026-11-04', reason: '  ' }],
    ['a date that is not a date', { answer: 'answered', on: '4 Nov' }],
    ['an answer the form does not offer', { answer: 'ignored', on: '2026-11-04' }],
  ])('refuses %s', async (_label, input) => {
    const { id } = await emailed();
    await expect(recordAnswer(db(), id, input, NOW)).rejects.toThrow();
    expect(deriveStatus((await db().requests.get(id))!).status).toBe('sent');
  });

  it('takes no answer for a request not sent by email, nor for one already closed', async () => {
    const saved = await enqueue(db(), makeBody(), 'email', NOW);
    await expect(recordAnswer(db(), saved.id, { answer: 'acknowledged', on: '2026-11-03' })).rejects.toBeInstanceOf(
      AnswerRefused,
    );
    const { id } = await emailed();
    await recordAnswer(db(), id, { answer: 'answered', on: '2026-11-03' });
    await expect(recordAnswer(db(), id, { answer: 'refused', on: '2026-11-04', reason: 'x' })).rejects.toBeInstanceOf(
      AnswerRefused,
    );
  });

  it('writes the answer as one event with the day and the words trimmed, and no extended date unless extended', () => {
    expect(
      answerEvent({ answer: 'answered', on: '2026-11-03', note: '  см. письмо  ', extendedDueAt: '2026-12-01' }, 7),
    ).toEqual({
      at: 7,
      kind: 'answer',
      answer: 'answered',
      answeredOn: '2026-11-03',
      note: 'см. письмо',
    });
  });
});

describe('open requests, and what they ask of the admin', () => {
  beforeEach(async () => {
    await resetDbForTests();
  });

  it('keeps a request open from the moment it is saved until it is closed, whichever route it takes', async () => {
    const byEmail = await enqueue(db(), makeBody(), 'email', NOW);
    const byEndpoint = await enqueue(db(), makeBody(), 'endpoint', NOW);
    expect(byEmail.openSince).toBe(NOW);
    expect(byEndpoint.openSince).toBe(NOW);
    expect(byEmail.outboxDueAt).toBeUndefined();
    expect(await db().requests.where('openSince').above(0).count()).toBe(2);
  });

  it('sends a request saved for email through the endpoint when the admin asks, under the same id', async () => {
    const saved = await enqueue(db(), makeBody(), 'email', NOW);
    const moved = await requeue(db(), saved.id, NOW + 5);
    expect(moved).toMatchObject({ id: saved.id, channel: 'endpoint', outboxDueAt: NOW + 5 });
    // Once emailed, it stays emailed.
    const emailed = await recordEmailSent(db(), (await enqueue(db(), makeBody(), 'email', NOW)).id, NOW);
    expect((await requeue(db(), emailed.id, NOW + 5)).outboxDueAt).toBeUndefined();
  });

  it('counts for the badge what needs the admin, each once, and the near due dates apart', () => {
    const today = new Date('2026-11-13T12:00:00Z');
    const received = (at: string): RequestEvent[] => [
      { at: Date.parse(at), kind: 'sent' },
      { at: Date.parse(at), kind: 'received', reference: 'IG-1' },
    ];
    const withReceipt = (at: string): Partial<RequestRecord> => ({
      receipt: { id: 'x', reference: 'IG-1', status: 'received', receivedAt: at, verification: 'none' },
    });
    const views = [
      queued([{ at: NOW, kind: 'attempt_failed' }], { attempts: 1, outboxDueAt: NOW + 2_000 }),
      queued([{ at: NOW, kind: 'failed', detail: 'refused' }]),
      queued([], { channel: 'email' }),
      queued(received('2026-10-01T09:00:00Z'), withReceipt('2026-10-01T09:00:00Z')),
      queued(received('2026-11-02T09:00:00Z'), withReceipt('2026-11-02T09:00:00Z')),
      queued(received('2026-11-12T09:00:00Z'), withReceipt('2026-11-12T09:00:00Z')),
    ].map((r) => requestView(r, 'ru152', today));
    expect(attentionSummary(views)).toEqual({
      open: 6,
      needYou: 4,
      notGettingThrough: 1,
      failed: 1,
      awaitingEmail: 1,
      overdue: 1,
      dueSoon: 1,
    });
  });
});
