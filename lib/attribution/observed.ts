/**
 * What the page was seen sending to Ingroup's hosts (DESIGN §5, "observed"), beside what the policy
 * declares: per host, how often and when, and which of this account's own values were in the
 * addresses.
 */
import type { ObservedHost } from './evidence';

export type AccountValueKey = 'account_id' | 'account_subdomain' | 'admin_email' | 'admin_phone';

export interface ObservedHostView extends ObservedHost {
  /** This account's values found in the addresses, by category. */
  values: AccountValueKey[];
}

function decoded(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

/** Digits only, so "+7 912 345-67-89" is found as 79123456789 too. */
const digits = (text: string): string => text.replace(/\D/g, '');

export function observedValues(
  observed: readonly ObservedHost[],
  values: Partial<Record<AccountValueKey, string | null>>,
): ObservedHostView[] {
  return observed.map((host) => {
    const texts = host.urls.map(decoded);
    const found = (Object.keys(values) as AccountValueKey[]).filter((key) => {
      const value = values[key]?.trim().toLowerCase();
      if (!value) return false;
      if (key === 'admin_phone') {
        const phone = digits(value);
        return phone.length >= 7 && texts.some((t) => digits(t).includes(phone));
      }
      if (key === 'account_id') return texts.some((t) => new RegExp(`(^|\\D)${value}(\\D|$)`).test(t));
      return texts.some((t) => t.includes(value));
    });
    return { ...host, values: found };
  });
}
