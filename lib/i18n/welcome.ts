/**
 * The first-run page's words (entrypoints/welcome), kept out of the other pages' dictionaries.
 * English defines the keys; Russian has every one.
 */
import type { Lang } from '../vocabulary';

export const welcomeEn = {
  'welcome.title': 'Ingroup Privacy is installed',
  'welcome.lead':
    'For amoCRM administrators who have installed widgets made by Ingroup LLC: see what those widgets collected about you, keep your choices, and exercise your rights.',
  'welcome.does': 'What it does',
  'welcome.does.show':
    'Inside amoCRM, a «Privacy» item in the left menu opens a panel: which Ingroup widgets are installed, the actual values of yours they hold, where Ingroup says the data goes, and what is wrong with its policy.',
  'welcome.does.choices':
    'Your choices (promotional email, analytics, combining data) are kept in this browser as a hash-chained ledger you can export.',
  'welcome.does.requests':
    'Access, correction, deletion and the other requests go to Ingroup and are tracked to their legal deadline, with an email route when Ingroup’s endpoint does not answer.',
  'welcome.reads': 'What it reads',
  'welcome.reads.account':
    'When you open the panel: the account’s id, name and subdomain, and your profile (name, email, phone), from amoCRM’s API with your own session — the same data Ingroup’s policy says its widgets collect.',
  'welcome.reads.widgets':
    'Before that, only the list of installed widgets, at most once per account every ten minutes, so the menu item can show how many are Ingroup’s.',
  'welcome.reads.page':
    'On amoCRM’s pages: the widgets’ declared support contacts and the addresses the page calls at ingru.ru, as evidence of which widgets are Ingroup’s.',
  'welcome.never': 'What never leaves your browser',
  'welcome.never.text':
    'Nothing leaves this browser except a request you send, and only to Ingroup’s endpoint or by your own email. There is no telemetry, no analytics and no remote code; what it reads stays in this browser’s storage until you delete it in the settings.',
  'welcome.permissions': 'Why it asks for each permission',
  'welcome.permission.install': 'asked at install',
  'welcome.permission.on_demand': 'asked only if you set another endpoint in the settings',
  'welcome.why.alarms':
    'To retry a request that could not be sent, and to check its deadline, even after the browser restarts.',
  'welcome.why.notifications': 'To tell you when Ingroup misses a legal deadline.',
  'welcome.why.amocrm':
    'To add the menu item to amoCRM and read your account through amoCRM’s API, with your session, when you open the panel.',
  'welcome.why.endpoint':
    'To send the requests you make to Ingroup’s privacy endpoint, and to read Ingroup’s widget catalog.',
  'welcome.why.custom_endpoint':
    'Only if you enter a different endpoint address in the settings: the browser asks you for that one site then.',
  'welcome.why.unexplained': 'Not explained here: please report it.',
  'welcome.start': 'Get started',
  'welcome.start.text': 'Open your amoCRM account and click «Privacy» («Данные») in the left menu.',
  'welcome.open.amocrm': 'Open amoCRM (amocrm.ru)',
  'welcome.open.kommo': 'Open Kommo (kommo.com)',
  'welcome.settings': 'Settings: the ledger, exports, the endpoint',
} as const;

export const welcomeRu: Record<keyof typeof welcomeEn, string> = {
  'welcome.title': 'Ingroup Privacy установлено',
  'welcome.lead':
    'Для администраторов amoCRM, установивших виджеты ООО «Ингруп» (Ingroup LLC): что эти виджеты собрали о вас, ваши решения о согласии и ваши права.',
  'welcome.does': 'Что делает расширение',
  'welcome.does.show':
    'В amoCRM в левом меню появится пункт «Данные». Он открывает панель: какие виджеты Ingroup установлены, какие ваши значения у них есть, куда, по словам Ingroup, уходят данные и что не так с его политикой.',
  'welcome.does.choices':
    'Ваши решения (рекламные письма, аналитика, объединение данных) хранятся в этом браузере — в журнале с цепочкой хешей, который можно выгрузить.',
  'welcome.does.requests':
    'Запросы на доступ, исправление, удаление и другие уходят в Ingroup и отслеживаются до законного срока; если сервер Ingroup не отвечает, запрос можно отправить письмом.',
  'welcome.reads': 'Что оно читает',
  'welcome.reads.account':
    'Когда вы открываете панель: ID, название и поддомен аккаунта и ваш профиль (имя, email, телефон) — через API amoCRM, с вашей же сессией. Это те данные, которые, по политике Ingroup, собирают его виджеты.',
  'welcome.reads.widgets':
    'До этого — только список установленных виджетов, не чаще раза в десять минут на аккаунт, чтобы пункт меню показал, сколько из них от Ingroup.',
  'welcome.reads.page':
    'На страницах amoCRM: контакты поддержки, которые указывают виджеты, и адреса ingru.ru, к которым обращается страница, — как признаки того, какие виджеты от Ingroup.',
  'welcome.never': 'Что не покидает браузер',
  'welcome.never.text':
    'Из браузера уходит только запрос, который вы отправили сами, и только на сервер Ingroup или вашим собственным письмом. Никакой телеметрии, аналитики и удалённого кода; прочитанное хранится в этом браузере, пока вы не удалите его в настройках.',
  'welcome.permissions': 'Зачем каждое разрешение',
  'welcome.permission.install': 'при установке',
  'welcome.permission.on_demand': 'только если вы укажете другой сервер в настройках',
  'welcome.why.alarms':
    'Чтобы повторить запрос, который не удалось отправить, и следить за его сроком — даже после перезапуска браузера.',
  'welcome.why.notifications': 'Чтобы сообщить, когда Ingroup пропустит законный срок.',
  'welcome.why.amocrm':
    'Чтобы добавить пункт в меню amoCRM и, когда вы откроете панель, прочитать ваш аккаунт через API amoCRM с вашей сессией.',
  'welcome.why.endpoint':
    'Чтобы отправлять ваши запросы на сервер Ingroup для обращений о персональных данных и читать каталог виджетов Ingroup.',
  'welcome.why.custom_endpoint':
    'Только если вы введёте в настройках другой адрес сервера: тогда браузер спросит вас об этом одном сайте.',
  'welcome.why.unexplained': 'Здесь не объяснено: пожалуйста, сообщите об этом.',
  'welcome.start': 'С чего начать',
  'welcome.start.text': 'Откройте свой аккаунт amoCRM и нажмите «Данные» в левом меню.',
  'welcome.open.amocrm': 'Открыть amoCRM (amocrm.ru)',
  'welcome.open.kommo': 'Открыть Kommo (kommo.com)',
  'welcome.settings': 'Настройки: журнал, выгрузки, сервер',
};

export type WelcomeKey = keyof typeof welcomeEn;

/** Like lib/i18n's translator, for these words: `{name}` replaced as text, never as markup. */
export function welcomeTranslator(lang: Lang): (key: WelcomeKey) => string {
  const dict = lang === 'ru' ? welcomeRu : welcomeEn;
  return (key) => dict[key];
}
