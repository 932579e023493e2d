import { describe, expect, it } from 'vitest';
import { PURPOSES } from '@/lib/policy/purposes';
import { ConsentPurpose } from '@/lib/vocabulary';
import { quotedIn, sectionTexts } from './policy-text';

const sections = sectionTexts();

describe('the purposes of the policy', () => {
  it('are the three choices the ledger records, and no others', () => {
    expect(ConsentPurpose.options).toEqual(['marketing', 'improvements', 'third_party_combination']);
    expect(ConsentPurpose.safeParse('operations').success).toBe(false);
  });

  it.each([
    ['operations', ['§3.1'], 'none', undefined],
    ['administrative', ['§3.3', '§5.3'], 'none', undefined],
    ['marketing', ['§3.3', '§5.3'], 'opt_out', 'marketing'],
    ['improvements', ['§3.2', '§5.1'], 'objection', 'improvements'],
    ['third_party_combination', ['§1', '§5.1'], 'objection', 'third_party_combination'],
  ] as const)('%s (%j): choice %s', (key, expectedSections, kind, purpose) => {
    const p = PURPOSES.find((x) => x.key === key);
    expect(p?.sections).toEqual(expectedSections);
    expect(p?.choice.kind).toBe(kind);
    if (p?.choice.kind !== 'none') expect(p?.choice.purpose).toBe(purpose);
  });

  it.each(PURPOSES.map((p) => [p.key, p] as const))('%s quotes the first section it cites', (_key, purpose) => {
    expect(quotedIn(purpose.quote, sections.get(purpose.sections[0] ?? '') ?? '')).toBe(true);
  });

  it('says in both languages why a purpose without a choice has none', () => {
    for (const p of PURPOSES) {
      if (p.choice.kind !== 'none') continue;
      expect(p.choice.reason.ru).toMatch(/[а-яё]{4}/i);
      expect(p.choice.reason.en.length).toBeGreaterThan(20);
    }
  });
});
