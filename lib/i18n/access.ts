/**
 * The words of the host-access prompt (components/common/HostAccess.tsx), kept apart from the main
 * dictionaries: the panel loads the prompt only after it has painted, so its first-paint script
 * (DESIGN §9) carries none of them. English defines the keys; Russian must have every one.
 */
import type { Lang } from '../vocabulary';

const en = {
  heading: 'The browser does not let the extension reach these sites',
  amocrm: 'amoCRM ({hosts}): without it the launcher does not appear in amoCRM and the panel cannot read your account.',
  endpoint: "Ingroup's endpoint ({hosts}): without it requests cannot be sent there; the email route still works.",
  allow: 'Allow access',
  allowInOptions: "Allow access on the extension's settings page",
  granted: 'Access granted. Reload open amoCRM tabs to see the launcher there.',
  denied: "Access was not granted. You can allow it here later, or in the browser's add-on settings.",
  failed: 'Could not check or ask for access: {message}',
};

export type AccessWords = typeof en;

const ru: AccessWords = {
  heading: 'Браузер не даёт расширению доступ к этим сайтам',
  amocrm: 'amoCRM ({hosts}): без него кнопка не появится в amoCRM, а панель не сможет прочитать ваш аккаунт.',
  endpoint: 'Сервис Ingroup ({hosts}): без него запросы туда не отправить; отправить их письмом по-прежнему можно.',
  allow: 'Разрешить доступ',
  allowInOptions: 'Разрешить доступ на странице настроек расширения',
  granted: 'Доступ разрешён. Перезагрузите открытые вкладки amoCRM, чтобы кнопка появилась там.',
  denied: 'Доступ не разрешён. Разрешить его можно позже здесь или в настройках дополнений браузера.',
  failed: 'Не удалось проверить или запросить доступ: {message}',
};

export const ACCESS_WORDS: Record<Lang, AccessWords> = { en, ru };
