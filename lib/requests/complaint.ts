/**
 * A complaint to the authority when Ingroup misses a deadline: Roskomnadzor for 152-FZ, the
 * data-protection authority of the admin's EU country for the GDPR. Plain text to copy.
 */
import type { Regime } from '../amocrm/host';
import type { Lang } from '../i18n/launcher';
import { legalBasis, requestTitle } from './email';
import type { RequestView } from './view';

export function complaintText(view: RequestView, regime: Regime, lang: Lang): string {
  const r = view.record;
  const body = r.body;
  const sent = new Date(r.createdAt).toISOString().slice(0, 10);
  const reference = view.state.reference ?? '—';
  const basis = legalBasis(regime, r.type, lang, 'full');
  if (lang === 'ru') {
    const to = regime === 'ru152' ? 'В Федеральную службу по надзору в сфере связи, информационных технологий и массовых коммуникаций (Роскомнадзор), https://pd.rkn.gov.ru/' : 'В надзорный орган по защите данных (страна ЕС по месту жительства)';
    return [
      to,
      `От: ${body.requester.name}, ${body.requester.email}${body.requester.phone ? `, ${body.requester.phone}` : ''}`,
      '',
      'Жалоба на нарушение срока ответа оператора персональных данных',
      '',
      `Оператор: ООО «Ингруп» (Ingroup LLC, «Widgets by Ingroup»), support@ingru.ru.`,
      `${sent} я направил(а) оператору запрос «${requestTitle(r.type, 'ru')}» (номер запроса ${r.id}, номер у оператора ${reference}) в отношении аккаунта amoCRM ${body.account.subdomain} (${body.account.host}, ID ${body.account.id}).`,
      `Запрос основан на ${basis}.`,
      `Срок ответа истёк ${view.dueDate ?? '—'}; ответа по существу нет.`,
      '',
      'Прошу провести проверку и обязать оператора исполнить запрос.',
    ].join('\n');
  }
  const to = regime === 'ru152' ? 'To: Roskomnadzor (Federal Service for Supervision of Communications, IT and Mass Media), https://pd.rkn.gov.ru/' : 'To: the data-protection authority of my EU country of residence';
  return [
    to,
    `From: ${body.requester.name}, ${body.requester.email}${body.requester.phone ? `, ${body.requester.phone}` : ''}`,
    '',
    'Complaint: a controller missed the deadline to answer a data-subject request',
    '',
    'Controller: Ingroup LLC ("Widgets by Ingroup"), support@ingru.ru.',
    `On ${sent} I sent the controller a request "${requestTitle(r.type, 'en')}" (request id ${r.id}, controller's reference ${reference}) about the amoCRM account ${body.account.subdomain} (${body.account.host}, ID ${body.account.id}).`,
    `The request relies on ${basis}.`,
    `The deadline passed on ${view.dueDate ?? '—'} without an answer on the merits.`,
    '',
    'I ask you to investigate and require the controller to act on the request.',
  ].join('\n');
}
