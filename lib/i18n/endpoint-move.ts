/**
 * Words for the requests held for an endpoint that is no longer in force (Options only, so kept
 * out of the dictionaries the panel's first paint carries, DESIGN §9).
 */
import type { Lang } from '../vocabulary';

const en = {
  heading: 'Requests made for another endpoint',
  intro:
    'These requests were made while another endpoint was set. They carry your name, email and phone, so none goes to the new endpoint unless you say so, one by one.',
  item: '{title} for {host}, made {date} for {origin}',
  move: 'Send to {origin}',
  moved: 'Queued for {origin}.',
};

const ru: Record<keyof typeof en, string> = {
  heading: 'Запросы, сделанные для другого сервиса',
  intro:
    'Эти запросы сделаны, когда был указан другой сервис. В них ваше имя, email и телефон, поэтому в новый сервис они уходят только с вашего согласия — по одному.',
  item: '{title} для {host}, создан {date} для {origin}',
  move: 'Отправить в {origin}',
  moved: 'Поставлен в очередь для {origin}.',
};

export function endpointMoveWords(lang: Lang): typeof en {
  return lang === 'ru' ? ru : en;
}
