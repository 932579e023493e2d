/**
 * The provisions of law that the deadline rules, the letters and the complaint rest on, as data:
 * each names its act, article and part. Their words are in statute-texts.ts, and tests hold every
 * rule's period to the words of the provision it cites (tests/unit/deadlines/statutes.test.ts), so
 * a number typed into a rule cannot drift from the statute. docs/legal-sources.md says where each
 * text was taken from.
 */
import type { Lang } from '../vocabulary';

export type Act = '152-FZ' | '38-FZ' | 'GK' | 'GDPR';

export interface Citation {
  act: Act;
  /** Article, with its part: '14(3)', '21(5.1)', '12(3)'. */
  article: string;
}

export const STATUTE = {
  'ru152-14-3': { act: '152-FZ', article: '14(3)' },
  'ru152-20-3': { act: '152-FZ', article: '20(3)' },
  'ru152-21-3': { act: '152-FZ', article: '21(3)' },
  'ru152-21-5': { act: '152-FZ', article: '21(5)' },
  'ru152-21-5.1': { act: '152-FZ', article: '21(5.1)' },
  'ru152-15-2': { act: '152-FZ', article: '15(2)' },
  'ru152-15-1': { act: '152-FZ', article: '15(1)' },
  'ru152-17-1': { act: '152-FZ', article: '17(1)' },
  'ru152-23-3': { act: '152-FZ', article: '23(3)' },
  'ad38-18-1': { act: '38-FZ', article: '18(1)' },
  'gk-191': { act: 'GK', article: '191' },
  'gk-193': { act: 'GK', article: '193' },
  'gdpr-12-3': { act: 'GDPR', article: '12(3)' },
  'gdpr-21-3': { act: 'GDPR', article: '21(3)' },
} as const satisfies Record<string, Citation>;

export type ExcerptId = keyof typeof STATUTE;

/** "152-ФЗ, ст. 14 ч. 3" / "152-FZ Art. 14(3)": a citation short enough for a line. */
export function cite(id: ExcerptId, lang: Lang): string {
  const e: Citation = STATUTE[id];
  // '21(5.1)' → article 21, part 5.1; '191' → article 191, no part.
  const [article, part] = e.article.replace(')', '').split('(');
  const act =
    e.act === 'GK' ? (lang === 'ru' ? 'ГК РФ' : 'Civil Code') : lang === 'ru' ? e.act.replace('FZ', 'ФЗ') : e.act;
  return lang === 'ru' ? `${part ? `ч. ${part} ` : ''}ст. ${article} ${act}` : `${act} Art. ${e.article}`;
}
