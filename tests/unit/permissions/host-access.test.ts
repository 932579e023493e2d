import { describe, expect, it } from 'vitest';
import { accessLoss, missingOrigins, patternHost, REQUIRED_ORIGINS } from '@/lib/permissions/host-access';
import { buildManifest } from '@/lib/manifest';

const holding = (held: string[]) => ({
  contains: async ({ origins }: { origins: string[] }) => origins.every((o) => held.includes(o)),
});

describe('the host permissions the extension cannot work without', () => {
  it('are exactly the manifest host_permissions, in both builds', () => {
    for (const browser of ['chrome', 'firefox'])
      expect([...REQUIRED_ORIGINS]).toEqual(buildManifest(browser).host_permissions);
  });

  it.each([
    ['all granted', [...REQUIRED_ORIGINS], [], { amocrm: [], endpoint: [] }],
    [
      'none granted',
      [],
      [...REQUIRED_ORIGINS],
      { amocrm: REQUIRED_ORIGINS.slice(0, 3), endpoint: ['https://api.ingru.ru/*'] },
    ],
    [
      'amocrm.ru withdrawn',
      REQUIRED_ORIGINS.filter((o) => o !== 'https://*.amocrm.ru/*'),
      ['https://*.amocrm.ru/*'],
      { amocrm: ['https://*.amocrm.ru/*'], endpoint: [] },
    ],
    [
      'the endpoint withdrawn',
      REQUIRED_ORIGINS.slice(0, 3),
      ['https://api.ingru.ru/*'],
      { amocrm: [], endpoint: ['https://api.ingru.ru/*'] },
    ],
  ])('finds what is missing when %s, each origin asked about alone', async (_label, held, missing, loss) => {
    const found = await missingOrigins(holding(held));
    expect(found).toEqual(missing);
    expect(accessLoss(found)).toEqual(loss);
  });

  it('names an origin pattern as an admin reads it', () => {
    expect(REQUIRED_ORIGINS.map(patternHost)).toEqual(['*.amocrm.ru', '*.amocrm.com', '*.kommo.com', 'api.ingru.ru']);
  });
});
