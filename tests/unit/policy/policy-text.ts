/** The bundled policy text, cut into its sections by its own headings ("1. …", "3.1 …"). */
import { readFileSync } from 'node:fs';
import { POLICY_TEXT_FILE } from '@/lib/policy';

export const POLICY_TEXT = readFileSync(POLICY_TEXT_FILE, 'utf8');

/**
 * Same words regardless of line wrapping and typographic apostrophes — but paragraph breaks kept,
 * as "\n\n": a quote that runs across two paragraphs must say so, or it is not the policy's text.
 */
export function normalise(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

const HEADING = /^(\d+(?:\.\d+)?)\.? +[A-Z]/;

/** `§3.1` → the text from its heading up to the next heading of any level; `preamble`, what precedes §1. */
export function sectionTexts(text: string = POLICY_TEXT): Map<string, string> {
  const sections = new Map<string, string>();
  let current: string | null = 'preamble';
  for (const line of text.split('\n')) {
    const heading = HEADING.exec(line);
    if (heading) current = `§${heading[1]}`;
    if (current) sections.set(current, `${sections.get(current) ?? ''}\n${line}`);
  }
  return new Map([...sections].map(([id, body]) => [id, normalise(body)]));
}

/** Each part of a quote elided with " … " is found, in order, in `body`. */
export function quotedIn(quote: string, body: string): boolean {
  let from = 0;
  for (const part of quote.split(' … ').map(normalise)) {
    const at = body.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}
