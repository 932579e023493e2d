/**
 * The words of the request's route (the composer says where a request goes and why) and of
 * recording Ingroup's answer to a request sent by email, in Russian and English. Kept apart from
 * the pages' dictionaries (lib/i18n/index.ts): only the composer and the answer form use them,
 * and both load when opened, not with the panel's first paint.
 */
import type { Lang } from '../vocabulary';

const en = {
  'route.legend': 'Where the request goes',
  'route.email': 'By email to support@ingru.ru, the address in Ingroup’s policy (§13)',
  'route.endpoint': 'Through Ingroup’s endpoint, {host}',
  'route.whyEmailDefault':
    'Ingroup’s endpoint {host} has not answered this browser yet — it may not exist — and Ingroup’s policy names only email, so the request goes by email. Once saved, its whole letter is shown: copy it, or download it as a .eml file, send it from your mailbox, then press “I have sent the email”. The legal deadline runs from that day.',
  'route.whyEmailChosen':
    'The request is saved with its whole letter for you to send from your mailbox; press “I have sent the email” afterwards. The legal deadline runs from that day. Nothing is sent to the endpoint.',
  'route.whyEndpointUnknown':
    'Ingroup’s endpoint {host} has not answered this browser yet: it may not exist. The request is sent there and tried again with the same id; if it cannot reach the endpoint, email is offered at once.',
  'route.whyEndpoint':
    'Ingroup’s endpoint {host} answered on {date}: the request is sent there and followed to its answer automatically. If it stops getting through, email is offered.',
  'route.saveEmail': 'Save and show the letter',
  'route.previewEmail': 'The request as it is saved (the letter is written from it)',
  'answer.heading': 'Record Ingroup’s answer',
  'answer.help':
    'What Ingroup wrote back to your email. It goes into the request’s history, as the endpoint’s statuses do; the legal deadline and the complaint follow it.',
  'answer.kind': 'Ingroup’s answer',
  'answer.kind.acknowledged': 'Acknowledged: received the request',
  'answer.kind.answered': 'Answered: did what was asked, or sent the data',
  'answer.kind.extended': 'Extended the period, with a reason',
  'answer.kind.refused': 'Refused',
  'answer.on': 'Date of Ingroup’s answer',
  'answer.reason': 'Ingroup’s reason',
  'answer.reasonNeeded':
    'Write the reason Ingroup gave: the law requires a reasoned notice for an extension or a refusal.',
  'answer.extendedDueAt': 'New date Ingroup named (optional)',
  'answer.note': 'Note (optional): what Ingroup said, where its answer is',
  'answer.save': 'Record the answer',
  'answer.saved': 'Recorded.',
} as const;

export type RouteKey = keyof typeof en;

const ru: Record<RouteKey, string> = {
  'route.legend': 'Куда уходит запрос',
  'route.email': 'Письмом на support@ingru.ru — адрес из политики Ingroup (§13)',
  'route.endpoint': 'Через сервис Ingroup для запросов, {host}',
  'route.whyEmailDefault':
    'Сервис Ingroup {host} ещё ни разу не ответил этому браузеру — возможно, его нет, — а политика Ingroup называет только email, поэтому запрос уходит письмом. После сохранения будет показано всё письмо: скопируйте его или скачайте файлом .eml, отправьте из своей почты и нажмите «Я отправил письмо». Законный срок считается с этого дня.',
  'route.whyEmailChosen':
    'Запрос сохраняется вместе с полным текстом письма, которое вы отправите из своей почты; затем нажмите «Я отправил письмо». Законный срок считается с этого дня. В сервис Ingroup ничего не отправляется.',
  'route.whyEndpointUnknown':
    'Сервис Ingroup {host} ещё ни разу не ответил этому браузеру — возможно, его нет. Запрос будет отправлен туда и повторён с тем же идентификатором; если до сервиса не достучаться, сразу будет предложено письмо.',
  'route.whyEndpoint':
    'Сервис Ingroup {host} отвечал {date}: запрос уйдёт туда, и его статус будет отслеживаться автоматически. Если запрос перестанет доходить, будет предложено письмо.',
  'route.saveEmail': 'Сохранить и показать письмо',
  'route.previewEmail': 'Запрос в том виде, в каком он сохраняется (из него составляется письмо)',
  'answer.heading': 'Отметить ответ Ingroup',
  'answer.help':
    'Что Ingroup ответил на ваше письмо. Ответ попадает в историю запроса, как статусы от сервиса; законный срок и жалоба следуют за ним.',
  'answer.kind': 'Ответ Ingroup',
  'answer.kind.acknowledged': 'Подтвердил получение запроса',
  'answer.kind.answered': 'Ответил: выполнил запрос или прислал данные',
  'answer.kind.extended': 'Продлил срок, указав причину',
  'answer.kind.refused': 'Отказал',
  'answer.on': 'Дата ответа Ingroup',
  'answer.reason': 'Причина, которую назвал Ingroup',
  'answer.reasonNeeded':
    'Укажите причину, которую назвал Ingroup: для продления срока или отказа закон требует мотивированного уведомления.',
  'answer.extendedDueAt': 'Новая дата, которую назвал Ingroup (необязательно)',
  'answer.note': 'Заметка (необязательно): что написал Ingroup, где его ответ',
  'answer.save': 'Отметить ответ',
  'answer.saved': 'Отмечено.',
};

const DICTIONARIES: Record<Lang, Record<RouteKey, string>> = { en, ru };

export type RouteTranslate = (key: RouteKey, params?: Record<string, string | number>) => string;

/** Interpolation as lib/i18n/index.ts does it: `{name}` replaced as text. */
export function routeWords(lang: Lang): RouteTranslate {
  const dict = DICTIONARIES[lang];
  return (key, params) =>
    dict[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}
