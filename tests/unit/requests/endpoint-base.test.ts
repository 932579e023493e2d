/** DESIGN §7: the endpoint override is https with a DNS name — nothing that reaches this machine, its network or amoCRM. */
import { describe, expect, it } from 'vitest';
import { checkEndpointBase } from '@/lib/requests/endpoint-base';

describe('the endpoint override', () => {
  it.each([
    ['https://privacy.example.org/v1', 'https://privacy.example.org/v1'],
    ['https://api.ingru.ru/privacy/v1/', 'https://api.ingru.ru/privacy/v1'],
    ['https://privacy.example.org:8443/v1', 'https://privacy.example.org:8443/v1'],
    ['https://xn--80ak6aa92e.xn--p1ai/v1', 'https://xn--80ak6aa92e.xn--p1ai/v1'],
  ])('takes %s', (input, base) => {
    expect(checkEndpointBase(input)).toEqual({ ok: true, origin: new URL(base).origin, base });
  });

  it.each([
    ['an IPv4 literal', 'https://192.168.1.10/v1'],
    ['an IPv4 literal written in hex', 'https://0x7f.1/v1'],
    ['an IPv4 literal written as one number', 'https://2130706433/v1'],
    ['an IPv6 literal', 'https://[::1]/v1'],
    ['localhost', 'https://localhost/v1'],
    ['a name under localhost', 'https://api.localhost/v1'],
    ['a name ending in a dot', 'https://api.ingru.ru./privacy/v1'],
    ['a single-label name', 'https://intranet/v1'],
    ['a .local name', 'https://printer.local/v1'],
  ])('refuses %s as not a DNS name', (_label, input) => {
    expect(checkEndpointBase(input)).toEqual({ ok: false, reason: 'not-a-name' });
  });

  it.each(['https://demo.amocrm.ru/x', 'https://acme.kommo.com/', 'https://amocrm.com/api'])(
    'refuses the amoCRM address %s, which passes the permission check with no prompt',
    (input) => {
      expect(checkEndpointBase(input)).toEqual({ ok: false, reason: 'amocrm' });
    },
  );

  it.each([
    ['http://api.ingru.ru/v1', 'not-https'],
    ['https://user:pw@api.ingru.ru/v1', 'not-plain'],
    ['no address', 'not-an-address'],
  ])('refuses %s (%s)', (input, reason) => {
    expect(checkEndpointBase(input)).toEqual({ ok: false, reason });
  });
});
