import { describe, expect, it } from 'vitest';
import { ToBackground } from '@/lib/messages';
import { AccountRef } from '@/lib/requests/types';
import {
  AccountHostSchema,
  CONSENT_PURPOSES,
  ConsentPurpose,
  defaultLang,
  isAccountHost,
  isAccountOrigin,
  isAccountPage,
  isAmoCrmDomain,
  LangSchema,
  parseAccountHost,
  regimeOf,
  REGIMES,
  RegimeSchema,
  REQUEST_TYPES,
  RequestType,
} from '@/lib/vocabulary';

const ACCOUNTS = [
  'romashka.amocrm.ru',
  'daisy.kommo.com',
  'old-one.amocrm.com',
  'api.amocrm.ru',
  'wsx.kommo.com',
  'a1.amocrm.ru',
  'xn--80aaxitdbjk.amocrm.ru',
];

const NOT_ACCOUNTS = [
  // amoCRM's and Kommo's own sites: the marketing site is not an account.
  'www.amocrm.ru',
  'www.amocrm.com',
  'www.kommo.com',
  'developers.kommo.com',
  'id.amocrm.ru',
  // Service hosts.
  'amojo.amocrm.ru',
  'notifications.kommo.com',
  'ws.amocrm.ru',
  'api-a.amocrm.ru',
  'api-b.kommo.com',
  'drive-b.amocrm.ru',
  'drive-g.kommo.com',
  // Bare domains, and an account's name used as a prefix of somebody else's domain.
  'amocrm.ru',
  'kommo.com',
  'romashka.amocrm.ru.evil.example',
  'evil.amocrm.ru.example.com',
  'romashka.amocrm.ru.',
  'romashka.amocrm.russia',
  'romashka-amocrm.ru',
  'romashkaamocrm.ru',
  // Two labels deep, or no label at all.
  'a.b.amocrm.ru',
  '.amocrm.ru',
  '-romashka.amocrm.ru',
  // Other shapes of text.
  'romashka.amocrm.ru:8443',
  'romashka.amocrm.ru/leads',
  'https://romashka.amocrm.ru',
  'roma shka.amocrm.ru',
  'romashka_1.amocrm.ru',
  'ромашка.amocrm.ru',
  '',
];

describe('which hosts are amoCRM accounts', () => {
  it.each(ACCOUNTS)('takes %s for an account, everywhere', (host) => {
    expect(parseAccountHost(host)?.host).toBe(host);
    expect(isAccountHost(host)).toBe(true);
    expect(AccountHostSchema.safeParse(host).success).toBe(true);
    expect(isAccountOrigin(`https://${host}`)).toBe(true);
  });

  it.each(NOT_ACCOUNTS)('never takes %j for an account, anywhere', (host) => {
    expect(parseAccountHost(host)).toBeNull();
    expect(isAccountHost(host)).toBe(false);
    expect(AccountHostSchema.safeParse(host).success).toBe(false);
  });

  it('reads a hostname as the browser may report it, but keeps and accepts only the lowercase form', () => {
    expect(parseAccountHost('RomaShka.AmoCRM.ru')).toEqual({
      host: 'romashka.amocrm.ru',
      subdomain: 'romashka',
      domain: 'amocrm.ru',
    });
    // The uppercase trick: a differently written host would be a second key for the same account.
    expect(isAccountHost('RomaShka.amocrm.ru')).toBe(false);
    expect(AccountHostSchema.safeParse('ROMASHKA.AMOCRM.RU').success).toBe(false);
    expect(parseAccountHost('WWW.AMOCRM.RU')).toBeNull();
  });

  it('refuses the marketing site in every message and request that names an account (they once disagreed)', () => {
    const page = { type: 'page/seen', host: 'www.amocrm.ru' };
    expect(ToBackground.safeParse(page).success).toBe(false);
    expect(ToBackground.safeParse({ ...page, host: 'romashka.amocrm.ru' }).success).toBe(true);
    const account = { id: 1, subdomain: 'www', host: 'www.amocrm.ru' };
    expect(AccountRef.safeParse(account).success).toBe(false);
    expect(AccountRef.safeParse({ ...account, subdomain: 'romashka', host: 'romashka.amocrm.ru' }).success).toBe(true);
  });

  it('keeps the launcher off the login page and off anything but plain https', () => {
    expect(isAccountPage(new URL('https://romashka.amocrm.ru/leads'))).toBe(true);
    expect(isAccountPage(new URL('https://romashka.amocrm.ru/login'))).toBe(false);
    expect(isAccountPage(new URL('https://romashka.amocrm.ru/oauth/x'))).toBe(false);
    expect(isAccountPage(new URL('http://romashka.amocrm.ru/leads'))).toBe(false);
    expect(isAccountPage(new URL('https://romashka.amocrm.ru:8443/leads'))).toBe(false);
    expect(isAccountPage(new URL('https://www.amocrm.ru/'))).toBe(false);
    expect(isAccountOrigin('not a url')).toBe(false);
  });

  it('tells amoCRM’s domains, accounts or not, from look-alikes', () => {
    for (const host of ['amocrm.ru', 'www.amocrm.ru', 'api-b.kommo.com', 'romashka.amocrm.com', 'X.KOMMO.COM'])
      expect(isAmoCrmDomain(host)).toBe(true);
    for (const host of ['amocrm.ru.example', 'notamocrm.ru', 'kommo.com.evil', 'example.com'])
      expect(isAmoCrmDomain(host)).toBe(false);
  });
});

describe('the regime and language an account gets', () => {
  it.each([
    ['romashka.amocrm.ru', 'ru152', 'ru'],
    ['daisy.kommo.com', 'gdpr', 'en'],
    ['old-one.amocrm.com', 'gdpr', 'en'],
  ] as const)('%s defaults to %s and %s', (host, regime, lang) => {
    expect(regimeOf(host)).toBe(regime);
    expect(regimeOf({ host })).toBe(regime);
    expect(regimeOf({ host, regime: undefined })).toBe(regime);
    expect(defaultLang(host)).toBe(lang);
  });

  it('keeps the administrator’s choice over the domain’s default', () => {
    expect(regimeOf({ host: 'romashka.amocrm.ru', regime: 'gdpr' })).toBe('gdpr');
    expect(regimeOf({ host: 'daisy.kommo.com', regime: 'ru152' })).toBe('ru152');
  });
});

describe('one list per word, and the schemas say the same', () => {
  it.each([
    ['regimes', RegimeSchema, REGIMES, 'eu'],
    ['consent purposes', ConsentPurpose, CONSENT_PURPOSES, 'operations'],
    ['request types', RequestType, REQUEST_TYPES, 'delete_everything'],
    ['languages', LangSchema, ['ru', 'en'], 'de'],
  ] as const)('%s', (_name, schema, values, stranger) => {
    expect(schema.options).toEqual([...values]);
    for (const value of values) expect(schema.safeParse(value).success).toBe(true);
    expect(schema.safeParse(stranger).success).toBe(false);
  });
});
