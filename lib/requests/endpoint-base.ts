/**
 * An endpoint override (Options) is a plain https:// base address: no user name or password, no
 * query, no fragment — each would corrupt every URL built on it. Checked on the options page
 * before the browser is asked for the origin, and again in the background before it is stored.
 */
export type EndpointBaseCheck =
  | { ok: true; origin: string; base: string }
  | { ok: false; reason: 'not-an-address' | 'not-https' | 'not-plain' };

export function checkEndpointBase(input: string): EndpointBaseCheck {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'not-an-address' };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'not-https' };
  if (url.username || url.password || url.search || url.hash) return { ok: false, reason: 'not-plain' };
  return { ok: true, origin: url.origin, base: `${url.origin}${url.pathname}`.replace(/\/+$/, '') };
}

/** The host-permission pattern the browser is asked for. */
export function originPattern(origin: string): string {
  return `${origin}/*`;
}
