/**
 * Every error code (lib/errors.ts) in the administrator's words, Russian and English: what
 * happened, why, and what to do next (STYLE 8). The type holds both catalogues to every code.
 * Loaded when an error is shown: rare, and long in two languages, these words stay off the panel's
 * first paint (DESIGN §9).
 */
import { asAppError, type ErrorCode, type ErrorParams } from '../errors';
import type { Lang } from '../vocabulary';
import { breakWords } from './ledger-anchor';

export interface ErrorWords {
  title: string;
  /** What happened, with the facts the error carries (may be empty when the title says it all). */
  detail: string;
  action: string;
}

type Wording = (p: ErrorParams) => ErrorWords;

const has = (p: ErrorParams, name: string): boolean => p[name] !== undefined;

function statusEn(p: ErrorParams, who: string): string {
  return has(p, 'status') ? ` (${who} answered HTTP ${p.status})` : '';
}
function statusRu(p: ErrorParams, who: string): string {
  return has(p, 'status') ? ` (${who} ответил HTTP ${p.status})` : '';
}
/** Ingroup's own words from its problem+json, quoted as it sent them. */
function saidEn(p: ErrorParams): string {
  return has(p, 'said') ? ` It said: “${p.said}”.` : '';
}
function saidRu(p: ErrorParams): string {
  return has(p, 'said') ? ` Его ответ: «${p.said}».` : '';
}

/** An event's date in the page's language (a file's own timestamp, shown as the admin reads dates). */
function dateIn(lang: Lang, value: string | number | undefined): string {
  const at = new Date(String(value ?? ''));
  return Number.isNaN(at.getTime())
    ? String(value ?? '')
    : at.toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
}
const NOTHING_EN = 'Nothing was imported.';
const NOTHING_RU = 'Ничего не импортировано.';

const REPORT_EN = 'If it keeps happening, report it to the extension developers.';
const REPORT_RU = 'Если ошибка повторяется, сообщите о ней разработчикам расширения.';
const RELOAD_EN = 'Reload the amoCRM page, then open the panel again.';
const RELOAD_RU = 'Перезагрузите страницу amoCRM и снова откройте панель.';

const en: Record<ErrorCode, Wording> = {
  'message/bad_sender': () => ({
    title: 'The extension refused a message from an unknown sender',
    detail: 'Only the extension’s own pages and its script in an amoCRM tab may ask it for anything.',
    action: `Reload the page you were on and try again. ${REPORT_EN}`,
  }),
  'message/bad_message': () => ({
    title: 'The extension did not understand the request',
    detail: 'The page sent something the extension does not accept, so nothing was changed.',
    action: `Reload the page and try again; after an update of the extension, reopen its pages. ${REPORT_EN}`,
  }),
  'message/not_allowed': () => ({
    title: 'This page may not do that',
    detail:
      'The panel inside amoCRM may change only the account of its own tab; wiping, importing and the endpoint belong to Options.',
    action: 'Do it from the extension’s Options page, or from the panel of that account’s own tab.',
  }),
  'message/bad_reply': () => ({
    title: 'The extension’s answer was not understood',
    detail: 'Its background part answered in a form this page does not read, usually right after an update.',
    action: `Reload the page and try again. ${REPORT_EN}`,
  }),
  'amo/signed_out': (p) => ({
    title: 'You are signed out of amoCRM',
    detail: `amoCRM did not accept the session in this tab${statusEn(p, 'amoCRM')}, so the account could not be read.`,
    action: 'Sign in to amoCRM in this tab, then open the panel again.',
  }),
  'amo/not_admin': (p) => ({
    title: 'Only an administrator can see the profile data',
    detail:
      `amoCRM shows users' profiles only to account administrators${statusEn(p, 'amoCRM')}. ` +
      "You can still see this account and its installed widgets, but not the administrator's name, email and phone, or the number of users.",
    action:
      'To see everything Ingroup may hold about this account, open the panel while signed in as an administrator, or ask one to.',
  }),
  'amo/ip_restricted': (p) => ({
    title: 'amoCRM refuses access from this IP address',
    detail: `This account allows its API only from listed IP addresses${statusEn(p, 'amoCRM')}, and this computer's address is not on the list. This is not about your rights in the account.`,
    action:
      "Ask an administrator to add this network's address in amoCRM's security settings (the IP whitelist), or open the panel from a listed network.",
  }),
  'amo/account_unreadable': (p) => ({
    title: 'amoCRM did not let the extension read this account',
    detail: `amoCRM refused the account's own description${statusEn(p, 'amoCRM')}, which any user of an account may read. The extension cannot tell which account this is, so it shows nothing.`,
    action: 'Reload the amoCRM page and try again. If it persists, check that your user is active in this account.',
  }),
  'amo/rate_limited': (p) => ({
    title: 'amoCRM asked to slow down',
    detail:
      `amoCRM allows 7 requests a second per account and answered "too many requests"${statusEn(p, 'amoCRM')} even after waiting.` +
      (has(p, 'retryAfterS') ? ` It asked to wait ${p.retryAfterS} s.` : ''),
    action: 'Wait a minute and try again. If other integrations are busy in this account, try again later.',
  }),
  'amo/server': (p) => ({
    title: 'amoCRM is having trouble',
    detail: `amoCRM answered with a server error${statusEn(p, 'amoCRM')}. The problem is on amoCRM's side, not in your account.`,
    action: "Try again in a few minutes. If it persists, check amoCRM's status page.",
  }),
  'amo/network': () => ({
    title: 'Could not reach amoCRM',
    detail: 'The request did not reach amoCRM: the connection dropped, or the amoCRM tab was closed or reloaded.',
    action: 'Check your connection, keep the amoCRM tab open, and try again.',
  }),
  'amo/malformed': (p) => ({
    title: "amoCRM's answer was not understood",
    detail: `amoCRM answered${statusEn(p, 'amoCRM')}, but not in the shape its API documents. Nothing from that answer was used or saved.`,
    action:
      'Try again later. If it keeps happening, amoCRM may have changed its API: please report it to the extension developers.',
  }),
  'amo/unexpected': (p) => ({
    title: 'amoCRM refused the request',
    detail: `amoCRM answered in a way the extension did not expect${statusEn(p, 'amoCRM')}.`,
    action: 'Try again. If it keeps happening, report it to the extension developers with the status shown.',
  }),
  'endpoint/retryable': (p) => ({
    title: 'Ingroup’s endpoint did not take the request yet',
    detail:
      `No answer came, or the endpoint asked to wait${statusEn(p, 'the endpoint')}.` +
      (has(p, 'retryAfterS') ? ` It asked to wait ${p.retryAfterS} s.` : '') +
      saidEn(p),
    action: 'Nothing is lost: the request is sent again with the same id. To send it now, use the email route.',
  }),
  'endpoint/permanent': (p) => ({
    title: 'Ingroup’s endpoint refused the request',
    detail: `The endpoint turned the request down${statusEn(p, 'the endpoint')}; sending the same request again will not help.${saidEn(p)}`,
    action: 'Send the request by email to support@ingru.ru instead.',
  }),
  'endpoint/malformed': (p) => ({
    title: 'Ingroup’s endpoint answered in a form the extension does not read',
    detail: `The answer${statusEn(p, 'the endpoint')} does not match the endpoint contract (v1). The endpoint may hold the request all the same.`,
    action:
      'Nothing is lost: the endpoint is asked again with the same id. If it keeps happening, send the request by email.',
  }),
  'account/not_amocrm': (p) => ({
    title: 'This is not an amoCRM account',
    detail: has(p, 'host') ? `${p.host} is not the address of an amoCRM or Kommo account.` : '',
    action: 'Open the account at its own address (…amocrm.ru, …amocrm.com or …kommo.com).',
  }),
  'account/unknown': (p) => ({
    title: 'The extension has not seen this account',
    detail: `There is no account ${p.host ?? ''} to record this choice for: it was never opened in this browser, or local data was wiped since.`,
    action: 'Open the account in amoCRM once, then choose again.',
  }),
  'account/no_tab': () => ({
    title: 'The account is not open in a tab',
    detail: 'The extension reads an account through an amoCRM tab signed in to it.',
    action: 'Open the amoCRM account in a tab first, then try again.',
  }),
  'account/wrong_tab': () => ({
    title: 'That tab does not show this account',
    detail:
      'The tab moved to another page or account while the extension was reading it; nothing of that read was kept.',
    action: RELOAD_EN,
  }),
  'account/wrong_account': (p) => ({
    title: 'amoCRM answered for another account',
    detail: `amoCRM described an account other than ${p.host ?? 'this one'}; nothing of that answer was kept.`,
    action: RELOAD_EN,
  }),
  'account/wiped': () => ({
    title: 'Local data was wiped while the account was read',
    detail: 'Nothing that was read was written back.',
    action: 'Open the panel again to read the account afresh.',
  }),
  'consent/not_told': (p) => ({
    title: 'The choice is recorded, but Ingroup was not told',
    detail: `The consent ledger has your choice, but the request telling Ingroup could not be queued for ${p.hosts ?? 'some accounts'}.`,
    action: 'Switch it again to retry, or send the request from the panel.',
  }),
  'consent/no_choice': (p) => ({
    title: 'No marketing choice is recorded',
    detail: `There is no promotional-email choice for ${p.host ?? 'this account'} to send to Ingroup.`,
    action: 'Make the choice first, in the popup or the panel.',
  }),
  'consent/no_profile': (p) => ({
    title: 'The request needs the administrator’s profile',
    detail: `A request names the administrator it is for, and the extension has not read the profile in ${p.host ?? 'this account'} yet.`,
    action: 'Open the privacy panel in that account once, then send it again.',
  }),
  'ledger/write_failed': () => ({
    title: 'The choice was not recorded',
    detail: 'The consent ledger kept changing while this choice was being written, so nothing was written.',
    action: 'Try again.',
  }),
  'ledger/not_json': () => ({
    title: 'The file is not valid JSON',
    detail: NOTHING_EN,
    action: 'Choose the .json file the extension exported, unchanged.',
  }),
  'ledger/not_export': () => ({
    title: 'This file is not an Ingroup privacy ledger export',
    detail: NOTHING_EN,
    action: 'Choose a file made with “Export ledger (JSON with hash chain)”.',
  }),
  'ledger/other_version': (p) => ({
    title: 'This ledger export is of another version',
    detail: `The file is version ${p.version ?? '?'}; this extension reads version ${p.reads ?? '?'}. ${NOTHING_EN}`,
    action: 'Update the extension, then import again.',
  }),
  'ledger/incomplete': (p) => ({
    title: 'The ledger export is incomplete',
    detail: `${p.where ? `Missing or unreadable: ${p.where}. ` : ''}${NOTHING_EN}`,
    action: 'Export the ledger again from the browser that made it, and import that file.',
  }),
  'ledger/event_malformed': (p) => ({
    title: `Event #${p.n ?? '?'} in the file is malformed`,
    detail: `${p.where ? `Unreadable: ${p.where}. ` : ''}${NOTHING_EN}`,
    action: 'Export the ledger again from the browser that made it, and import that file.',
  }),
  'ledger/chain_broken': (p) => ({
    title: 'The file was changed after it was exported',
    detail: `${breakWords('en', p)} ${NOTHING_EN}`.trim(),
    action: 'Import the file as it was exported; an edited ledger cannot be proved.',
  }),
  'ledger/future': (p) => ({
    title: `Event #${p.n ?? '?'} is dated in the future`,
    detail: `It is dated ${dateIn('en', p.timestamp)}, after this import: no choice can have been made in the future (the clock of the browser that recorded it was probably wrong). ${NOTHING_EN}`,
    action: 'Correct the clock of the browser that recorded it, record the choice again there, and export again.',
  }),
  'request/not_found': () => ({
    title: 'The request is not here any more',
    detail: 'It is not in this browser’s list of requests: local data may have been wiped.',
    action: 'Reopen the list of requests and try again.',
  }),
  'request/bad_draft': (p) => ({
    title: 'The request could not be prepared',
    detail: has(p, 'count') ? `The form has ${p.count} field(s) the request cannot carry as they are.` : '',
    action: 'Check the form and send it again.',
  }),
  'request/answer_not_emailed': () => ({
    title: 'The request has not been sent by email yet',
    detail: 'Ingroup’s answers are recorded for requests sent by email.',
    action: 'Send the letter, press “I have sent the email”, then record the answer.',
  }),
  'request/answer_closed': () => ({
    title: 'This request is closed',
    detail: 'Ingroup’s final answer is already recorded.',
    action: 'Make a new request if you need more.',
  }),
  'settings/endpoint_not_an_address': () => ({
    title: 'That is not an address',
    detail: '',
    action: 'Enter Ingroup’s endpoint as https://host/path.',
  }),
  'settings/endpoint_not_https': () => ({
    title: 'The endpoint must be an https:// address',
    detail: '',
    action: 'Enter an address that starts with https://.',
  }),
  'settings/endpoint_not_plain': () => ({
    title: 'Enter the base address only',
    detail: 'A user name, password, “?…” or “#…” would be added to every address built on it.',
    action: 'Remove them and save again.',
  }),
  'settings/endpoint_not_a_name': () => ({
    title: 'Use the endpoint’s domain name',
    detail: 'An IP address, localhost or a name ending in a dot reaches this computer or its network, not Ingroup.',
    action: 'Enter a domain name, like api.example.com.',
  }),
  'settings/endpoint_amocrm': () => ({
    title: 'An amoCRM address cannot be Ingroup’s endpoint',
    detail: '',
    action: 'Enter the address Ingroup gave for its endpoint.',
  }),
  'settings/endpoint_not_granted': (p) => ({
    title: 'The extension may not reach that address',
    detail: `The browser has not allowed the extension to reach ${p.origin ?? 'it'}.`,
    action: 'Allow it when the browser asks, then save again.',
  }),
  unexpected: (p) => ({
    title: 'Something went wrong',
    detail: has(p, 'message') ? `The error said: ${p.message}` : '',
    action: `Try again. ${REPORT_EN}`,
  }),
};

const ru: Record<ErrorCode, Wording> = {
  'message/bad_sender': () => ({
    title: 'Расширение отклонило сообщение от неизвестного отправителя',
    detail: 'Обращаться к расширению могут только его собственные страницы и его скрипт во вкладке amoCRM.',
    action: `Перезагрузите страницу и попробуйте снова. ${REPORT_RU}`,
  }),
  'message/bad_message': () => ({
    title: 'Расширение не поняло запрос',
    detail: 'Страница прислала то, что расширение не принимает, поэтому ничего не изменилось.',
    action: `Перезагрузите страницу и попробуйте снова; после обновления расширения откройте его страницы заново. ${REPORT_RU}`,
  }),
  'message/not_allowed': () => ({
    title: 'Эта страница не может этого сделать',
    detail:
      'Панель внутри amoCRM меняет только аккаунт своей вкладки; удаление данных, импорт и адрес сервиса — в настройках.',
    action: 'Сделайте это на странице настроек расширения или в панели вкладки нужного аккаунта.',
  }),
  'message/bad_reply': () => ({
    title: 'Ответ расширения не удалось разобрать',
    detail:
      'Фоновая часть расширения ответила в виде, который эта страница не читает, — обычно сразу после обновления.',
    action: `Перезагрузите страницу и попробуйте снова. ${REPORT_RU}`,
  }),
  'amo/signed_out': (p) => ({
    title: 'Вы не вошли в amoCRM',
    detail: `amoCRM не принял сессию в этой вкладке${statusRu(p, 'amoCRM')}, поэтому данные аккаунта прочитать не удалось.`,
    action: 'Войдите в amoCRM в этой вкладке и откройте панель снова.',
  }),
  'amo/not_admin': (p) => ({
    title: 'Данные профиля видит только администратор',
    detail:
      `amoCRM показывает профили пользователей только администраторам аккаунта${statusRu(p, 'amoCRM')}. ` +
      'Вам видны аккаунт и установленные в нём виджеты, но не имя, почта и телефон администратора и не число пользователей.',
    action:
      'Чтобы увидеть всё, что Ingroup может хранить об этом аккаунте, откройте панель под учётной записью администратора или попросите его об этом.',
  }),
  'amo/ip_restricted': (p) => ({
    title: 'amoCRM не пускает с этого IP-адреса',
    detail: `В этом аккаунте API доступен только с разрешённых IP-адресов${statusRu(p, 'amoCRM')}, а адреса этого компьютера в списке нет. Дело не в ваших правах в аккаунте.`,
    action:
      'Попросите администратора добавить адрес этой сети в настройках безопасности amoCRM (белый список IP) или откройте панель из разрешённой сети.',
  }),
  'amo/account_unreadable': (p) => ({
    title: 'amoCRM не дал прочитать этот аккаунт',
    detail: `amoCRM отказал в описании аккаунта${statusRu(p, 'amoCRM')}, которое может читать любой его пользователь. Расширение не может понять, что это за аккаунт, и ничего не показывает.`,
    action:
      'Перезагрузите страницу amoCRM и попробуйте снова. Если ошибка не проходит, проверьте, что ваш пользователь активен в этом аккаунте.',
  }),
  'amo/rate_limited': (p) => ({
    title: 'amoCRM просит делать запросы реже',
    detail:
      `amoCRM допускает 7 запросов в секунду на аккаунт и ответил «слишком много запросов»${statusRu(p, 'amoCRM')} даже после ожидания.` +
      (has(p, 'retryAfterS') ? ` Он попросил подождать ${p.retryAfterS} с.` : ''),
    action:
      'Подождите минуту и попробуйте снова. Если в аккаунте активно работают другие интеграции, попробуйте позже.',
  }),
  'amo/server': (p) => ({
    title: 'У amoCRM неполадки',
    detail: `amoCRM ответил ошибкой сервера${statusRu(p, 'amoCRM')}. Проблема на стороне amoCRM, а не в вашем аккаунте.`,
    action: 'Попробуйте снова через несколько минут. Если ошибка не проходит, проверьте страницу статуса amoCRM.',
  }),
  'amo/network': () => ({
    title: 'Не удалось связаться с amoCRM',
    detail: 'Запрос не дошёл до amoCRM: пропало соединение, или вкладку amoCRM закрыли либо перезагрузили.',
    action: 'Проверьте соединение, не закрывайте вкладку amoCRM и попробуйте снова.',
  }),
  'amo/malformed': (p) => ({
    title: 'Ответ amoCRM не удалось разобрать',
    detail: `amoCRM ответил${statusRu(p, 'amoCRM')}, но не в том виде, который описан в его API. Из этого ответа ничего не использовано и не сохранено.`,
    action:
      'Попробуйте позже. Если ошибка повторяется, возможно, amoCRM изменил API: сообщите об этом разработчикам расширения.',
  }),
  'amo/unexpected': (p) => ({
    title: 'amoCRM отклонил запрос',
    detail: `amoCRM ответил не так, как ожидало расширение${statusRu(p, 'amoCRM')}.`,
    action: 'Попробуйте снова. Если ошибка повторяется, сообщите разработчикам расширения код ответа.',
  }),
  'endpoint/retryable': (p) => ({
    title: 'Сервис Ingroup пока не принял запрос',
    detail:
      `Ответа не было, или сервис попросил подождать${statusRu(p, 'сервис')}.` +
      (has(p, 'retryAfterS') ? ` Он попросил подождать ${p.retryAfterS} с.` : '') +
      saidRu(p),
    action:
      'Ничего не потеряно: запрос будет отправлен снова с тем же идентификатором. Чтобы отправить его сейчас, воспользуйтесь электронной почтой.',
  }),
  'endpoint/permanent': (p) => ({
    title: 'Сервис Ingroup отклонил запрос',
    detail: `Сервис не принял запрос${statusRu(p, 'сервис')}; повторная отправка того же запроса не поможет.${saidRu(p)}`,
    action: 'Отправьте запрос письмом на support@ingru.ru.',
  }),
  'endpoint/malformed': (p) => ({
    title: 'Ответ сервиса Ingroup не удалось разобрать',
    detail: `Ответ${statusRu(p, 'сервис')} не соответствует договору о сервисе (v1). Запрос при этом может быть у сервиса.`,
    action:
      'Ничего не потеряно: сервис будет спрошен снова с тем же идентификатором. Если так повторяется, отправьте запрос письмом.',
  }),
  'account/not_amocrm': (p) => ({
    title: 'Это не аккаунт amoCRM',
    detail: has(p, 'host') ? `${p.host} — не адрес аккаунта amoCRM или Kommo.` : '',
    action: 'Откройте аккаунт по его собственному адресу (…amocrm.ru, …amocrm.com или …kommo.com).',
  }),
  'account/unknown': (p) => ({
    title: 'Расширение ещё не видело этот аккаунт',
    detail: `Аккаунта ${p.host ?? ''} нет среди известных расширению: его не открывали в этом браузере, или локальные данные с тех пор удалили.`,
    action: 'Откройте аккаунт в amoCRM один раз и выберите снова.',
  }),
  'account/no_tab': () => ({
    title: 'Аккаунт не открыт во вкладке',
    detail: 'Расширение читает аккаунт через вкладку amoCRM, в которой выполнен вход.',
    action: 'Сначала откройте аккаунт amoCRM во вкладке, затем попробуйте снова.',
  }),
  'account/wrong_tab': () => ({
    title: 'Эта вкладка показывает не этот аккаунт',
    detail:
      'Пока расширение читало вкладку, в ней открыли другую страницу или другой аккаунт; прочитанное не сохранено.',
    action: RELOAD_RU,
  }),
  'account/wrong_account': (p) => ({
    title: 'amoCRM ответил за другой аккаунт',
    detail: `amoCRM описал не ${p.host ?? 'этот аккаунт'}, а другой аккаунт; из этого ответа ничего не сохранено.`,
    action: RELOAD_RU,
  }),
  'account/wiped': () => ({
    title: 'Локальные данные удалили, пока читался аккаунт',
    detail: 'Прочитанное не записано обратно.',
    action: 'Откройте панель снова, чтобы прочитать аккаунт заново.',
  }),
  'consent/not_told': (p) => ({
    title: 'Выбор записан, но Ingroup о нём не сообщено',
    detail: `Выбор есть в журнале согласий, но запрос, сообщающий о нём Ingroup, не удалось поставить в очередь для: ${p.hosts ?? 'части аккаунтов'}.`,
    action: 'Переключите ещё раз, чтобы повторить, или отправьте запрос из панели.',
  }),
  'consent/no_choice': (p) => ({
    title: 'Выбор о рекламных письмах не записан',
    detail: `Для ${p.host ?? 'этого аккаунта'} нет выбора о рекламных письмах, который можно сообщить Ingroup.`,
    action: 'Сначала сделайте выбор во всплывающем окне или в панели.',
  }),
  'consent/no_profile': (p) => ({
    title: 'Для запроса нужен профиль администратора',
    detail: `В запросе указывается администратор, от чьего имени он подан, а расширение ещё не прочитало профиль в ${p.host ?? 'этом аккаунте'}.`,
    action: 'Один раз откройте панель конфиденциальности в этом аккаунте и отправьте снова.',
  }),
  'ledger/write_failed': () => ({
    title: 'Выбор не записан',
    detail: 'Журнал согласий всё время менялся, пока записывался этот выбор, поэтому ничего не записано.',
    action: 'Попробуйте снова.',
  }),
  'ledger/not_json': () => ({
    title: 'Файл — не корректный JSON',
    detail: NOTHING_RU,
    action: 'Выберите файл .json, выгруженный расширением, без изменений.',
  }),
  'ledger/not_export': () => ({
    title: 'Этот файл — не выгрузка журнала Ingroup Privacy',
    detail: NOTHING_RU,
    action: 'Выберите файл, созданный кнопкой «Экспорт журнала (JSON с цепочкой хешей)».',
  }),
  'ledger/other_version': (p) => ({
    title: 'Выгрузка журнала другой версии',
    detail: `Версия файла — ${p.version ?? '?'}; это расширение читает версию ${p.reads ?? '?'}. ${NOTHING_RU}`,
    action: 'Обновите расширение и импортируйте снова.',
  }),
  'ledger/incomplete': (p) => ({
    title: 'Выгрузка журнала неполная',
    detail: `${p.where ? `Нет или не читается: ${p.where}. ` : ''}${NOTHING_RU}`,
    action: 'Выгрузите журнал заново в браузере, где он вёлся, и импортируйте этот файл.',
  }),
  'ledger/event_malformed': (p) => ({
    title: `Событие №${p.n ?? '?'} в файле повреждено`,
    detail: `${p.where ? `Не читается: ${p.where}. ` : ''}${NOTHING_RU}`,
    action: 'Выгрузите журнал заново в браузере, где он вёлся, и импортируйте этот файл.',
  }),
  'ledger/chain_broken': (p) => ({
    title: 'Файл изменён после выгрузки',
    detail: `${breakWords('ru', p)} ${NOTHING_RU}`.trim(),
    action: 'Импортируйте файл в том виде, в каком он был выгружен: изменённый журнал ничего не доказывает.',
  }),
  'ledger/future': (p) => ({
    title: `Событие №${p.n ?? '?'} датировано будущим`,
    detail: `Его дата — ${dateIn('ru', p.timestamp)}, позже этого импорта: выбор не мог быть сделан в будущем (вероятно, часы браузера, где его записали, шли неверно). ${NOTHING_RU}`,
    action: 'Исправьте часы того браузера, запишите выбор там заново и выгрузите журнал снова.',
  }),
  'request/not_found': () => ({
    title: 'Этого запроса больше нет',
    detail: 'Его нет в списке запросов этого браузера: возможно, локальные данные удалили.',
    action: 'Откройте список запросов заново и попробуйте снова.',
  }),
  'request/bad_draft': (p) => ({
    title: 'Запрос не удалось подготовить',
    detail: has(p, 'count') ? `Полей формы, которые запрос не может передать в нынешнем виде: ${p.count}.` : '',
    action: 'Проверьте форму и отправьте снова.',
  }),
  'request/answer_not_emailed': () => ({
    title: 'Запрос ещё не отправлен письмом',
    detail: 'Ответы Ingroup записываются для запросов, отправленных по электронной почте.',
    action: 'Отправьте письмо, нажмите «Я отправил письмо», затем запишите ответ.',
  }),
  'request/answer_closed': () => ({
    title: 'Этот запрос закрыт',
    detail: 'Окончательный ответ Ingroup уже записан.',
    action: 'Если нужно что-то ещё, составьте новый запрос.',
  }),
  'settings/endpoint_not_an_address': () => ({
    title: 'Это не адрес',
    detail: '',
    action: 'Введите адрес сервиса Ingroup в виде https://сервер/путь.',
  }),
  'settings/endpoint_not_https': () => ({
    title: 'Адрес сервиса должен начинаться с https://',
    detail: '',
    action: 'Введите адрес, который начинается с https://.',
  }),
  'settings/endpoint_not_plain': () => ({
    title: 'Введите только базовый адрес',
    detail: 'Имя пользователя, пароль, «?…» или «#…» попали бы в каждый построенный на нём адрес.',
    action: 'Уберите их и сохраните снова.',
  }),
  'settings/endpoint_not_a_name': () => ({
    title: 'Укажите доменное имя сервиса',
    detail: 'IP-адрес, localhost или имя с точкой на конце ведут к этому компьютеру или его сети, а не к Ingroup.',
    action: 'Введите доменное имя, например api.example.com.',
  }),
  'settings/endpoint_amocrm': () => ({
    title: 'Адрес amoCRM не может быть сервисом Ingroup',
    detail: '',
    action: 'Введите адрес, который Ingroup указал для своего сервиса.',
  }),
  'settings/endpoint_not_granted': (p) => ({
    title: 'Расширению нельзя обращаться к этому адресу',
    detail: `Браузер не разрешил расширению обращаться к ${p.origin ?? 'нему'}.`,
    action: 'Разрешите, когда браузер спросит, и сохраните снова.',
  }),
  unexpected: (p) => ({
    title: 'Что-то пошло не так',
    detail: has(p, 'message') ? `Текст ошибки: ${p.message}` : '',
    action: `Попробуйте снова. ${REPORT_RU}`,
  }),
};

export const ERROR_WORDS: Record<Lang, Record<ErrorCode, Wording>> = { en, ru };

/** Any thrown value in the UI's language: an `AppError` by its code, anything else as `unexpected`. */
export function describeError(error: unknown, lang: Lang): ErrorWords {
  const app = asAppError(error);
  return ERROR_WORDS[lang][app.code](app.params);
}

/** The same as one line, for a status note beside a control. */
export function errorText(error: unknown, lang: Lang): string {
  const { title, detail, action } = describeError(error, lang);
  return [title.endsWith('.') ? title : `${title}.`, detail, action].filter(Boolean).join(' ');
}
