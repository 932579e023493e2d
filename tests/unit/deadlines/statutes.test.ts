import { describe, expect, it } from 'vitest';
import { RULES, type Period } from '@/lib/deadlines/rules';
import { REQUEST_TYPES } from '@/lib/vocabulary';
import { STATUTE_TEXT } from '@/lib/deadlines/statute-texts';
import { cite, STATUTE, type ExcerptId } from '@/lib/deadlines/statutes';

/** How each statute writes the numbers the rules use (genitive after «не превышающий», «в течение»). */
const RU_NUMBER: Record<number, RegExp> = {
  3: /трех рабочих дней/,
  5: /пять рабочих дней/,
  7: /семи рабочих дней/,
  10: /десяти рабочих дней/,
  30: /тридцати дней/,
};
const EN_NUMBER: Record<number, RegExp> = { 1: /within one month/, 2: /two further months/ };

function wordsFor(period: Period, act: string): RegExp {
  if (period.unit === 'immediately') return /немедленно/;
  return (act === 'GDPR' ? EN_NUMBER : RU_NUMBER)[period.count] ?? /^$/;
}

describe('every deadline rule says what the statute it cites says', () => {
  for (const regime of ['ru152', 'gdpr'] as const) {
    for (const type of REQUEST_TYPES) {
      const rule = RULES[regime][type];
      if (!rule.period) continue;
      it(`${regime} ${type}: ${JSON.stringify(rule.period)} is in the words of ${rule.cites[0]}`, () => {
        const id = rule.cites[0] as ExcerptId;
        const text = STATUTE_TEXT[id];
        expect(text).toMatch(wordsFor(rule.period!, STATUTE[id].act));
        if (rule.extension) expect(text).toMatch(wordsFor(rule.extension, STATUTE[id].act));
        if (rule.then) expect(text).toMatch(wordsFor(rule.then.period, STATUTE[id].act));
      });
    }
  }

  it('counts working days where the statute says working days, and calendar days where it does not', () => {
    expect(STATUTE_TEXT['ru152-21-5']).not.toMatch(/тридцати рабочих/);
    expect(RULES.ru152.withdraw_consent.period).toEqual({ unit: 'days', count: 30 });
    expect(STATUTE_TEXT['ru152-20-3']).toMatch(/семи рабочих дней/);
    expect(RULES.ru152.rectification.period).toEqual({ unit: 'working_days', count: 7 });
  });

  it('rests every Russian working-day rule on Civil Code Arts. 191 and 193', () => {
    for (const type of REQUEST_TYPES) {
      const rule = RULES.ru152[type];
      if (rule.period?.unit === 'working_days' || rule.period?.unit === 'days')
        expect(rule.cites).toEqual(expect.arrayContaining(['gk-191', 'gk-193']));
    }
  });

  it('writes citations as a Russian or English reader expects', () => {
    expect(cite('ru152-21-5.1', 'ru')).toBe('ч. 5.1 ст. 21 152-ФЗ');
    expect(cite('ru152-21-5.1', 'en')).toBe('152-FZ Art. 21(5.1)');
    expect(cite('gk-193', 'ru')).toBe('ст. 193 ГК РФ');
    expect(cite('gdpr-12-3', 'ru')).toBe('ч. 3 ст. 12 GDPR');
    expect(cite('gdpr-12-3', 'en')).toBe('GDPR Art. 12(3)');
  });

  it('quotes the request contents Art. 14(3) asks for: an identity document, the relationship with the operator, a signature', () => {
    const text = STATUTE_TEXT['ru152-14-3'];
    expect(text).toMatch(/номер основного документа, удостоверяющего личность/);
    expect(text).toMatch(/сведения, подтверждающие участие субъекта персональных данных в отношениях с оператором/);
    expect(text).toMatch(/подпись субъекта персональных данных/);
    expect(text).toMatch(/подписан электронной подписью/);
  });
});
