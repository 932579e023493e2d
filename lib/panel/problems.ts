/**
 * The policy's problems as the panel's cards show them (issue 16): for each flag of
 * lib/policy/flags.ts, how serious it is, the law it meets in short, and the request that answers
 * it. Kept beside the flags rather than in them; tests/unit/panel/problems.test.ts holds every flag
 * to an entry here.
 *
 * Severity: serious — the processing or transfer itself lacks a lawful basis or breaks a duty of
 * the operator; notable — a right is made slower or harder than the law allows; minor — the
 * policy omits what it must tell, without changing what is done with the data.
 */
import type { Bilingual } from '../policy';
import type { RequestType } from '../vocabulary';

export type Severity = 'serious' | 'notable' | 'minor';

export interface ProblemView {
  severity: Severity;
  law: Bilingual;
  /** The request the card offers. */
  action: RequestType;
}

export const PROBLEMS: Readonly<Record<string, ProblemView>> = {
  'privacy-shield-invalid': {
    severity: 'serious',
    law: {
      ru: 'GDPR, ст. 44–46; решение Суда ЕС C-311/18 (Schrems II)',
      en: 'GDPR Arts. 44–46; CJEU C-311/18 (Schrems II)',
    },
    action: 'objection',
  },
  'cross-border-transfer': {
    severity: 'serious',
    law: {
      ru: '152-ФЗ, ст. 12 (уведомление Роскомнадзора до передачи)',
      en: '152-FZ Art. 12 (notice to Roskomnadzor before a transfer)',
    },
    action: 'restriction',
  },
  localisation: {
    severity: 'serious',
    law: { ru: '152-ФЗ, ч. 5 ст. 18 (базы данных в России)', en: '152-FZ Art. 18(5) (databases in Russia)' },
    action: 'access',
  },
  'bundled-consent': {
    severity: 'serious',
    law: {
      ru: '152-ФЗ, ст. 9 (в ред. 156-ФЗ, с 1 сентября 2025 г.)',
      en: '152-FZ Art. 9 (as amended by 156-FZ, from 1 September 2025)',
    },
    action: 'withdraw_consent',
  },
  'marketing-opt-out-basis': {
    severity: 'notable',
    law: { ru: '38-ФЗ, ч. 1 ст. 18; 152-ФЗ, ч. 1 ст. 15', en: '38-FZ Art. 18(1); 152-FZ Art. 15(1)' },
    action: 'marketing_opt_out',
  },
  'opt-out-ten-days': {
    severity: 'notable',
    law: { ru: '38-ФЗ, ч. 1 ст. 18 (прекратить немедленно)', en: '38-FZ Art. 18(1) (stop immediately)' },
    action: 'marketing_opt_out',
  },
  'no-retention-period': {
    severity: 'notable',
    law: { ru: '152-ФЗ, п. 7 ч. 7 ст. 14; GDPR, п. (a) ч. 2 ст. 13', en: '152-FZ Art. 14(7)(7); GDPR Art. 13(2)(a)' },
    action: 'erasure',
  },
  'operator-unidentified': {
    severity: 'minor',
    law: {
      ru: '152-ФЗ, п. 5 ч. 7 ст. 14 и ст. 22.1; GDPR, ст. 13 и 27',
      en: '152-FZ Arts. 14(7)(5), 22.1; GDPR Arts. 13, 27',
    },
    action: 'access',
  },
};

const ORDER: readonly Severity[] = ['serious', 'notable', 'minor'];

/** The flags with their card data, most serious first (the policy's order within a severity); a flag without an entry is left out. */
export function problemCards<F extends { id: string }>(flags: readonly F[]): Array<ProblemView & { flag: F }> {
  return flags
    .flatMap((flag) => {
      const view = PROBLEMS[flag.id];
      return view ? [{ ...view, flag }] : [];
    })
    .sort((a, b) => ORDER.indexOf(a.severity) - ORDER.indexOf(b.severity));
}

export const PROBLEM_WORDS = {
  serious: { ru: 'Серьёзно', en: 'Serious' },
  notable: { ru: 'Существенно', en: 'Notable' },
  minor: { ru: 'Незначительно', en: 'Minor' },
  severity: { ru: 'Серьёзность', en: 'Severity' },
  law: { ru: 'Закон', en: 'The law' },
  sources: { ru: 'Источники', en: 'Sources' },
  intro: {
    ru: 'Где политика Ingroup расходится с законом — от самого серьёзного. Кнопка на карточке открывает подходящий запрос.',
    en: 'Where Ingroup’s policy falls short of the law, most serious first. The button on each card opens the request that answers it.',
  },
} as const satisfies Record<string, Bilingual>;
