import type { en } from './en';

export const ru: Record<keyof typeof en, string> = {
  'app.name': 'Ingroup Privacy',
  'panel.title': 'Конфиденциальность: виджеты Ingroup',
  'panel.close': 'Закрыть',
  'panel.account': 'Аккаунт',
  'panel.language': 'Язык',
  'account.host': 'Адрес',
  'account.subdomain': 'Поддомен',
  'account.id': 'ID аккаунта',
  'account.name': 'Название',
  'account.users': 'Пользователей',
  'account.notYetRead': 'Ещё не прочитано',
  'account.unknown': 'Эта страница — не аккаунт amoCRM, известный расширению.',
  'popup.currentTab': 'Текущая вкладка',
  'popup.noAmoTab': 'Откройте аккаунт amoCRM (amocrm.ru, amocrm.com или kommo.com), чтобы увидеть здесь его виджеты Ingroup.',
  'popup.accounts': 'Аккаунты',
  'popup.noAccounts': 'Расширение ещё не видело аккаунтов amoCRM.',
  'popup.openPanel': 'Открыть панель конфиденциальности',
  'options.title': 'Ingroup Privacy — настройки',
  'common.loading': 'Загрузка…',
};
