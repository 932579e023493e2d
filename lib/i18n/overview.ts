/**
 * The panel's summary and its widgets × data table; merged into the pages' dictionaries by
 * lib/i18n/index.ts. English defines the keys, Russian has every one.
 */
export const overviewEn = {
  'summary.heading': 'At a glance',
  'summary.verdict.none':
    'No Ingroup widget is installed in this account, so Ingroup’s widgets hold nothing of yours from it.',
  'summary.verdict.holds':
    'Ingroup holds your data from this account. Below: what it holds, where it goes, what is wrong with its policy, and what you can ask for.',
  'summary.verdict.overdue':
    'Ingroup has missed the legal deadline on your requests. Open the overdue request below to write a complaint.',
  'summary.widgets': 'Ingroup widgets installed',
  'summary.sure.catalog': '{count} named by Ingroup’s catalog',
  'summary.sure.declared': '{count} declaring Ingroup’s contact',
  'summary.sure.traffic': '{count} seen calling ingru.ru',
  'summary.sure.admin': '{count} marked by you',
  'summary.sure.none': 'none found on the evidence',
  'summary.data': 'Items of your data they hold',
  'summary.dataHint': 'each value shown once',
  'summary.problems': 'Problems in the policy',
  'summary.problemsHint': 'each with the law it meets',
  'summary.requests': 'Requests open',
  'summary.nextDue': 'next due {date}',
  'summary.overdue': '{count} overdue',
  'summary.noDue': 'no legal deadline running',
  'matrix.caption':
    'Your data in each widget: the value from this account, and whether the widget is declared to collect it or was observed sending it',
  'matrix.declaredCatalog': 'declared (catalog)',
  'matrix.declaredPolicy': 'declared (policy §1)',
  'matrix.observed': 'observed in traffic',
  'matrix.notCollected': 'not declared',
  'matrix.scroll': 'Your data by widget (scrolls sideways)',
} as const;

export const overviewRu: Record<keyof typeof overviewEn, string> = {
  'summary.heading': 'Коротко',
  'summary.verdict.none':
    'В этом аккаунте не установлено ни одного виджета Ingroup, так что через виджеты Ingroup ваших данных отсюда не получает.',
  'summary.verdict.holds':
    'Ingroup получает ваши данные из этого аккаунта. Ниже — что именно, куда это уходит, что не так с его политикой и что вы можете потребовать.',
  'summary.verdict.overdue':
    'Ingroup пропустил законный срок ответа на ваши запросы. Откройте просроченный запрос ниже, чтобы составить жалобу.',
  'summary.widgets': 'Установлено виджетов Ingroup',
  'summary.sure.catalog': 'по каталогу Ingroup: {count}',
  'summary.sure.declared': 'указан контакт Ingroup: {count}',
  'summary.sure.traffic': 'обращаются к ingru.ru: {count}',
  'summary.sure.admin': 'по вашей отметке: {count}',
  'summary.sure.none': 'по имеющимся данным — ни одного',
  'summary.data': 'Ваших данных у них',
  'summary.dataHint': 'каждое значение — один раз',
  'summary.problems': 'Проблем в политике',
  'summary.problemsHint': 'каждая — со ссылкой на закон',
  'summary.requests': 'Открытых запросов',
  'summary.nextDue': 'ближайший срок {date}',
  'summary.overdue': 'просрочено: {count}',
  'summary.noDue': 'законные сроки не идут',
  'matrix.caption':
    'Ваши данные в каждом виджете: значение из этого аккаунта и то, заявлен ли сбор виджетом или замечена его передача',
  'matrix.declaredCatalog': 'заявлено (каталог)',
  'matrix.declaredPolicy': 'заявлено (политика, §1)',
  'matrix.observed': 'замечено в запросах',
  'matrix.notCollected': 'не заявлено',
  'matrix.scroll': 'Ваши данные по виджетам (прокрутка вбок)',
};
