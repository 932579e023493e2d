import { describe, expect, it } from 'vitest';
import { FLAGS } from '@/lib/policy/flags';
import { quotedIn, sectionTexts } from './policy-text';

const sections = sectionTexts();

const flag = (id: string) => FLAGS.find((f) => f.id === id);

describe('the flags on the policy', () => {
  it('are the DESIGN names and the legal review’s, each on the section it concerns', () => {
    expect(FLAGS.map((f) => [f.id, f.section])).toEqual([
      ['privacy-shield-invalid', '§7'],
      ['opt-out-ten-days', '§5.3'],
      ['bundled-consent', 'preamble'],
      ['cross-border-transfer', '§9'],
      ['localisation', '§9'],
      ['marketing-opt-out-basis', '§3.3'],
      ['no-retention-period', '§10'],
      ['operator-unidentified', 'preamble'],
    ]);
  });

  it.each(FLAGS.map((f) => [f.id, f] as const))(
    '%s quotes the policy’s own words from its section, paragraph breaks included',
    (_id, f) => {
      expect(quotedIn(f.quote, sections.get(f.section) ?? '')).toBe(true);
    },
  );

  it.each([
    [
      'privacy-shield-invalid',
      ['C-311/18', '16 July 2020', 'Data Privacy Framework', '10 July 2023'],
      ['C-311/18', '16 июля 2020', '10 июля 2023'],
    ],
    ['opt-out-ten-days', ['10 business days', '38-FZ', 'immediately'], ['10 рабочих дней', '38-ФЗ', 'немедленно']],
    [
      'bundled-consent',
      ['1 September 2025', '152-FZ Art. 9', '156-FZ', 'separate', 'Where processing rests on consent'],
      ['1 сентября 2025', '152-ФЗ, ст. 9', '156-ФЗ', 'отдельно', 'Там, где обработка опирается на согласие'],
    ],
    [
      'privacy-shield-invalid',
      ['open only to US organisations', 'Art. 46'],
      ['только для организаций США', 'ст. 46 GDPR'],
    ],
    [
      'cross-border-transfer',
      ['1 March 2023', '152-FZ Art. 12', 'Roskomnadzor'],
      ['1 марта 2023', '152-ФЗ, ст. 12', 'Роскомнадзор'],
    ],
    ['localisation', ['152-FZ Art. 18(5)', 'in Russia'], ['152-ФЗ, ч. 5 ст. 18', 'на территории России']],
    [
      'marketing-opt-out-basis',
      ['38-FZ Art. 18(1)', '152-FZ Art. 15(1)', 'prior consent'],
      ['38-ФЗ, ч. 1 ст. 18', '152-ФЗ, ч. 1 ст. 15', 'предварительного согласия'],
    ],
    ['no-retention-period', ['no retention period', 'the Terms'], ['не называет ни одного срока', 'Условиям']],
    [
      'operator-unidentified',
      ['no address', 'registration numbers', 'Art. 22.1', 'GDPR Art. 27'],
      ['ни адреса', 'ОГРН', 'ст. 22.1', 'ст. 27 GDPR'],
    ],
  ])('%s states the facts in both languages', (id, en, ru) => {
    for (const fact of en) expect(flag(id)?.text.en).toContain(fact);
    for (const fact of ru) expect(flag(id)?.text.ru).toContain(fact);
  });

  it.each([
    ['privacy-shield-invalid', ['curia.europa.eu', 'commission.europa.eu', 'eur-lex.europa.eu', 'eur-lex.europa.eu']],
    ['opt-out-ten-days', ['consultant.ru']],
    ['bundled-consent', ['consultant.ru', 'publication.pravo.gov.ru']],
  ])('%s cites its sources over HTTPS', (id, hosts) => {
    const sources = flag(id)?.sources ?? [];
    expect(sources.map((s) => new URL(s.url).hostname.replace(/^www\./, ''))).toEqual(hosts);
    for (const s of sources) expect(new URL(s.url).protocol).toBe('https:');
  });
});
