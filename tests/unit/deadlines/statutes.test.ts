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

  it.each([
    ['ru152-14-3', 'ч. 3 ст. 14 152-ФЗ', '152-FZ Art. 14(3)'],
    ['ru152-21-5.1', 'ч. 5.1 ст. 21 152-ФЗ', '152-FZ Art. 21(5.1)'],
    ['ad38-18-1', 'ч. 1 ст. 18 38-ФЗ', '38-FZ Art. 18(1)'],
    ['gk-191', 'ст. 191 ГК РФ', 'Civil Code Art. 191'],
    ['gk-193', 'ст. 193 ГК РФ', 'Civil Code Art. 193'],
    ['gdpr-12-3', 'ч. 3 ст. 12 GDPR', 'GDPR Art. 12(3)'],
    ['gdpr-21-3', 'ч. 3 ст. 21 GDPR', 'GDPR Art. 21(3)'],
  ] as const)('writes %s as a Russian (%s) or English (%s) reader expects', (id, ru, en) => {
    expect(cite(id, 'ru')).toBe(ru);
    expect(cite(id, 'en')).toBe(en);
  });

  it('quotes the request contents Art. 14(3) asks for: an identity document, the relationship with the operator, a signature', () => {
    const text = STATUTE_TEXT['ru152-14-3'];
    expect(text).toMatch(/номер основного документа, удостоверяющего личность/);
    expect(text).toMatch(/сведения, подтверждающие участие субъекта персональных данных в отношениях с оператором/);
    expect(text).toMatch(/подпись субъекта персональных данных/);
    expect(text).toMatch(/подписан электронной подписью/);
  });
});

/** What the product relies on each provision for, in the provision's own words. */
const RELIED_ON: Record<ExcerptId, RegExp[]> = {
  'ru152-14-3': [/в течение десяти рабочих дней/, /не более чем на пять рабочих дней/],
  'ru152-20-3': [/неполными, неточными или неактуальными/, /не являются необходимыми для заявленной цели/],
  'ru152-21-3': [/прекратить неправомерную обработку/, /обязан уничтожить/],
  'ru152-21-5': [/отзыва субъектом персональных данных согласия/, /тридцати дней с даты поступления/],
  'ru152-21-5.1': [/требованием о прекращении обработки/, /не более чем на пять рабочих дней/],
  'ru152-15-2': [/немедленно прекратить по требованию/],
  'ru152-15-1': [/в целях продвижения товаров, работ, услуг/, /только при условии предварительного согласия/],
  'ru152-17-1': [/вправе обжаловать действия или бездействие оператора в уполномоченный орган/],
  'ru152-23-3': [/требовать от оператора уточнения, блокирования или уничтожения/, /приостановлению или прекращению/],
  'ad38-18-1': [
    /только при условии предварительного согласия абонента/,
    /немедленно прекратить распространение рекламы/,
  ],
  'gk-191': [/начинается на следующий день после календарной даты/],
  'gk-193': [/приходится на нерабочий день/, /ближайший следующий за ним рабочий день/],
  'gdpr-12-3': [/within one month of receipt/, /extended by two further months/],
  'gdpr-21-3': [/objects to processing for direct marketing/, /shall no longer be processed/],
};

describe('every provision the product cites says what the product relies on it for', () => {
  it.each(Object.keys(STATUTE) as ExcerptId[])('%s', (id) => {
    for (const words of RELIED_ON[id]) expect(STATUTE_TEXT[id]).toMatch(words);
  });
});

/** How a rule's `source` line writes a cited provision. */
function inSource(id: ExcerptId): RegExp {
  const { act, article } = STATUTE[id];
  const [, number, part] = /^(\d+)(?:\(([\d.]+)\))?$/.exec(article) ?? [];
  if (act === 'GDPR') return new RegExp(`GDPR\\)? Arts?\\. (.*, )?${number}\\(${part}\\)`);
  if (act === 'GK') return new RegExp(`ГК РФ, ст\\. (\\d+, )*${number}`);
  return new RegExp(`${act.replace('FZ', 'ФЗ')}, (ч\\. [\\d.]+ ст\\. \\d+, )*ч\\. ${part} ст\\. ${number}`);
}

describe('every rule cites its own regime’s law, and its source line names what it cites', () => {
  const OWN_LAW = { ru152: ['152-FZ', '38-FZ', 'GK'], gdpr: ['GDPR'] } as const;
  for (const regime of ['ru152', 'gdpr'] as const) {
    for (const type of REQUEST_TYPES) {
      it(`${regime} ${type}`, () => {
        const rule = RULES[regime][type];
        if (regime === 'ru152') expect(rule.cites.length).toBeGreaterThan(0);
        for (const id of rule.cites) {
          expect(Object.keys(STATUTE)).toContain(id);
          expect(OWN_LAW[regime]).toContain(STATUTE[id].act);
          expect(rule.source).toMatch(inSource(id));
        }
        expect(rule.source).toMatch(
          regime === 'ru152' ? /^152-ФЗ, / : /^(GDPR|Regulation \(EU\) 2016\/679 \(GDPR\)) Arts?\. /,
        );
      });
    }
  }

  it('rests the marketing opt-in under 152-FZ on the provisions that make marketing need prior consent', () => {
    expect(RULES.ru152.marketing_opt_in.cites).toEqual(['ru152-15-1', 'ad38-18-1']);
    for (const id of RULES.ru152.marketing_opt_in.cites) expect(STATUTE_TEXT[id]).toMatch(/предварительного согласия/);
    expect(RULES.gdpr.marketing_opt_in.source).toBe('GDPR Arts. 6(1)(a), 7');
  });
});
