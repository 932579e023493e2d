/**
 * The purposes of §3 and whether the administrator has a choice (DESIGN §6). Three can be
 * refused — promotional email (opt-out, §3.3/§5.3), improvements (objection, §3.2 + §5.1) and
 * combining data from third parties (objection, §1 + §5.1); two cannot, with the reason.
 */
import { z } from 'zod/mini';
import { ConsentPurpose } from '../vocabulary';
import { Bilingual, SectionId } from './schema';

export const PurposeSchema = z.object({
  key: z.enum(['operations', 'improvements', 'administrative', 'marketing', 'third_party_combination']),
  sections: z.array(SectionId).check(z.minLength(1)),
  label: Bilingual,
  text: Bilingual,
  /** The policy's own words (English, as published), from the first of `sections`. */
  quote: z.string().check(z.minLength(1)),
  choice: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('opt_out'), purpose: ConsentPurpose, policyDefault: z.literal('given') }),
    z.object({ kind: z.literal('objection'), purpose: ConsentPurpose, policyDefault: z.literal('given') }),
    z.object({ kind: z.literal('none'), reason: Bilingual }),
  ]),
});
export type Purpose = z.infer<typeof PurposeSchema>;

export const PURPOSES: readonly Purpose[] = z.array(PurposeSchema).parse([
  {
    key: 'operations',
    sections: ['§3.1'],
    quote: 'We use your information to operate, maintain, enhance and provide all the features of the Service',
    label: { ru: 'Работа сервиса', en: 'Operating the service' },
    text: {
      ru: 'Работа, поддержка и развитие функций виджетов, ответы на вопросы и техническая поддержка.',
      en: 'Operating, maintaining and providing the widgets’ features, answering questions and support.',
    },
    choice: {
      kind: 'none',
      reason: {
        ru: 'Без этого виджет не работает: отказаться можно, только удалив виджет и запросив удаление данных.',
        en: 'The widget cannot work without it: the way out is to uninstall the widget and request deletion.',
      },
    },
  },
  {
    key: 'administrative',
    sections: ['§3.3', '§5.3'],
    quote: 'to contact that Visitor or User\n\nfor administrative purposes such as customer service',
    label: { ru: 'Служебные сообщения', en: 'Administrative messages' },
    text: {
      ru: 'Письма о работе сервиса, поддержке, нарушениях прав и конфиденциальности.',
      en: 'Messages about the service, customer support, infringement and privacy issues.',
    },
    choice: {
      kind: 'none',
      reason: {
        ru: 'По §5.3 политики служебные письма приходят и после отказа от рекламных.',
        en: 'Under §5.3 administrative messages continue even after opting out of promotional ones.',
      },
    },
  },
  {
    key: 'marketing',
    sections: ['§3.3', '§5.3'],
    quote: 'With updates on promotions and events relating to the Service.',
    label: { ru: 'Рекламные письма', en: 'Promotional email' },
    text: {
      ru: 'Новости об акциях и мероприятиях сервиса на ваш email.',
      en: 'Updates on promotions and events relating to the service, by email.',
    },
    choice: { kind: 'opt_out', purpose: 'marketing', policyDefault: 'given' },
  },
  {
    key: 'improvements',
    sections: ['§3.2', '§5.1'],
    quote:
      'to understand and analyze the usage trends and preferences of our Visitors and Users, to improve the Service, and to develop new products',
    label: { ru: 'Улучшение сервиса и аналитика', en: 'Improvements and analytics' },
    text: {
      ru: 'Анализ использования и предпочтений, улучшение сервиса, разработка новых продуктов.',
      en: 'Analysing usage trends and preferences, improving the service, developing new products.',
    },
    choice: { kind: 'objection', purpose: 'improvements', policyDefault: 'given' },
  },
  {
    key: 'third_party_combination',
    sections: ['§1', '§5.1'],
    quote:
      'If we combine or associate information from other sources with Personal Data that we collect through the Service, we will treat the combined information as Personal Data',
    label: { ru: 'Объединение с данными третьих лиц', en: 'Combining with third-party data' },
    text: {
      ru: 'Сведения от партнёров и рекламодателей, объединённые с вашими персональными данными.',
      en: 'Information from partners and advertisers combined with your personal data.',
    },
    choice: { kind: 'objection', purpose: 'third_party_combination', policyDefault: 'given' },
  },
]);
