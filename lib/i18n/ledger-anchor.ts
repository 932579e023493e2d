/**
 * The words of the ledger's head hash (Options) and of a broken chain, in Russian and English.
 * Kept apart from the pages' dictionaries (lib/i18n/index.ts) because only Options and the
 * request composer's preview use them, and the panel's first paint has no room for them.
 */
import type { Lang } from '../vocabulary';

const en = {
  'anchor.heading': 'The ledger’s head hash',
  'anchor.head': 'Hash of the newest event, recorded {date}:',
  'anchor.empty': 'The ledger is empty: its head hash is 64 zeros.',
  'anchor.hash': 'Head hash (SHA-256)',
  'anchor.copy': 'Copy the head hash',
  'anchor.copied': 'Copied. Keep it outside this browser.',
  'anchor.copyFailed': 'Could not copy: select the hash and copy it by hand.',
  'anchor.proves':
    'What the chain proves: integrity. Each event is chained to the one before it by SHA-256, so an event changed, removed or moved inside the chain shows when the ledger is verified.',
  'anchor.notProves':
    'What it does not prove: who recorded an event, or that the ledger was not rewritten as a whole. Nothing in the chain is secret: anyone with access to this browser profile could change an event and recompute every hash after it, and the chain would still verify. Only a copy of the head hash kept outside the browser catches that. Keep one (email it to yourself, print it); every request sent to Ingroup also carries the head hash of that moment.',
  'anchor.paste': 'A head hash you kept',
  'anchor.check': 'Check the ledger against it',
  'anchor.intact':
    'Intact: this is the ledger’s head now. Nothing was added, changed or removed since ({count} events).',
  'anchor.extended':
    'Extended: the first {at} events are exactly the ones this hash anchored; {added} were recorded after it and are not covered by it.',
  'anchor.rewritten':
    'Rewritten: no event of this ledger ({count} events) has that hash. The ledger it anchored was changed and its hashes recomputed, cut short or wiped — or the hash comes from another browser’s ledger.',
  'anchor.broken': 'The ledger fails verification, so no head hash can vouch for it: {message}',
  'anchor.malformed': 'That is not a head hash: paste the 64 hexadecimal digits copied from here or from a request.',
  'anchor.previewLedger': '(the consent ledger’s head when the request is saved)',
  'break.duplicate': 'Event #{n} ({id}) appears twice in the ledger.',
  'break.edited': 'Event #{n} ({id}) was changed after it was recorded: its content no longer matches its hash.',
  'break.rehashed':
    'Event #{n} ({id}) was changed after it was recorded and its hash recomputed: the event recorded right after it still links to the original.',
  'break.rehashedFields':
    'Event #{n} ({id}) was changed after it was recorded ({fields}) and its hash recomputed: the event after it still links to the original.',
  'break.claimsFirst':
    'Event #{n} ({id}) claims to be the first event of a ledger, but {other} event(s) come before it.',
  'break.reordered': 'Event #{n} ({id}) is out of order: the event it follows is #{other}, which comes after it.',
  'break.followsOther': 'Event #{n} ({id}) follows event #{other}, not the event right before it.',
  'break.startDeleted': 'Event #1 ({id}) follows an event that is missing: the start of the ledger was deleted.',
  'break.gap': '{gap} event(s) are missing between event #{other} and event #{n} ({id}).',
  'break.unlinked':
    'Event #{n} ({id}) does not follow event #{other}: either events between them were deleted, or event #{other} was changed and its hash recomputed. The chain alone cannot tell which.',
};

export type AnchorKey = keyof typeof en;

const ru: Record<AnchorKey, string> = {
  'anchor.heading': 'Хеш вершины журнала',
  'anchor.head': 'Хеш последнего события, записанного {date}:',
  'anchor.empty': 'Журнал пуст: хеш его вершины — 64 нуля.',
  'anchor.hash': 'Хеш вершины (SHA-256)',
  'anchor.copy': 'Скопировать хеш вершины',
  'anchor.copied': 'Скопировано. Сохраните его вне этого браузера.',
  'anchor.copyFailed': 'Скопировать не удалось: выделите хеш и скопируйте вручную.',
  'anchor.proves':
    'Что доказывает цепочка: целостность. Каждое событие связано с предыдущим хешем SHA-256, поэтому изменённое, удалённое или переставленное внутри цепочки событие видно при проверке журнала.',
  'anchor.notProves':
    'Чего она не доказывает: кто записал событие и что журнал не переписали целиком. В цепочке нет ничего секретного: любой, у кого есть доступ к этому профилю браузера, может изменить событие и пересчитать все хеши после него — и цепочка пройдёт проверку. Это обнаружит только копия хеша вершины, сохранённая вне браузера. Сохраните её (отправьте себе письмом, распечатайте); каждый запрос в Ingroup тоже несёт хеш вершины на момент отправки.',
  'anchor.paste': 'Сохранённый вами хеш вершины',
  'anchor.check': 'Сверить журнал с ним',
  'anchor.intact':
    'Не изменён: это нынешняя вершина журнала. С тех пор ничего не добавлено, не изменено и не удалено (событий: {count}).',
  'anchor.extended':
    'Дополнен: первые {at} событий — ровно те, что закреплены этим хешем; ещё {added} записаны после него и им не покрыты.',
  'anchor.rewritten':
    'Переписан: ни у одного события журнала (событий: {count}) нет такого хеша. Закреплённый им журнал изменили с пересчётом хешей, укоротили или стёрли — или это хеш журнала из другого браузера.',
  'anchor.broken': 'Журнал не проходит проверку, поэтому никакой хеш вершины за него не поручится: {message}',
  'anchor.malformed': 'Это не хеш вершины: вставьте 64 шестнадцатеричные цифры, скопированные здесь или из запроса.',
  'anchor.previewLedger': '(вершина журнала согласий в момент сохранения запроса)',
  'break.duplicate': 'Событие №{n} ({id}) встречается в журнале дважды.',
  'break.edited': 'Событие №{n} ({id}) изменено после записи: его содержимое не совпадает с его хешем.',
  'break.rehashed':
    'Событие №{n} ({id}) изменено после записи, и его хеш пересчитан: событие, записанное сразу после него, всё ещё ссылается на исходное.',
  'break.rehashedFields':
    'Событие №{n} ({id}) изменено после записи ({fields}), и его хеш пересчитан: следующее событие всё ещё ссылается на исходное.',
  'break.claimsFirst':
    'Событие №{n} ({id}) выдаёт себя за первое событие журнала, но перед ним есть ещё событий: {other}.',
  'break.reordered':
    'Событие №{n} ({id}) стоит не на своём месте: оно следует за событием №{other}, которое идёт после него.',
  'break.followsOther': 'Событие №{n} ({id}) следует за событием №{other}, а не за непосредственно предыдущим.',
  'break.startDeleted': 'Событие №1 ({id}) следует за отсутствующим событием: начало журнала удалено.',
  'break.gap': 'Между событиями №{other} и №{n} ({id}) не хватает событий: {gap}.',
  'break.unlinked':
    'Событие №{n} ({id}) не следует за событием №{other}: либо события между ними удалены, либо событие №{other} изменено с пересчётом хеша. По одной цепочке не понять, что именно.',
};

const DICTIONARIES: Record<Lang, Record<AnchorKey, string>> = { en, ru };

export type AnchorTranslate = (key: AnchorKey, params?: Record<string, string | number>) => string;

/** Interpolation as lib/i18n/index.ts does it: `{name}` replaced as text. */
export function anchorWords(lang: Lang): AnchorTranslate {
  const dict = DICTIONARIES[lang];
  return (key, params) =>
    dict[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole));
}

/** A chain break in the UI's language, from `verifyChain`'s `params`. */
export function breakWords(lang: Lang, params: Record<string, string | number>): string {
  const key = `break.${String(params.words)}`;
  return key in en ? anchorWords(lang)(key as AnchorKey, params) : '';
}
