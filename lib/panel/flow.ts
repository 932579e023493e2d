/**
 * Where the data goes (issue 16), as data the panel draws: the account → its Ingroup widgets →
 * Ingroup LLC → each recipient and transfer the policy names, every arrow tied to the policy
 * statement it comes from (lib/policy/statements.ts) and carrying the flags (lib/policy/flags.ts)
 * that are about it. A flag about no recipient in particular sits on the arrow into Ingroup.
 * Change the policy data and the picture follows; tests/unit/panel/flow.test.ts holds every
 * statement id to the policy and every flag to exactly one arrow.
 */
import { FLAGS, STATEMENTS, type Bilingual, type Flag } from '../policy';
import type { Lang } from '../vocabulary';

interface RecipientSpec {
  id: string;
  label: Bilingual;
  /** The policy statement that names this recipient. */
  statement: string;
  /** The flags about this arrow, by id. */
  flags: readonly string[];
}

export const FLOW_RECIPIENTS: readonly RecipientSpec[] = [
  {
    id: 'providers',
    statement: 'recipient-providers',
    flags: [],
    label: {
      ru: 'Подрядчики: хостинг, разработка, сопровождение',
      en: 'Service providers: hosting, development, maintenance',
    },
  },
  {
    id: 'affiliates',
    statement: 'storage-anywhere',
    flags: [],
    label: { ru: 'Аффилированные лица, на своих серверах', en: 'Affiliates, on their servers' },
  },
  {
    id: 'acquirer',
    statement: 'recipient-acquirer',
    flags: [],
    label: { ru: 'Покупатель или правопреемник компании', en: 'An acquirer or successor of the company' },
  },
  {
    id: 'authorities',
    statement: 'recipient-authorities',
    flags: [],
    label: {
      ru: 'Госорганы и суды, а также «для защиты компании»',
      en: 'Authorities and courts, and "to protect the company"',
    },
  },
  {
    id: 'third-parties',
    statement: 'recipient-consent',
    flags: [],
    label: { ru: 'Третьи лица, с вашего согласия', en: 'Third parties, with your consent' },
  },
  {
    id: 'aggregated',
    statement: 'recipient-aggregated',
    flags: [],
    label: {
      ru: 'Третьи лица: обезличенные сводки, в т. ч. для маркетинга',
      en: 'Third parties: aggregated data, marketing included',
    },
  },
  {
    id: 'us-transfer',
    statement: 'transfer-privacy-shield',
    flags: ['privacy-shield-invalid'],
    label: {
      ru: 'США: передача из ЕС, Великобритании и Швейцарии',
      en: 'The US: transfers from the EU, UK and Switzerland',
    },
  },
  {
    id: 'anywhere',
    statement: 'storage-anywhere',
    flags: ['cross-border-transfer', 'localisation'],
    label: {
      ru: 'Хранение «где угодно в мире», в том числе в США',
      en: 'Storage "anywhere in the world", the US included',
    },
  },
];

export const FLOW_WORDS = {
  heading: { ru: 'Куда уходят ваши данные', en: 'Where your data goes' },
  intro: {
    ru: 'По словам политики Ingroup: из аккаунта через виджеты — в Ingroup LLC, а оттуда — тем, кого она называет. Знак «!» на стрелке — проблема политики, о ней ниже.',
    en: 'As Ingroup’s policy tells it: from the account, through the widgets, to Ingroup LLC, and from there to those it names. A "!" on an arrow is a problem with the policy, set out below.',
  },
  account: { ru: 'Ваш аккаунт amoCRM', en: 'Your amoCRM account' },
  widgets: { ru: 'Виджеты Ingroup', en: 'Ingroup widgets' },
  noWidgets: { ru: 'виджетов Ingroup не найдено', en: 'no Ingroup widget found' },
  more: { ru: 'и ещё {count}', en: 'and {count} more' },
  ingroup: { ru: 'Ingroup LLC', en: 'Ingroup LLC' },
  textHeading: { ru: 'То же словами', en: 'The same in words' },
  collects: {
    ru: 'Ваш аккаунт amoCRM → виджеты Ingroup ({widgets}) → Ingroup LLC',
    en: 'Your amoCRM account → Ingroup widgets ({widgets}) → Ingroup LLC',
  },
  to: { ru: 'Ingroup LLC → {recipient}', en: 'Ingroup LLC → {recipient}' },
  flag: { ru: 'проблема: {title}', en: 'problem: {title}' },
} as const satisfies Record<string, Bilingual>;

export interface FlowArrow {
  id: string;
  label: string;
  section: string;
  quote: string;
  flags: Flag[];
}

export interface DataFlow {
  widgets: string[];
  /** The arrow from the account into Ingroup: the flags about the collection itself. */
  collection: { flags: Flag[] };
  recipients: FlowArrow[];
}

export function buildFlow(widgetNames: readonly string[], lang: Lang): DataFlow {
  const flag = (id: string): Flag => {
    const found = FLAGS.find((f) => f.id === id);
    if (!found) throw new Error(`The data-flow picture names a flag the policy data does not have: ${id}`);
    return found;
  };
  const recipients = FLOW_RECIPIENTS.map((r) => {
    const statement = STATEMENTS.find((s) => s.id === r.statement);
    if (!statement)
      throw new Error(`The data-flow picture names a statement the policy data does not have: ${r.statement}`);
    return {
      id: r.id,
      label: r.label[lang],
      section: statement.section,
      quote: statement.quote,
      flags: r.flags.map(flag),
    };
  });
  const placed = new Set(FLOW_RECIPIENTS.flatMap((r) => r.flags));
  return { widgets: [...widgetNames], collection: { flags: FLAGS.filter((f) => !placed.has(f.id)) }, recipients };
}

/** A label cut into lines of at most `width` characters at spaces, for SVG text (which does not wrap). */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}
