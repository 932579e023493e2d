/** Where the 2022-01-20 policy falls short of the law, each with its sources (DESIGN §4). */
import { z } from 'zod/mini';
import { FlagSchema, type Flag } from './schema';

export const FLAGS: readonly Flag[] = z.array(FlagSchema).parse([
  {
    id: 'privacy-shield-invalid',
    severity: 'warning',
    section: '§7',
    quote: 'complies with the EU-U.S. and Swiss-U.S. Privacy Shield Frameworks',
    title: { ru: 'Privacy Shield недействителен', en: 'The Privacy Shield is invalid' },
    text: {
      ru: 'Политика опирается на EU-US Privacy Shield, который Суд ЕС признал недействительным 16 июля 2020 г. (дело Schrems II, C-311/18) — ещё до её вступления в силу. Его преемник с 10 июля 2023 г., EU-US Data Privacy Framework, открыт только для организаций США и Ingroup не поможет; для передачи данных из ЕС в Россию, у которой нет решения о достаточности защиты, нужны гарантии ст. 46 GDPR (например, стандартные договорные условия).',
      en: 'The policy relies on the EU-US Privacy Shield, which the Court of Justice of the EU invalidated on 16 July 2020 (Schrems II, C-311/18) — before the policy took effect. Its successor from 10 July 2023, the EU-US Data Privacy Framework, is open only to US organisations and cannot cover Ingroup; transfers from the EU to Russia, which has no adequacy decision, need GDPR Art. 46 safeguards (such as standard contractual clauses).',
    },
    sources: [
      {
        name: 'CJEU, C-311/18 (Schrems II), judgment of 16 July 2020',
        url: 'https://curia.europa.eu/juris/liste.jsf?num=C-311/18',
      },
      {
        name: 'European Commission: adequacy decision for the EU-US Data Privacy Framework, 10 July 2023',
        url: 'https://commission.europa.eu/document/fa09cbad-dd7d-4684-ae60-be03fcb0fddf_en',
      },
      {
        name: 'Commission Implementing Decision (EU) 2023/1795 of 10 July 2023',
        url: 'https://eur-lex.europa.eu/eli/dec_impl/2023/1795/oj',
      },
      { name: 'Regulation (EU) 2016/679 (GDPR), Art. 46', url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj' },
    ],
  },
  {
    id: 'opt-out-ten-days',
    severity: 'warning',
    section: '§5.3',
    quote: 'it may take up to ten (10) business days for us to process your request',
    title: { ru: '«До десяти рабочих дней» на отказ от рассылки', en: '"Up to ten business days" to stop marketing' },
    text: {
      ru: 'Политика даёт себе до 10 рабочих дней на отказ от рекламных писем, а закон «О рекламе» (38-ФЗ, ст. 18 ч. 1) требует немедленно прекратить рассылку по требованию получателя.',
      en: 'The policy gives itself up to 10 business days to act on a marketing opt-out, while Russian advertising law (38-FZ Art. 18(1)) requires stopping immediately on the recipient’s demand.',
    },
    sources: [
      {
        name: 'Федеральный закон от 13.03.2006 № 38-ФЗ «О рекламе», ст. 18',
        url: 'https://www.consultant.ru/document/cons_doc_LAW_58968/f892dec1383709792452f18d36e7043306e2be0a/',
      },
    ],
  },
  {
    id: 'bundled-consent',
    severity: 'warning',
    section: 'preamble',
    quote:
      'By visiting the Site, or by purchasing or using the Service, you accept the privacy practices described in this Policy.',
    title: { ru: 'Согласие не оформлено отдельно', en: 'Consent is not a separate document' },
    text: {
      ru: 'Политика считает себя принятой, стоит лишь зайти на сайт или пользоваться сервисом. Там, где обработка опирается на согласие (§1: «We may also process data upon your consent»), с 1 сентября 2025 г. закон о персональных данных (152-ФЗ, ст. 9 в ред. 156-ФЗ) требует оформлять согласие отдельно от других документов.',
      en: 'The policy holds itself accepted by a mere visit or use of the service. Where processing rests on consent (§1: "We may also process data upon your consent"), Russian data-protection law (152-FZ Art. 9 as amended by 156-FZ) requires, since 1 September 2025, that consent be a separate document.',
    },
    sources: [
      {
        name: 'Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных», ст. 9',
        url: 'https://www.consultant.ru/document/cons_doc_LAW_61801/6c94959bc017ac80140621762d2ac59f6006b08c/',
      },
      {
        name: 'Федеральный закон от 24.06.2025 № 156-ФЗ (изменения ст. 9 152-ФЗ с 1 сентября 2025 г.)',
        url: 'https://publication.pravo.gov.ru/document/0001202506240021',
      },
    ],
  },
  {
    id: 'cross-border-transfer',
    severity: 'warning',
    section: '§9',
    quote:
      'We may store all Personal Information we collect anywhere in the world, including but not limited to, in the United States',
    title: { ru: 'Трансграничная передача без уведомления', en: 'Cross-border transfer without notice' },
    text: {
      ru: 'Политика разрешает себе хранить данные «где угодно в мире», в том числе в США. С 1 марта 2023 г. оператор обязан до начала трансграничной передачи уведомить Роскомнадзор (152-ФЗ, ст. 12); политика об этом не говорит, а США не входят в перечень стран с адекватной защитой.',
      en: 'The policy allows itself to store data "anywhere in the world", the US included. Since 1 March 2023 an operator must notify Roskomnadzor before transferring data abroad (152-FZ Art. 12); the policy says nothing of it, and the US is not on Russia’s list of countries with adequate protection.',
    },
    sources: [
      {
        name: 'Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных», ст. 12 (в ред. 266-ФЗ, с 01.03.2023)',
        url: 'https://www.consultant.ru/document/cons_doc_LAW_61801/',
      },
      { name: 'Роскомнадзор: портал персональных данных', url: 'https://pd.rkn.gov.ru/' },
    ],
  },
  {
    id: 'localisation',
    severity: 'warning',
    section: '§9',
    quote: 'on our servers, on the servers of our affiliates or the servers of our service providers',
    title: { ru: 'Локализация данных граждан РФ', en: 'Localisation of Russian citizens’ data' },
    text: {
      ru: 'При сборе персональных данных граждан России запись, систематизация, накопление, хранение, уточнение и извлечение должны вестись в базах данных на территории России (152-ФЗ, ч. 5 ст. 18). Политика называет хранение «где угодно в мире» и не упоминает этого требования.',
      en: 'When collecting Russian citizens’ personal data, their recording, systematisation, accumulation, storage, updating and retrieval must use databases located in Russia (152-FZ Art. 18(5)). The policy speaks of storage "anywhere in the world" and never mentions the requirement.',
    },
    sources: [
      {
        name: 'Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных», ч. 5 ст. 18',
        url: 'https://www.consultant.ru/document/cons_doc_LAW_61801/',
      },
    ],
  },
  {
    id: 'marketing-opt-out-basis',
    severity: 'warning',
    section: '§3.3',
    quote: 'With updates on promotions and events relating to the Service.',
    title: { ru: 'Реклама без предварительного согласия', en: 'Marketing without prior consent' },
    text: {
      ru: 'Политика рассылает рекламу по умолчанию и лишь позволяет отказаться от неё. Закон требует предварительного согласия: на рекламу по сетям электросвязи (38-ФЗ, ч. 1 ст. 18) и на обработку данных для продвижения товаров и услуг (152-ФЗ, ч. 1 ст. 15).',
      en: 'The policy sends promotions by default and only lets you opt out. The law requires prior consent: to advertising over telecommunication networks (38-FZ Art. 18(1)) and to processing data to promote goods and services (152-FZ Art. 15(1)).',
    },
    sources: [
      {
        name: 'Федеральный закон от 13.03.2006 № 38-ФЗ «О рекламе», ст. 18',
        url: 'https://www.consultant.ru/document/cons_doc_LAW_58968/',
      },
      {
        name: 'Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных», ст. 15',
        url: 'https://www.consultant.ru/document/cons_doc_LAW_61801/',
      },
    ],
  },
  {
    id: 'no-retention-period',
    severity: 'warning',
    section: '§10',
    quote:
      'How long we retain your Personal Data depends of the type of data and the purpose for which we process the data',
    title: { ru: 'Срок хранения не указан', en: 'No retention period' },
    text: {
      ru: 'Политика не называет ни одного срока хранения, а правила удаления отсылает к «Условиям», которых не приводит. Субъект вправе знать сроки обработки и хранения (152-ФЗ, п. 7 ч. 7 ст. 14; GDPR, п. (a) ч. 2 ст. 13).',
      en: 'The policy names no retention period at all and refers deletion to "the Terms", which it never gives. A data subject is entitled to know how long data are processed and kept (152-FZ Art. 14(7)(7); GDPR Art. 13(2)(a)).',
    },
    sources: [
      {
        name: 'Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных», ст. 14',
        url: 'https://www.consultant.ru/document/cons_doc_LAW_61801/',
      },
      { name: 'Regulation (EU) 2016/679 (GDPR), Art. 13', url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj' },
    ],
  },
  {
    id: 'operator-unidentified',
    severity: 'warning',
    section: 'preamble',
    quote: 'Widgets by Ingroup is the product of Ingroup LLC',
    title: { ru: 'Оператор не назван полностью', en: 'The operator is not identified' },
    text: {
      ru: 'Политика называет лишь «Ingroup LLC» и email: ни адреса, ни ОГРН и ИНН, ни ответственного за обработку персональных данных (152-ФЗ, ст. 22.1), ни представителя в ЕС (ст. 27 GDPR). Субъект вправе знать наименование и место нахождения оператора (152-ФЗ, п. 5 ч. 7 ст. 14; GDPR, п. (a) ч. 1 ст. 13).',
      en: 'The policy names only "Ingroup LLC" and an email address: no address, no registration numbers, no person responsible for personal data (152-FZ Art. 22.1), no EU representative (GDPR Art. 27). A data subject is entitled to the operator’s name and location (152-FZ Art. 14(7)(5); GDPR Art. 13(1)(a)).',
    },
    sources: [
      {
        name: 'Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных», ст. 14, 22.1',
        url: 'https://www.consultant.ru/document/cons_doc_LAW_61801/',
      },
      { name: 'Regulation (EU) 2016/679 (GDPR), Arts. 13, 27', url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj' },
    ],
  },
]);
