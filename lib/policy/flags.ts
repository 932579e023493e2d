/** Where the 2022-01-20 policy falls short of the law, each with its sources (DESIGN §4). */
import { z } from 'zod/mini';
import { FlagSchema, type Flag } from './schema';

export const FLAGS: readonly Flag[] = z.array(FlagSchema).parse([
  {
    id: 'privacy-shield-invalid',
    severity: 'warning',
    section: '§7',
    title: { ru: 'Privacy Shield недействителен', en: 'The Privacy Shield is invalid' },
    text: {
      ru: 'Политика опирается на EU-US Privacy Shield, который Суд ЕС признал недействительным 16 июля 2020 г. (дело Schrems II, C-311/18) — ещё до её вступления в силу. С 10 июля 2023 г. действует новая схема — EU-US Data Privacy Framework; политика её не упоминает.',
      en: 'The policy relies on the EU-US Privacy Shield, which the Court of Justice of the EU invalidated on 16 July 2020 (Schrems II, C-311/18) — before the policy took effect. Its successor, the EU-US Data Privacy Framework, applies from 10 July 2023; the policy does not mention it.',
    },
    sources: [
      { name: 'CJEU, C-311/18 (Schrems II), judgment of 16 July 2020', url: 'https://curia.europa.eu/juris/liste.jsf?num=C-311/18' },
      { name: 'European Commission: adequacy decision for the EU-US Data Privacy Framework, 10 July 2023', url: 'https://commission.europa.eu/document/fa09cbad-dd7d-4684-ae60-be03fcb0fddf_en' },
      { name: 'Commission Implementing Decision (EU) 2023/1795 of 10 July 2023', url: 'https://eur-lex.europa.eu/eli/dec_impl/2023/1795/oj' },
    ],
  },
  {
    id: 'opt-out-ten-days',
    severity: 'warning',
    section: '§5.3',
    title: { ru: '«До десяти рабочих дней» на отказ от рассылки', en: '"Up to ten business days" to stop marketing' },
    text: {
      ru: 'Политика даёт себе до 10 рабочих дней на отказ от рекламных писем, а закон «О рекламе» (38-ФЗ, ст. 18 ч. 1) требует немедленно прекратить рассылку по требованию получателя.',
      en: 'The policy gives itself up to 10 business days to act on a marketing opt-out, while Russian advertising law (38-FZ Art. 18(1)) requires stopping immediately on the recipient’s demand.',
    },
    sources: [{ name: 'Федеральный закон от 13.03.2006 № 38-ФЗ «О рекламе», ст. 18', url: 'https://www.consultant.ru/document/cons_doc_LAW_58968/f892dec1383709792452f18d36e7043306e2be0a/' }],
  },
  {
    id: 'bundled-consent',
    severity: 'warning',
    section: '§1',
    title: { ru: 'Согласие не оформлено отдельно', en: 'Consent is not a separate document' },
    text: {
      ru: 'Согласие «принимается» вместе с политикой. С 1 сентября 2025 г. закон о персональных данных (152-ФЗ, ст. 9 в ред. 156-ФЗ) требует оформлять согласие отдельно от других документов.',
      en: 'Consent is "accepted" together with the policy. Since 1 September 2025 Russian data-protection law (152-FZ Art. 9 as amended by 156-FZ) requires consent to be a separate document.',
    },
    sources: [
      { name: 'Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных», ст. 9', url: 'https://www.consultant.ru/document/cons_doc_LAW_61801/6c94959bc017ac80140621762d2ac59f6006b08c/' },
      {
        name: 'Федеральный закон от 24.06.2025 № 156-ФЗ (изменения ст. 9 152-ФЗ с 1 сентября 2025 г.)',
        url: 'https://publication.pravo.gov.ru/document/0001202506240021',
      },
    ],
  },
]);
