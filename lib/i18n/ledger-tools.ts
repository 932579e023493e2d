/**
 * Words only Options' ledger tools use (components/options/LedgerTools.tsx), kept out of the
 * shared dictionaries that the panel's first paint carries (DESIGN §9).
 */
import type { Lang } from '../vocabulary';

const en = {
  proves:
    'What the hash chain proves: that no event was changed, removed or reordered since it was recorded (integrity). What it does not prove: who recorded an event — anyone with a copy of the extension can make a valid chain, so it is not a signature (authorship).',
  persisted: 'This browser keeps the ledger as persistent storage: it will not clear it to free space.',
  notPersisted:
    'This browser did not agree to keep the ledger as persistent storage: it may clear it when the disk runs short. Export the ledger now and then.',
  persistUnknown:
    'This browser does not say whether it keeps the ledger when space runs short. Export the ledger now and then.',
  unsentHeading: 'Imported choices Ingroup has not been told',
  unsentIntro:
    'An import records choices but sends nothing. These differ from what Ingroup last heard for the account:',
  unsentItem: '{host}: {state} (chosen {date})',
  unsentSend: 'Tell Ingroup: {host}',
  unsentSent: 'Queued for Ingroup: {host}.',
  unsentNoProfile: 'The request needs the administrator’s profile: open the privacy panel in this account once first.',
  stateGiven: 'promotional email allowed',
  stateRefused: 'promotional email refused',
};

const ru: Record<keyof typeof en, string> = {
  proves:
    'Что доказывает цепочка хешей: ни одно событие не изменено, не удалено и не переставлено после записи (целостность). Чего она не доказывает: кто записал событие — верную цепочку может построить любой, у кого есть расширение, это не подпись (авторство).',
  persisted: 'Браузер хранит журнал как постоянные данные: он не удалит его, чтобы освободить место.',
  notPersisted:
    'Браузер не согласился хранить журнал как постоянные данные: он может удалить его, если на диске мало места. Время от времени экспортируйте журнал.',
  persistUnknown:
    'Браузер не сообщает, сохранит ли он журнал при нехватке места. Время от времени экспортируйте журнал.',
  unsentHeading: 'Импортированные выборы, о которых Ingroup не знает',
  unsentIntro:
    'Импорт записывает выборы, но ничего не отправляет. Эти отличаются от того, что Ingroup знает об аккаунте:',
  unsentItem: '{host}: {state} (выбрано {date})',
  unsentSend: 'Сообщить Ingroup: {host}',
  unsentSent: 'Поставлено в очередь для Ingroup: {host}.',
  unsentNoProfile: 'Для запроса нужен профиль администратора: сначала откройте панель в этом аккаунте.',
  stateGiven: 'рекламные письма разрешены',
  stateRefused: 'от рекламных писем отказались',
};

export function ledgerToolsWords(lang: Lang): typeof en {
  return lang === 'ru' ? ru : en;
}
