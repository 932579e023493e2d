/**
 * An endpoint override (Options) is a plain https:// base address: no user name or password, no
 * query, no fragment — each would corrupt every URL built on it. Its host is a DNS name (DESIGN §7):
 * not an IP literal, `localhost` or a name ending in a dot, which reach this machine or its network
 * rather than Ingroup; and not an amoCRM host, which the extension may already reach with no prompt.
 * Checked on the options page before the browser is asked for the origin, again in the background
 * before it is stored, and when it is read back.
 */
import { isAmoCrmDomain } from '../vocabulary';

export type EndpointBaseCheck =
  | { ok: true; origin: string; base: string }
  | { ok: false; reason: 'not-an-address' | 'not-https' | 'not-plain' | 'not-a-name' | 'amocrm' };

/** A DNS name of at least two labels, each a letter-digit-hyphen label (IDNs arrive as punycode). */
const DNS_NAME = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/;

export function checkEndpointBase(input: string): EndpointBaseCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'not-an-address' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'not-https' };
  if (url.username || url.password || url.search || url.hash) return { ok: false, reason: 'not-plain' };
  // The parser has already turned 0x7f.1 or 2130706433 into 127.0.0.1, and kept [::1] in brackets.
  const host = url.hostname;
  if (
    !DNS_NAME.test(host) ||
    /^[\d.]+$/.test(host) ||
    /(^|\.)localhost$/.test(host) ||
    /\.(local|internal|localdomain|home\.arpa)$/.test(host)
  ) {
    return { ok: false, reason: 'not-a-name' };
  }
  if (isAmoCrmDomain(host)) return { ok: false, reason: 'amocrm' };
  return { ok: true, origin: url.origin, base: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

/** The host-permission pattern the browser is asked for. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}
