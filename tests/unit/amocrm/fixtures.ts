import type { Snapshot } from '@/lib/amocrm/snapshot';

/** The fixture account's administrator, as amoCRM's users read gives it. */
export const FIXTURE_ADMIN = {
  id: 7001,
  name: 'Ирина Тестова',
  email: 'irina@fixture.example',
  phone: null,
  isAdmin: true,
} satisfies NonNullable<Snapshot['admin']>;

/**
 * What amoCRM told the extension about the fixture account (the one of the consent and request
 * fixtures): its id, subdomain and administrator, no widgets.
 */
export function fixtureSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    host: 'fixture-agency.amocrm.ru',
    fetchedAt: 1,
    account: { id: 31000001, name: 'Fixture Agency', subdomain: 'fixture-agency', country: 'RU' },
    admin: FIXTURE_ADMIN,
    adminUnavailable: null,
    userCount: 3,
    widgets: [],
    widgetTotal: 0,
    ...overrides,
  };
}
