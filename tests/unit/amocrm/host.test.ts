import { describe, expect, it } from 'vitest';
import { isAccountPage, parseAccountHost } from '@/lib/amocrm/host';

describe('which hosts are amoCRM accounts', () => {
  it.each(['romashka.amocrm.ru', 'daisy.kommo.com', 'old-one.amocrm.com', 'api.amocrm.ru', 'wsx.kommo.com'])('takes %s for an account', (host) => {
    expect(parseAccountHost(host)?.host).toBe(host);
  });

  it.each([
    'www.amocrm.ru',
    'www.kommo.com',
    'developers.kommo.com',
    'amojo.amocrm.ru',
    'notifications.kommo.com',
    'ws.amocrm.ru',
    'api-a.amocrm.ru',
    'api-b.kommo.com',
    'drive-b.amocrm.ru',
    'drive-g.kommo.com',
    'romashka.amocrm.ru.evil.example',
  ])('never takes %s for an account', (host) => {
    expect(parseAccountHost(host)).toBeNull();
  });

  it('keeps the launcher off the login page', () => {
    expect(isAccountPage(new URL('https://romashka.amocrm.ru/leads'))).toBe(true);
    expect(isAccountPage(new URL('https://romashka.amocrm.ru/login'))).toBe(false);
  });
});
