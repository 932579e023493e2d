/**
 * Words only Options' ledger tools use (components/options/LedgerTools.tsx), kept out of the
 * shared dictionaries that the panel's first paint carries (DESIGN §9).
 */
import type { Lang } from './launcher';

const en = {
  proves:
    'What the hash chain proves: that no event was changed, removed or reordered since it was recorded (integrity). What it does not prove: who recorded an event — anyone with a copy of the extension can make a valid chain, so it is not a signature (authorship).',
  future: 'Event #{n} is dated {date}, after this import: no choice can have been made in the future (the clock of the browser that recorded it was probably wrong). Nothing was imported.',
};

const ru: Record<keyof typeof en, string> = {
  proves:
    'Что доказывает цепочка хешей: ни одно событие не изменено, не удалено и не переставлено после записи (целостность). Чего она не доказывает: кто записал событие — верную цепочку может построить любой, у кого есть расширение, это не подпись (авторство).',
  future: 'Событие № {n} датировано {date} — позже этого импорта: выбор не может быть сделан в будущем (видимо, часы браузера, где его записали, шли неверно). Ничего не импортировано.',
};

export function ledgerToolsWords(lang: Lang): typeof en {
  return lang === 'ru' ? ru : en;
}
