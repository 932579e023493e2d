/**
 * The letter as a `.eml` file any mail client opens as a message to send: RFC 5322 headers,
 * non-ASCII header text as RFC 2047 encoded-words, the body as UTF-8 in base64 (RFC 2045), lines
 * broken with CRLF. `X-Unsent: 1` asks Outlook to open it as a draft.
 */
import type { EmailText } from './email';

const CRLF = '\r\n';

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * RFC 2047 "B" encoded-words, each at most 75 characters, split between characters (never inside
 * one), joined by folding white space. ASCII text without specials is left as it is.
 */
export function encodeWords(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text) && !/=\?/.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    // "=?UTF-8?B?" + "?=" is 12 characters; 39 bytes of UTF-8 make 52 characters of base64, so a
    // word fits on a header's first line after "Subject: " within RFC 5322's 78 characters.
    if (new TextEncoder().encode(chunk + char).length > 39) {
      words.push(`=?UTF-8?B?${base64(chunk)}?=`);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(`=?UTF-8?B?${base64(chunk)}?=`);
  return words.join(`${CRLF} `);
}

/** An RFC 5322 date-time, e.g. "Thu, 17 Dec 2026 09:00:00 +0000". */
export function rfc5322Date(at: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${days[at.getUTCDay()]}, ${pad(at.getUTCDate())} ${months[at.getUTCMonth()]} ${at.getUTCFullYear()} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} +0000`;
}

export interface EmlOptions {
  /** The requester, as the From line: their name and address. */
  from: { name: string; email: string };
  date: Date;
}

/** The whole message, ready to save as `.eml`. */
export function emlFor(text: EmailText, opts: EmlOptions): string {
  const body = base64(text.body.replace(/\r\n|\r|\n/g, CRLF))
    .match(/.{1,76}/g)
    ?.join(CRLF);
  return [
    `From: ${encodeWords(opts.from.name)}${CRLF} <${opts.from.email}>`,
    `To: ${text.to}`,
    `Subject: ${encodeWords(text.subject)}`,
    `Date: ${rfc5322Date(opts.date)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    'X-Unsent: 1',
    '',
    body ?? '',
    '',
  ].join(CRLF);
}
