/** The words for which widgets are Ingroup's and why (lib/attribution/); merged by lib/i18n/index.ts. */
export const evidenceEn = {
  'inventory.listed': 'Widgets amoCRM lists in all (public, installed and your own): {listed}.',
  'inventory.skipped': '{count} entries of amoCRM’s widget list could not be read and were skipped.',
  'inventory.dropped': '{count} malformed entries of Ingroup’s catalog were left out.',
  'inventory.collectsFromPolicy':
    'No catalog names this widget: the data below is what the policy (§1) says Ingroup’s widgets collect, not confirmed for this one.',
  'inventory.notInPolicy': 'named by Ingroup’s catalog, not in the policy',
  'evidence.heading': 'Counted as Ingroup’s because',
  'evidence.catalogEndpoint': 'Ingroup’s catalog names it',
  'evidence.catalogBundled': 'the catalog bundled with the extension names it (demo codes)',
  'evidence.declared': 'it declares Ingroup’s support contact {contact} (as amoCRM’s page says; not verified)',
  'evidence.traffic': 'this page sent requests naming it to {hosts} (observed)',
  'evidence.admin': 'you marked it as Ingroup’s',
  'mark.ingroup': 'Ingroup’s',
  'mark.notIngroup': 'Not Ingroup’s',
  'mark.clear': 'Remove my mark',
  'mark.markedNot': 'you marked it as not Ingroup’s',
} as const satisfies Record<string, string>;

export const evidenceRu: Record<keyof typeof evidenceEn, string> = {
  'inventory.listed': 'Всего amoCRM перечисляет виджетов (публичные, установленные и ваши): {listed}.',
  'inventory.skipped': 'Записей списка виджетов amoCRM, которые не удалось прочитать и пришлось пропустить: {count}.',
  'inventory.dropped': 'Повреждённых записей каталога Ingroup, оставленных без внимания: {count}.',
  'inventory.collectsFromPolicy':
    'Этот виджет не назван ни в одном каталоге: ниже то, что по политике (§1) собирают виджеты Ingroup; для этого виджета это не подтверждено.',
  'inventory.notInPolicy': 'названо в каталоге Ingroup, в политике нет',
  'evidence.heading': 'Считается виджетом Ingroup, потому что',
  'evidence.catalogEndpoint': 'его называет каталог Ingroup',
  'evidence.catalogBundled': 'его называет каталог, встроенный в расширение (демо-коды)',
  'evidence.declared': 'он указывает контакт поддержки Ingroup {contact} (так говорит страница amoCRM; не проверено)',
  'evidence.traffic': 'эта страница отправляла запросы с его кодом на {hosts} (замечено)',
  'evidence.admin': 'вы отметили его как виджет Ingroup',
  'mark.ingroup': 'Виджет Ingroup',
  'mark.notIngroup': 'Не Ingroup',
  'mark.clear': 'Снять мою отметку',
  'mark.markedNot': 'вы отметили его как виджет не от Ingroup',
};
