/**
 * What a failed parse found, in our own words, for the messages an admin reads (a refused ledger
 * import, a refused request draft, an amoCRM answer we cannot read). zod/mini ships no message
 * texts, and its English locale would cost every extension page about 1 KB gzipped; these words
 * live only where such messages are written. A schema's own message (a refine's, a regex's) still
 * wins: zod asks this map only for issues without one.
 */
import type { z } from 'zod/mini';

const FORMATS: Record<string, string> = {
  email: 'an email address',
  url: 'a URL',
  uuid: 'a UUID',
  datetime: 'a date and time with its UTC offset (ISO 8601)',
  date: 'a date as YYYY-MM-DD',
  regex: 'in the expected form',
};

const UNITS: Record<string, string> = { string: ' characters', array: ' items' };

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  return typeof value;
}

function shown(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** Pass as `schema.safeParse(input, { error: issueWords })`. */
export function issueWords(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'missing' : `expected ${issue.expected}, got ${kindOf(issue.input)}`;
    case 'invalid_value':
      return `expected ${issue.values.map(shown).join(' or ')}`;
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const limit = String(small ? issue.minimum : issue.maximum);
      const unit = UNITS[issue.origin];
      if (small && unit && issue.inclusive && limit === '1') return 'empty';
      const bound = issue.exact
        ? 'exactly'
        : issue.inclusive
          ? small
            ? 'at least'
            : 'at most'
          : small
            ? 'more than'
            : 'less than';
      return `must be ${bound} ${limit}${unit ?? ''}`;
    }
    case 'invalid_format':
      return `not ${FORMATS[issue.format] ?? `a valid ${issue.format}`}`;
    case 'invalid_union': {
      const options = issue.inclusive === false ? [] : (issue.options ?? []);
      return options.length ? `expected one of ${options.map(shown).join(', ')}` : 'not any of the accepted shapes';
    }
    case 'unrecognized_keys':
      return `unexpected ${issue.keys.length > 1 ? 'keys' : 'key'} ${issue.keys.join(', ')}`;
    default:
      return 'not accepted';
  }
}

/** The issue as `path: words` (just the words at the top level). */
export function describeIssue(issue: z.core.$ZodIssue): string {
  return issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
