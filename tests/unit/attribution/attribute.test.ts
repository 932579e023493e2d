import { describe, expect, it } from 'vitest';
import { attributeWidgets } from '@/lib/attribution/attribute';
import { declaresIngroup, mergeTraffic, type EvidenceRow } from '@/lib/attribution/evidence';
import type { MarkRow } from '@/lib/attribution/marks';
import { observedValues } from '@/lib/attribution/observed';
import { BUNDLED_CATALOG } from '@/lib/catalog/bundled';

const HOST = 'real-1.amocrm.ru';
const declared = (code: string, supportEmail: string | null, supportLink: string | null = null) => ({
  code,
  name: code,
  supportEmail,
  supportLink,
});
const evidence = (over: Partial<EvidenceRow> = {}): EvidenceRow => ({
  host: HOST,
  declared: [],
  declaredAt: 1,
  observed: [],
  ...over,
});
const mark = (code: string, value: MarkRow['mark']): MarkRow => ({ host: HOST, code, mark: value, at: 1 });
const attribute = (installed: string[], ev: EvidenceRow | null, marks: MarkRow[] = []) =>
  attributeWidgets({
    installed: installed.map((code) => ({ code })),
    catalog: BUNDLED_CATALOG,
    source: 'bundled',
    evidence: ev,
    marks,
  });

describe('a declared vendor contact', () => {
  it.each([
    ['support@ingru.ru', null, true],
    ['SUPPORT@INGRU.RU', null, true],
    ['help@sub.ingru.ru', null, true],
    [null, 'https://ingru.ru/contacts', true],
    [null, 'https://www.ingru.ru', true],
    ['support@ingru.ru.othervendor.example', null, false],
    ['support@notingru.ru', null, false],
    ['a@b@ingru.ru', null, false],
    [null, 'https://ingru.ru.othervendor.example', false],
    [null, 'https://othervendor.example/?ref=ingru.ru', false],
    [null, 'not a url', false],
    [null, null, false],
  ])('email %s, link %s: Ingroup’s = %s', (email, link, expected) => {
    expect(declaresIngroup({ supportEmail: email, supportLink: link })).toBe(expected);
  });
});

describe('which installed widgets are Ingroup’s', () => {
  it('finds nothing with only the catalog when no installed code is in it (a real account today)', () => {
    expect(attribute(['ig_autodocs', 'other_vendor'], null).filter((a) => a.ingroup)).toEqual([]);
  });

  it('counts a widget declaring ingru.ru support, and says so', () => {
    const [a, b] = attribute(
      ['ig_autodocs', 'other_vendor'],
      evidence({
        declared: [declared('ig_autodocs', 'support@ingru.ru'), declared('other_vendor', 'help@othervendor.example')],
      }),
    );
    expect(a).toMatchObject({
      ingroup: true,
      evidence: [{ kind: 'declared', contact: 'support@ingru.ru' }],
      collects: null,
    });
    expect(b).toMatchObject({ ingroup: false, evidence: [] });
  });

  it('counts a widget whose code is in a request to an Ingroup host, but not one merely on the same page', () => {
    const observed = mergeTraffic([], [{ url: 'https://hooks.ingru.ru/w/ig_smsgate/init.js?account_id=1', at: 5 }]);
    const result = attribute(['ig_smsgate', 'other_vendor'], evidence({ observed }));
    expect(result.map((a) => [a.code, a.ingroup, a.evidence])).toEqual([
      ['ig_smsgate', true, [{ kind: 'traffic', hosts: ['hooks.ingru.ru'] }]],
      ['other_vendor', false, []],
    ]);
  });

  it('lists the evidence strongest first: catalog, declared, traffic, the administrator', () => {
    const code = 'ingroup_demo_autotasks';
    const observed = mergeTraffic([], [{ url: `https://hooks.ingru.ru/x?widget=${code}`, at: 1 }]);
    const [a] = attribute([code], evidence({ declared: [declared(code, 'support@ingru.ru')], observed }), [
      mark(code, 'ingroup'),
    ]);
    expect(a?.evidence.map((e) => e.kind)).toEqual(['catalog', 'declared', 'traffic', 'admin']);
    expect(a?.collects).toEqual(BUNDLED_CATALOG.widgets[0]?.collects);
  });

  it('lets the administrator’s “not Ingroup’s” overrule every other piece of evidence, and “Ingroup’s” stand alone', () => {
    const [catalogued, unknown] = attribute(['ingroup_demo_autotasks', 'other_vendor'], null, [
      mark('ingroup_demo_autotasks', 'not_ingroup'),
      mark('other_vendor', 'ingroup'),
    ]);
    expect(catalogued).toMatchObject({ ingroup: false, mark: 'not_ingroup', evidence: [{ kind: 'catalog' }] });
    expect(unknown).toMatchObject({ ingroup: true, mark: 'ingroup', evidence: [{ kind: 'admin' }] });
  });
});

describe('observed traffic', () => {
  it('counts requests per Ingroup host with first and last seen, keeps a few distinct addresses, and ignores other hosts', () => {
    const hits = [
      { url: 'https://hooks.ingru.ru/a?x=1', at: 30 },
      { url: 'https://hooks.ingru.ru/a?x=1', at: 10 },
      { url: 'https://api.ingru.ru/b', at: 20 },
      { url: 'https://cdn.othervendor.example/ingru.ru', at: 20 },
      { url: 'https://ingru.ru.evil.example/', at: 20 },
    ];
    expect(mergeTraffic([], hits)).toEqual([
      { host: 'api.ingru.ru', count: 1, firstSeen: 20, lastSeen: 20, urls: ['https://api.ingru.ru/b'] },
      { host: 'hooks.ingru.ru', count: 2, firstSeen: 10, lastSeen: 30, urls: ['https://hooks.ingru.ru/a?x=1'] },
    ]);
  });

  it('finds this account’s values in the addresses, encoded or not, and not a longer number containing the id', () => {
    const observed = mergeTraffic(
      [],
      [
        {
          url: 'https://hooks.ingru.ru/w?account_id=28657000&subdomain=real-1&email=anna.smirnova%40romashka.example',
          at: 1,
        },
        { url: 'https://stats.ingru.ru/p?id=1286570001&tel=%2B79123456789', at: 1 },
      ],
    );
    const values = {
      account_id: '28657000',
      account_subdomain: 'real-1',
      admin_email: 'anna.smirnova@romashka.example',
      admin_phone: '+7 912 345-67-89',
    };
    expect(observedValues(observed, values).map((o) => [o.host, o.values])).toEqual([
      ['hooks.ingru.ru', ['account_id', 'account_subdomain', 'admin_email']],
      ['stats.ingru.ru', ['admin_phone']],
    ]);
  });
});

describe('the administrator’s marks in an export', () => {
  it('go beside the ledger’s events, oldest first, and an import of the file still reads', async () => {
    const { withWidgetMarks } = await import('@/lib/attribution/marks');
    const { ledgerFile } = await import('@/lib/consent/export');
    const { LedgerFileEnvelope } = await import('@/lib/consent/file');
    const text = withWidgetMarks(ledgerFile([], new Date(0)), [
      { host: HOST, code: 'other_vendor', mark: 'ingroup', at: 2000 },
      { host: HOST, code: 'ig_autodocs', mark: 'not_ingroup', at: 1000 },
    ]);
    const parsed = JSON.parse(text) as { widgetMarks: unknown };
    expect(parsed.widgetMarks).toEqual([
      { host: HOST, widget: 'ig_autodocs', mark: 'not_ingroup', markedAt: '1970-01-01T00:00:01.000Z' },
      { host: HOST, widget: 'other_vendor', mark: 'ingroup', markedAt: '1970-01-01T00:00:02.000Z' },
    ]);
    expect(LedgerFileEnvelope.safeParse(parsed).success).toBe(true);
  });
});
