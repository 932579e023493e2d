/**
 * The words of the second, previewed step (components/common/ConfirmStep.tsx). Kept out of the
 * pages' main dictionaries because the step is loaded only when it is needed: the panel's first
 * paint has no room for it (DESIGN §9).
 */
import type { Lang } from '../vocabulary';

const en = {
  title: 'Check and confirm',
  intro: 'Nothing is recorded or sent until you confirm here. This is exactly what will be recorded and sent:',
  consentTitle: 'Allow: {purpose}',
  consentLedger: 'Recorded in your consent ledger',
  consentRequest: 'Sent to Ingroup as a request',
  consentNoRequest:
    'Not sent to Ingroup yet: the extension needs the administrator’s profile (open the panel in this account once).',
  requestTitle: 'Send this request to Ingroup',
  confirm: 'Confirm',
  cancel: 'Back, change nothing',
  arming: 'Read it first: Confirm becomes available in a moment.',
  hidden:
    'The panel is covered, transparent or moved by the page around it, so Confirm stays off. Use the toolbar button to open the panel again.',
  idTBD: '(given when it is saved)',
  timeTBD: '(the time it is saved)',
};

const ru: Record<keyof typeof en, string> = {
  title: 'Проверьте и подтвердите',
  intro:
    'Ничего не будет записано и отправлено, пока вы не подтвердите здесь. Вот что именно будет записано и отправлено:',
  consentTitle: 'Разрешить: {purpose}',
  consentLedger: 'Запись в журнал согласий',
  consentRequest: 'Запрос, который получит Ingroup',
  consentNoRequest:
    'Пока не отправляется в Ingroup: нужен профиль администратора (откройте панель в этом аккаунте один раз).',
  requestTitle: 'Отправить этот запрос в Ingroup',
  confirm: 'Подтвердить',
  cancel: 'Назад, ничего не менять',
  arming: 'Сначала прочтите: кнопка «Подтвердить» станет доступна через мгновение.',
  hidden:
    'Панель закрыта, прозрачна или сдвинута страницей вокруг неё, поэтому «Подтвердить» недоступна. Откройте панель заново кнопкой на панели браузера.',
  idTBD: '(присваивается при сохранении)',
  timeTBD: '(время сохранения)',
};

export type ConfirmWords = typeof en;

export function confirmWords(lang: Lang): ConfirmWords {
  return lang === 'ru' ? ru : en;
}
