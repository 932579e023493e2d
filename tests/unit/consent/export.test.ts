import { describe, expect, it } from 'vitest';
import { csvCell, kantaraReceipt, ledgerCsv, ledgerFile } from '@/lib/consent/export';
import { buildChain } from './fixtures';

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

describe('the Kantara Consent Receipt v1.1', () => {
  it('has the specification’s fields for one event', async () => {
    const [event] = await buildChain(1);
    const receipt = kantaraReceipt(event!, { language: 'en', policyUrl: 'https://policy.example/ingroup' });
    expect(Object.keys(receipt).sort()).toEqual(
      [
        'version', 'jurisdiction', 'consentTimestamp', 'collectionMethod', 'consentReceiptID', 'language', 'piiPrincipalId',
        'piiControllers', 'policyUrl', 'services', 'sensitive', 'spiCat',
      ].sort(),
    );
    expect(receipt).toMatchObject({
      version: 'KI-CR-v1.1.0',
      jurisdiction: 'RU',
      consentTimestamp: Date.parse(event!.timestamp) / 1000,
      consentReceiptID: event!.id,
      language: 'en',
      piiPrincipalId: 'fixture-0.amocrm.ru/users/7001',
      piiControllers: [{ piiController: 'Ingroup LLC', email: 'support@ingru.ru', contact: expect.any(String) }],
      policyUrl: 'https://policy.example/ingroup',
      sensitive: false,
      spiCat: [],
    });
    const purpose = receipt.services[0]!.purposes[0]!;
    expect(Object.keys(purpose).sort()).toEqual(
      ['purpose', 'purposeCategory', 'consentType', 'piiCategory', 'primaryPurpose', 'termination', 'thirdPartyDisclosure'].sort(),
    );
    expect(purpose).toMatchObject({ purposeCategory: ['Marketing'], consentType: 'EXPLICIT', primaryPurpose: false, thirdPartyDisclosure: false });
    expect(purpose.purpose).toMatch(/Promotional communications.*consent given/);
    expect(Number.isInteger(receipt.consentTimestamp)).toBe(true);
  });

  it('states a withdrawal in Russian and takes the regime of a kommo.com account', async () => {
    const [, , event] = await buildChain(3);
    const receipt = kantaraReceipt({ ...event!, host: 'fixture.kommo.com', account: { id: 1, host: 'fixture.kommo.com' } }, { language: 'ru', policyUrl: 'https://policy.example' });
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

  it('writes a header and one CRLF-terminated row per event', async () => {
    const events = await buildChain(2);
    const lines = ledgerCsv(events).split('\r\n');
    expect(lines[0]).toBe('id,timestamp,host,accountId,adminUserId,purpose,state,method,policyEffectiveDate,policySha256,extensionVersion,importedFromId,prevHash,hash');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
    expect(lines[1]!.split(',')).toEqual([
      events[0]!.id, events[0]!.timestamp, 'fixture-0.amocrm.ru', '31000000', '7001', 'marketing', 'given', 'panel',
      '2022-01-20', events[0]!.policy.sha256, '0.1.0', '', events[0]!.prevHash, events[0]!.hash,
    ]);
  });
});
