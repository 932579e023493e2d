/**
 * Every statement of the 2022-01-20 policy the panel shows, with its section and the policy's own
 * words. Source: lib/policy/ingroup-privacy-policy-2022-01-20.txt (SHA-256 in ./version.ts).
 */
import { z } from 'zod/mini';
import { StatementSchema, type Statement } from './schema';

export { CATEGORIES } from './categories';

export const STATEMENTS: readonly Statement[] = z.array(StatementSchema).parse([
  // The opening paragraph
  {
    id: 'acceptance-by-use',
    section: 'preamble',
    kind: 'acceptance',
    text: {
      ru: 'Политика считает, что вы принимаете её, просто зайдя на сайт или пользуясь сервисом.',
      en: 'The policy holds that you accept it just by visiting the site or using the service.',
    },
    quote:
      'By visiting the Site, or by purchasing or using the Service, you accept the privacy practices described in this Policy.',
  },
  // §3.1 and §5.1: Client Data
  {
    id: 'client-data-directions',
    section: '§3.1',
    kind: 'client_data',
    text: {
      ru: 'Данные клиентов (Client Data) Ingroup обрабатывает только по указаниям клиента или пользователя.',
      en: 'Ingroup processes Client Data only on the directions of the client or user.',
    },
    quote: 'We process Client Data solely in accordance with the directions provided by the applicable Client or User.',
  },
  {
    id: 'client-data-requests',
    section: '§5.1',
    kind: 'client_data',
    text: {
      ru: 'Права из §5.1 не касаются данных клиентов: запросы о них политика отсылает к клиенту, загрузившему их в сервис.',
      en: 'The rights of §5.1 do not cover Client Data: the policy sends requests about it to the client who uploaded it.',
    },
    quote:
      'This provision does not apply to Personal Data that is part of Client Data. … any request for access, correction or deletion should be made to the Client responsible for the uploading and storage of such data into the Service.',
  },
  // §1 sources and legal bases
  {
    id: 'source-third-parties',
    section: '§1',
    kind: 'source',
    text: {
      ru: 'Данные могут поступать от третьих лиц — партнёров и рекламодателей — и объединяться с вашими.',
      en: 'Data may come from third parties — partners and advertisers — and be combined with yours.',
    },
    quote:
      'We may obtain information, including Personal Data, from third parties and sources other than the Service, such as our partners and advertisers.',
  },
  {
    id: 'legal-basis',
    section: '§1',
    kind: 'legal_basis',
    text: {
      ru: 'Основания: необходимость для оказания услуги, законный интерес, иногда — согласие. В этом месте политика называет обработчиком amoCRM, а не Ingroup.',
      en: 'Bases: necessity to provide the service, legitimate interests, sometimes consent. Here the policy names amoCRM, not Ingroup, as the one processing the data.',
    },
    quote:
      'the processing is necessary for providing the Service … and … carried out in amoCRM’s legitimate interests … We may also process data upon your consent',
  },
  // §4 recipients
  {
    id: 'recipient-consent',
    section: '§4',
    kind: 'recipient',
    text: {
      ru: 'Без вашего согласия данные намеренно не раскрываются, кроме случаев из политики; с согласием — раскрываются третьим лицам.',
      en: 'Data are not knowingly disclosed without your consent, except as the policy describes; with it, they may be disclosed to third parties.',
    },
    quote:
      'we will not intentionally disclose the Personal Data or Client Data that we collect or store on the Service to third parties without the consent of the applicable Visitor, User or Client. We may disclose information to third parties if you consent to us doing so',
  },
  {
    id: 'recipient-public',
    section: '§4.1',
    kind: 'recipient',
    text: {
      ru: 'Всё, что вы сами разместили в публичных разделах, видно другим посетителям.',
      en: 'Anything you post in public areas is visible to other visitors.',
    },
    quote:
      'Any information that you voluntarily choose to include in a Public Area of the Service … will be available to any Visitor or User',
  },
  {
    id: 'recipient-providers',
    section: '§4.2',
    kind: 'recipient',
    text: {
      ru: 'Подрядчики: хостинг, разработка, сопровождение — в необходимом им объёме, по договору о конфиденциальности.',
      en: 'Service providers — hosting, development, maintenance — as far as they need, under confidentiality contracts.',
    },
    quote:
      'We work with third party service providers who provide website, application development, hosting, maintenance, and other services for us.',
  },
  {
    id: 'recipient-aggregated',
    section: '§4.3',
    kind: 'recipient',
    text: {
      ru: 'Обезличенные сводные данные — третьим лицам, в том числе в маркетинговых целях.',
      en: 'Aggregated, non-identifying data — to third parties, including for marketing.',
    },
    quote:
      'We may make certain aggregated, non-personally-identifiable information available to third parties … for business or marketing purposes',
  },
  {
    id: 'recipient-authorities',
    section: '§4.4',
    kind: 'recipient',
    text: {
      ru: 'Государственные органы и суды — по закону, а также для защиты самой компании.',
      en: 'Authorities and courts — when the law requires, and to protect the company itself.',
    },
    quote: 'We may disclose Personal Data or other information if required to do so by law',
  },
  {
    id: 'recipient-self-protection',
    section: '§4.4',
    kind: 'recipient',
    text: {
      ru: 'Компания оставляет за собой право раскрывать данные, если «добросовестно считает» это нужным, — чтобы защитить себя от ответственности, претензий и злоупотреблений.',
      en: 'The company reserves the right to disclose data it "believes, in good faith," appropriate — to protect itself from liability, claims and abuse.',
    },
    quote:
      'We also reserve the right to disclose Personal Data or other information that we believe, in good faith, is appropriate or necessary to\n\ntake precautions against liability,',
  },
  {
    id: 'recipient-acquirer',
    section: '§4.5',
    kind: 'recipient',
    text: {
      ru: 'Покупатель или правопреемник компании при сделке, банкротстве или реорганизации.',
      en: 'An acquirer or successor in a merger, sale, insolvency or similar transaction.',
    },
    quote:
      'Information about Users and Visitors, including Personal Data, may be disclosed and otherwise transferred to an acquirer, successor or assignee',
  },
  // §5 rights
  {
    id: 'right-access',
    section: '§5.1',
    kind: 'right',
    text: {
      ru: 'Доступ, исправление, удаление или передача ваших данных — по запросу.',
      en: 'Access, correction, deletion or transfer of your data — on request.',
    },
    quote:
      'If you wish to access or amend any other Personal Data we hold about you, or to request that we delete or transfer any information about you that we have obtained from an Integrated Service, you may contact us',
  },
  {
    id: 'right-object',
    section: '§5.1',
    kind: 'right',
    text: {
      ru: 'Возражение против обработки по законным основаниям и жалоба в надзорный орган.',
      en: 'Objection to processing on legitimate grounds, and a complaint to a data-protection authority.',
    },
    quote:
      'At any time, you may object to the processing of your Personal Data, on legitimate grounds … You also have a right to lodge a complaint with data protection authorities.',
  },
  {
    id: 'right-restriction',
    section: '§5.1',
    kind: 'right',
    text: {
      ru: 'По запросу упоминания о вас в базе удаляют или блокируют.',
      en: 'On request, any reference to you in the database is deleted or blocked.',
    },
    quote: 'At your request, we will have any reference to you deleted or blocked in our database.',
  },
  {
    id: 'right-backups',
    section: '§5.1',
    kind: 'retention',
    text: {
      ru: 'Даже после удаления компания может хранить копии в резервных архивах, для аналитики — и везде, где «обоснованно считает», что у неё есть законная причина.',
      en: 'Even after deletion the company may keep copies in backups, archives, for analytics — and wherever it "reasonably believes" it has a legitimate reason.',
    },
    quote:
      'we may retain all information you submit for backups, archiving, prevention of fraud and abuse, analytics, satisfaction of legal obligations, or where we otherwise reasonably believe that we have a legitimate reason to do so',
  },
  {
    id: 'right-opt-out',
    section: '§5.3',
    kind: 'right',
    text: {
      ru: 'Отказ от рекламных писем — обработка «до десяти рабочих дней»; служебные письма продолжат приходить.',
      en: 'Opting out of promotional email — processed in "up to ten business days"; administrative messages continue.',
    },
    quote: 'it may take up to ten (10) business days for us to process your request',
  },
  // §6–§13
  {
    id: 'third-party-services',
    section: '§6',
    kind: 'third_party',
    text: {
      ru: 'За данные, переданные сторонним сервисам через виджет, компания не отвечает.',
      en: 'The company takes no responsibility for data you give third-party services reached through the widget.',
    },
    quote:
      'We are not responsible for the content or privacy and security practices and policies of third-party sites or services',
  },
  {
    id: 'transfer-privacy-shield',
    section: '§7',
    kind: 'transfer',
    text: {
      ru: 'Передача из ЕС, Великобритании и Швейцарии в США — со ссылкой на Privacy Shield.',
      en: 'Transfers from the EU, UK and Switzerland to the US — relying on the Privacy Shield.',
    },
    quote:
      'transferred from the European Union, the United Kingdom and Switzerland to the United States in reliance on Privacy Shield',
  },
  {
    id: 'storage-anywhere',
    section: '§9',
    kind: 'storage',
    text: {
      ru: 'Хранение «где угодно в мире», в том числе в США, в облаке и у подрядчиков.',
      en: 'Storage "anywhere in the world", including the US, the cloud and service providers.',
    },
    quote:
      'We may store all Personal Information we collect anywhere in the world, including but not limited to, in the United States',
  },
  {
    id: 'minors',
    section: '§8',
    kind: 'minors',
    text: {
      ru: 'Сервис не предназначен для лиц младше 18 лет.',
      en: 'The service is not directed to anyone under 18.',
    },
    quote: 'Our Service is not directed to children under the age of 18',
  },
  {
    id: 'security',
    section: '§9',
    kind: 'security',
    text: {
      ru: 'SSL при передаче, межсетевые экраны, контроль доступа; об утечке обещают сообщить по закону.',
      en: 'SSL in transit, firewalls, access controls; breaches to be reported as the law requires.',
    },
    quote: 'We use SSL technology to encrypt data during transmission through public internet',
  },
  {
    id: 'retention',
    section: '§10',
    kind: 'retention',
    text: {
      ru: 'Срок хранения не назван: «сколько необходимо для целей», если закон не требует дольше.',
      en: 'No retention period is named: "the period necessary to fulfil the purposes", unless the law requires longer.',
    },
    quote:
      'We will retain your Personal Information for the period necessary to fulfill the purposes outlined in this Privacy Notice',
  },
  {
    id: 'retention-terms',
    section: '§10',
    kind: 'retention',
    text: {
      ru: 'Данные в «Service Data» хранятся и удаляются «в соответствии с Условиями» — документом, который политика не называет и не прилагает.',
      en: 'Personal Data in the "Service Data" are kept and deleted "in accordance with the Terms" — a document the policy never names or links.',
    },
    quote:
      'Except as otherwise set forth below, Personal Data contained in the Service Data is retained and deleted in accordance with the Terms.',
  },
  {
    id: 'retention-stop-use',
    section: '§10',
    kind: 'contact',
    text: {
      ru: 'Чтобы данные больше не использовались, политика предлагает написать на support@ingru.ru.',
      en: 'To have your data no longer used, the policy says to write to support@ingru.ru.',
    },
    quote: 'If you wish to request that we no longer use your data, please contact us at support@ingru.ru.',
  },
  {
    id: 'settings',
    section: '§11',
    kind: 'settings',
    text: {
      ru: 'Настройки приватности не гарантируют полной защиты.',
      en: 'Privacy settings are no guarantee of protection.',
    },
    quote: 'We are not responsible for circumvention of any privacy settings or security measures on the Service.',
  },
  {
    id: 'changes',
    section: '§12',
    kind: 'changes',
    text: {
      ru: 'Политику могут менять; продолжение использования считается согласием.',
      en: 'The policy may change; continued use counts as agreement.',
    },
    quote:
      'Your continued use of the Service after the revised Policy has become effective indicates that you have read, understood and agreed',
  },
  {
    id: 'contact',
    section: '§13',
    kind: 'contact',
    text: {
      ru: 'Единственный указанный канал связи — email support@ingru.ru.',
      en: 'The only contact given is email: support@ingru.ru.',
    },
    quote: 'by email at support@ingru.ru',
  },
]);

export function statementsOf(kind: Statement['kind']): Statement[] {
  return STATEMENTS.filter((s) => s.kind === kind);
}
