import { describe, expect, it } from 'vitest';
import { FLAGS } from '@/lib/policy/flags';

const flag = (id: string) => FLAGS.find((f) => f.id === id);

describe('the flags on the policy', () => {
  it('are the three DESIGN names, each on the section it concerns', () => {
    expect(FLAGS.map((f) => [f.id, f.section])).toEqual([
      ['privacy-shield-invalid', '§7'],
      ['opt-out-ten-days', '§5.3'],
      ['bundled-consent', '§1'],
    ]);
  });

  it.each([
    ['privacy-shield-invalid', ['C-311/18', '16 July 2020', 'Data Privacy Framework', '10 July 2023'], ['C-311/18', '16 июля 2020', '10 июля 2023']],
    ['opt-out-ten-days', ['10 business days', '38-FZ', 'immediately'], ['10 рабочих дней', '38-ФЗ', 'немедленно']],
    ['bundled-consent', ['1 September 2025', '152-FZ Art. 9', '156-FZ', 'separate'], ['1 сентября 2025', '152-ФЗ, ст. 9', '156-ФЗ', 'отдельно']],
  ])('%s states the facts in both languages', (id, en, ru) => {
    for (const fact of en) expect(flag(id)?.text.en).toContain(fact);
    for (const fact of ru) expect(flag(id)?.text.ru).toContain(fact);
  });

  it.each([
    ['privacy-shield-invalid', ['curia.europa.eu', 'commission.europa.eu', 'eur-lex.europa.eu']],
    ['opt-out-ten-days', ['consultant.ru']],
    ['bundled-consent', ['consultant.ru', 'publication.pravo.gov.ru']],
  ])('%s cites its sources over HTTPS', (id, hosts) => {
    const sources = flag(id)?.sources ?? [];
    expect(sources.map((s) => new URL(s.url).hostname.replace(/^www\./, ''))).toEqual(hosts);
    for (const s of sources) expect(new URL(s.url).protocol).toBe('https:');
  });
});
