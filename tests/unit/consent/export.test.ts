import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { csvCell, kantaraReceipt, ledgerCsv, ledgerFile } from '@/lib/consent/export';
import { KANTARA_EXAMPLE, KANTARA_SCHEMA, kantaraErrors } from '../../support/kantara';
import { buildChain, chainEvents } from './fixtures';
import { CONSENT_PURPOSES } from '@/lib/vocabulary';

describe('the ledger JSON export', () => {
  it('holds every event with its hash chain, without local seq numbers', async () => {
    const events = (await buildChain(3)).map((e, i) => ({ ...e, seq: i + 1 }));
    const file = ledgerFile(events, new Date('2026-11-25T06:30:00Z'));
    expect(file).toMatchObject({ format: 'ingroup-privacy-ledger', version: 1 });
    expect(file.exportedAt).toMatch(/^2026-11-25T\d{2}:30:00\.000(Z|[+-]\d{2}:\d{2})$/);
    expect(file.events.map((e) => [e.prevHash, e.hash])).toEqual(events.map((e) => [e.prevHash, e.hash]));
    expect(file.events.every((e) => !('seq' in e))).toBe(true);
  });
});

describe('the Kantara Consent Receipt v1.1, held to the Kantara Initiative’s own schema', () => {
  it('the vendored schema is the draft-04 one, and the official example passes it (the validator works)', () => {
    expect(KANTARA_SCHEMA.$schema).toBe('http://json-schema.org/draft-04/schema#');
    expect(kantaraErrors(KANTARA_EXAMPLE)).toEqual([]);
  });

  it('fails the receipt this extension used to write, with the controller’s address and phone missing', async () => {
    const [event] = await buildChain(1);
    const receipt = kantaraReceipt(event!, { language: 'en', policyUrl: 'https://policy.example/ingroup' });
    const { address: _address, phone: _phone, ...old } = receipt.piiControllers[0]!;
    expect(kantaraErrors({ ...receipt, piiControllers: [old] })).toEqual([
      "/piiControllers/0 must have required property 'address'",
      "/piiControllers/0 must have required property 'phone'",
    ]);
  });

  it.each(['ru', 'en'] as const)(
    'passes for every state, purpose and method of the ledger, in %s',
    async (language) => {
      const events = await chainEvents(
        CONSENT_PURPOSES.flatMap((purpose, p) =>
          (['given', 'refused', 'withdrawn'] as const).map((state, s) => ({
            id: `00000000-0000-4000-8000-0000000000${p}${s}`,
            timestamp: `2026-11-2${p}T09:0${s}:00.000+03:00`,
            host: p === 2 ? 'fixture.kommo.com' : 'fixture.amocrm.ru',
            accountId: 31000000 + p,
            purpose,
            state,
          })),
        ),
      );
      const methods = ['popup', 'panel', 'import', 'request'] as const;
      for (const [i, event] of events.entries()) {
        const receipt = kantaraReceipt(
          { ...event, method: methods[i % 4]! },
          { language, policyUrl: 'https://ingru.ru/privacy' },
        );
        expect(kantaraErrors(receipt), `${event.purpose} ${event.state}`).toEqual([]);
      }
    },
  );

  it('has the specification’s fields for one event, and says what the policy does not state', async () => {
    const [event] = await buildChain(1);
    const receipt = kantaraReceipt(event!, { language: 'en', policyUrl: 'https://policy.example/ingroup' });
    expect(receipt).toMatchObject({
      version: 'KI-CR-v1.1.0',
      jurisdiction: 'RU',
      consentTimestamp: Date.parse(event!.timestamp) / 1000,
      consentReceiptID: event!.id,
      language: 'en',
      piiPrincipalId: 'fixture-0.amocrm.ru/users/7001',
      policyUrl: 'https://policy.example/ingroup',
      sensitive: false,
      spiCat: [],
    });
    expect(receipt.piiControllers).toEqual([
      {
        piiController: 'Ingroup LLC',
        onBehalf: false,
        contact: expect.stringContaining('support@ingru.ru'),
        address: { streetAddress: "not stated in Ingroup's policy of 2022-01-20" },
        email: 'support@ingru.ru',
        phone: "not stated in Ingroup's policy of 2022-01-20",
      },
    ]);
    expect(kantaraReceipt(event!, { language: 'ru', policyUrl: 'https://x.example' }).piiControllers[0]!.phone).toBe(
      'не указан в политике Ingroup от 2022-01-20',
    );
    const purpose = receipt.services[0]!.purposes[0]!;
    expect(purpose).toMatchObject({ consentType: 'EXPLICIT', primaryPurpose: false, thirdPartyDisclosure: false });
    expect(purpose.purpose).toMatch(/Promotional communications.*consent given/);
    expect(purpose.piiCategory).toEqual(['1 - Biographical', '2 - Contact', '5 - Network/Service']);
  });

  it.each([
    ['marketing', '6 - Marketing'],
    ['improvements', '16 - Improve Performance'],
    ['third_party_combination', '6 - Marketing'],
  ] as const)('files %s under the specification’s purpose category %s', async (purpose, category) => {
    const [event] = await buildChain(1);
    expect(
      kantaraReceipt({ ...event!, purpose }, { language: 'en', policyUrl: 'https://x.example' }).services[0]!
        .purposes[0]!.purposeCategory,
    ).toEqual([category]);
  });

  it.each([
    ['given', 'EXPLICIT'],
    ['refused', 'N/A'],
    ['withdrawn', 'N/A'],
  ] as const)('never presents a refusal or a withdrawal as explicit consent: %s is %s', async (state, consentType) => {
    const [event] = await buildChain(1);
    const purpose = kantaraReceipt({ ...event!, state }, { language: 'en', policyUrl: 'https://x.example' })
      .services[0]!.purposes[0]!;
    expect(purpose.consentType).toBe(consentType);
    if (state !== 'given') expect(purpose.termination).not.toMatch(/^Until withdrawn/);
  });

  it('states a withdrawal in Russian and takes the regime of a kommo.com account', async () => {
    const [, , event] = await buildChain(3);
    const receipt = kantaraReceipt(
      { ...event!, host: 'fixture.kommo.com', account: { id: 1, host: 'fixture.kommo.com' } },
      { language: 'ru', policyUrl: 'https://policy.example' },
    );
    expect(receipt.jurisdiction).toBe('EU');
    expect(receipt.services[0]!.purposes[0]!.purpose).toContain('согласие отозвано');
  });
});

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+7 900', "'+7 900"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    [null, ''],
    [42, '42'],
  ] as const)('writes %j as %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes a byte-order mark, a header and one CRLF-terminated row per event', async () => {
    const events = await buildChain(2);
    const csv = ledgerCsv(events);
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'id,timestamp,host,accountId,adminUserId,purpose,state,method,policyEffectiveDate,policySha256,extensionVersion,importedFromId,prevHash,hash',
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[1]!.split(',')).toEqual([
      events[0]!.id,
      events[0]!.timestamp,
      'fixture-0.amocrm.ru',
      '31000000',
      '7001',
      'marketing',
      'given',
      'panel',
      '2022-01-20',
      events[0]!.policy.sha256,
      '0.1.0',
      '',
      events[0]!.prevHash,
      events[0]!.hash,
    ]);
  });

  it('comes back whole through csv-parse: every event, every value', async () => {
    const events = await buildChain(4);
    const rows = parseCsv<Record<string, string>>(ledgerCsv(events), {
      bom: true,
      columns: true,
      record_delimiter: '\r\n',
    });
    expect(rows).toEqual(
      events.map((e) => ({
        id: e.id,
        timestamp: e.timestamp,
        host: e.host,
        accountId: String(e.account.id),
        adminUserId: String(e.adminUserId),
        purpose: e.purpose,
        state: e.state,
        method: e.method,
        policyEffectiveDate: e.policy.effectiveDate,
        policySha256: e.policy.sha256,
        extensionVersion: e.extensionVersion,
        importedFromId: '',
        prevHash: e.prevHash,
        hash: e.hash,
      })),
    );
  });
});
