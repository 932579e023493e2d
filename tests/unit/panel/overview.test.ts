import { describe, expect, it } from 'vitest';
import type { Snapshot } from '@/lib/amocrm/snapshot';
import { BUNDLED_CATALOG } from '@/lib/catalog/bundled';
import { mergeTraffic, type EvidenceRow } from '@/lib/attribution/evidence';
import { buildInventory, collected } from '@/lib/panel/inventory';
import { buildMatrix } from '@/lib/panel/matrix';
import { summarize } from '@/lib/panel/summary';
import type { DerivedStatus } from '@/lib/requests/record';

const HOST = 'romashka.amocrm.ru';
const snapshot: Snapshot = {
  host: HOST,
  fetchedAt: 0,
  account: { id: 27182818, name: 'Ромашка', subdomain: 'romashka', country: 'RU' },
  admin: { id: 7, name: 'Анна Смирнова', email: 'anna@romashka.example', phone: null, isAdmin: true },
  adminUnavailable: null,
  userCount: 12,
  widgets: ['ingroup_demo_autotasks', 'ingroup_demo_reports', 'ig_smsgate', 'other_vendor'].map((code, id) => ({
    id,
    code,
    version: '1',
    rating: null,
  })),
  widgetTotal: 300,
};

function matrixFor(evidence: EvidenceRow | null) {
  const inventory = buildInventory({
    snapshot,
    catalog: BUNDLED_CATALOG,
    source: 'bundled',
    evidence,
    marks: [],
    lang: 'en',
  });
  return buildMatrix(inventory, (keys) => collected(keys, snapshot, 'en'));
}

describe('widgets × data', () => {
  it('shows each item of data once, with its value, however many widgets hold it', () => {
    const matrix = matrixFor(null);
    expect(matrix.widgets.map((w) => w.code)).toEqual(['ingroup_demo_autotasks', 'ingroup_demo_reports']);
    const keys = matrix.rows.map((r) => r.key);
    expect(keys).toEqual([...new Set(keys)]);
    expect(matrix.rows.filter((r) => r.value === 'anna@romashka.example')).toHaveLength(1);
    expect(matrix.rows.find((r) => r.key === 'admin_phone')).toMatchObject({ value: null, missing: 'no_phone' });
  });

  it('marks each cell declared by the catalog only where that widget’s entry names the item', () => {
    const rows = new Map(matrixFor(null).rows.map((r) => [r.key, r.cells.map((c) => c.declared)]));
    // ingroup_demo_reports collects the email and the account's figures, not the admin's name.
    expect(rows.get('admin_name')).toEqual(['catalog', null]);
    expect(rows.get('admin_email')).toEqual(['catalog', 'catalog']);
  });

  it('marks a value seen in a widget’s own traffic as observed — even one nothing declares', () => {
    const observed = mergeTraffic(
      [],
      [{ url: 'https://hooks.ingru.ru/w/ig_smsgate/init.js?account=27182818&u=anna%40romashka.example', at: 5 }],
    );
    const matrix = matrixFor({ host: HOST, declared: [], declaredAt: 0, observed });
    const sms = matrix.widgets.findIndex((w) => w.code === 'ig_smsgate');
    expect(matrix.widgets[sms]?.collectsFrom).toBe('policy');
    const cell = (key: string) => matrix.rows.find((r) => r.key === key)?.cells[sms];
    expect(cell('account_id')).toEqual({ declared: 'policy', observed: true });
    expect(cell('admin_email')).toEqual({ declared: 'policy', observed: true });
    expect(cell('admin_name')).toEqual({ declared: 'policy', observed: false });
    // The catalog's widgets were not seen calling that host.
    expect(matrix.rows.find((r) => r.key === 'account_id')?.cells[0]).toEqual({ declared: 'catalog', observed: false });
  });
});

const view = (status: DerivedStatus, dueDate: string | null, overdue = false) => ({
  state: { status, updatedAt: 0 },
  dueDate,
  overdue,
});

describe('the summary', () => {
  it('counts the widgets by their strongest evidence, the items, the problems and the open requests with the next due date', () => {
    const observed = mergeTraffic([], [{ url: 'https://hooks.ingru.ru/w/ig_smsgate/init.js', at: 5 }]);
    const matrix = matrixFor({ host: HOST, declared: [], declaredAt: 0, observed });
    const summary = summarize(
      matrix,
      [
        view('received', '2026-12-10'),
        view('in_progress', '2026-12-03'),
        view('completed', '2026-11-01'),
        view('failed', null),
      ],
      8,
    );
    expect(summary).toEqual({
      widgets: 3,
      sureness: [
        { kind: 'catalog', count: 2 },
        { kind: 'traffic', count: 1 },
      ],
      dataItems: 6,
      problems: 8,
      openRequests: 3,
      overdue: 0,
      nextDue: '2026-12-03',
      verdict: 'holds',
    });
  });

  it('leads with an overdue request, and says so when no widget is installed', () => {
    expect(summarize(matrixFor(null), [view('sent', '2026-11-20', true)], null)).toMatchObject({
      verdict: 'overdue',
      overdue: 1,
      problems: null,
    });
    expect(summarize(null, [], 8)).toMatchObject({ verdict: 'none', widgets: 0, dataItems: 0, sureness: [] });
  });
});
