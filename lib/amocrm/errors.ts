/**
 * What can go wrong reading amoCRM, as one typed error, and how to say it to an administrator.
 *
 * `AmoError.code` (`amo/<kind>`) survives the background's reply envelope (lib/messages.ts
 * `errorReply`), so a page can describe an error it only received as `{code, message}`.
 */
import type { AmoProblem } from './schemas';
import type { Lang } from '../vocabulary';

export const AMO_ERROR_KINDS = [
  'signed_out',
  'not_admin',
  'ip_restricted',
  'account_unreadable',
  'rate_limited',
  'server',
  'network',
  'malformed',
  'unexpected',
] as const;
export type AmoErrorKind = (typeof AMO_ERROR_KINDS)[number];

export interface AmoErrorDetails {
  /** amoCRM's HTTP status, when it answered. */
  status?: number;
  /** The `application/problem+json` body, when amoCRM sent one. */
  problem?: AmoProblem;
  /** The API path that failed. */
  path?: string;
  /** For `rate_limited`: how long amoCRM asked to wait before the next try. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class AmoError extends Error {
  readonly kind: AmoErrorKind;
  readonly status?: number;
  readonly problem?: AmoProblem;
  readonly path?: string;
  readonly retryAfterMs?: number;
  constructor(kind: AmoErrorKind, message: string, details: AmoErrorDetails = {}) {
    // `cause`: what failed underneath (a network error, a zod error).
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'AmoError';
    this.kind = kind;
    if (details.status !== undefined) this.status = details.status;
    if (details.problem !== undefined) this.problem = details.problem;
    if (details.path !== undefined) this.path = details.path;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }

  /** Carried through reply envelopes; read back with `amoErrorKindFromCode`. */
  get code(): `amo/${AmoErrorKind}` {
    return `amo/${this.kind}`;
  }
}

/**
 * amoCRM's "whitelist of IP addresses" refusal: HTTP 403 with error code 113 ("Access to this
 * account is prohibited from your IP address", amoCRM's API error list). Its v4 body is not
 * documented: the code, or words naming the IP address, are taken as the sign (docs/amocrm-evidence.md).
 */
export function isIpRestriction(status: number, body: string): boolean {
  if (status !== 403) return false;
  return /"error_code"\s*:\s*"?113\b/.test(body) || /\bIP\b|IP[- ]?адрес/.test(body);
}

/**
 * The kind an HTTP status maps to (429 only after retries are spent). A 403 is told apart: the IP
 * whitelist, then `/api/v4/account` (readable by any user, so a refusal there is not about rights),
 * then an administrator-only path refused to someone who is not one.
 */
export function amoErrorKindForStatus(status: number, path = '', body = ''): AmoErrorKind {
  if (status === 401) return 'signed_out';
  if (isIpRestriction(status, body)) return 'ip_restricted';
  if (status === 403) return path.startsWith('/api/v4/account') ? 'account_unreadable' : 'not_admin';
  if (status === 429) return 'rate_limited';
  if (status >= 500 && status <= 599) return 'server';
  return 'unexpected';
}

export function amoErrorKindFromCode(code: string): AmoErrorKind | null {
  const kind = code.startsWith('amo/') ? code.slice(4) : '';
  return (AMO_ERROR_KINDS as readonly string[]).includes(kind) ? (kind as AmoErrorKind) : null;
}

export interface AmoErrorDescription {
  title: string;
  detail: string;
  action: string;
}

interface Facts {
  kind: AmoErrorKind;
  status: number | undefined;
  retryAfterMs: number | undefined;
}

function factsOf(err: unknown): Facts {
  if (err instanceof AmoError) return { kind: err.kind, status: err.status, retryAfterMs: err.retryAfterMs };
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') {
    const kind = amoErrorKindFromCode(err.code);
    if (kind) return { kind, status: undefined, retryAfterMs: undefined };
  }
  return { kind: 'unexpected', status: undefined, retryAfterMs: undefined };
}

type Describe = (facts: Facts) => AmoErrorDescription;

function statusNote(lang: Lang, status: number | undefined): string {
  if (status === undefined) return '';
  return lang === 'ru' ? ` (amoCRM ответил HTTP ${status})` : ` (amoCRM answered HTTP ${status})`;
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

const TEXT: Record<Lang, Record<AmoErrorKind, Describe>> = {
  en: {
    signed_out: (f) => ({
      title: 'You are signed out of amoCRM',
      detail: `amoCRM did not accept the session in this tab${statusNote('en', f.status)}, so the account could not be read.`,
      action: 'Sign in to amoCRM in this tab, then open the panel again.',
    }),
    not_admin: (f) => ({
      title: 'Only an administrator can see the profile data',
      detail:
        `amoCRM shows users' profiles only to account administrators${statusNote('en', f.status)}. ` +
        "You can still see this account and its installed widgets, but not the administrator's name, email and phone, or the number of users.",
      action: 'To see everything Ingroup may hold about this account, open the panel while signed in as an administrator, or ask one to.',
    }),
    ip_restricted: (f) => ({
      title: 'amoCRM refuses access from this IP address',
      detail: `This account allows its API only from listed IP addresses${statusNote('en', f.status)}, and this computer's address is not on the list. This is not about your rights in the account.`,
      action: "Ask an administrator to add this network's address in amoCRM's security settings (the IP whitelist), or open the panel from a listed network.",
    }),
    account_unreadable: (f) => ({
      title: "amoCRM did not let the extension read this account",
      detail: `amoCRM refused the account's own description${statusNote('en', f.status)}, which any user of an account may read. The extension cannot tell which account this is, so it shows nothing.`,
      action: 'Reload the amoCRM page and try again. If it persists, check that your user is active in this account.',
    }),
    rate_limited: (f) => ({
      title: 'amoCRM asked to slow down',
      detail:
        `amoCRM allows 7 requests a second per account and answered "too many requests"${statusNote('en', f.status)} even after waiting.` +
        (f.retryAfterMs === undefined ? '' : ` It asked to wait ${seconds(f.retryAfterMs)} s.`),
      action: 'Wait a minute and try again. If other integrations are busy in this account, try again later.',
    }),
    server: (f) => ({
      title: 'amoCRM is having trouble',
      detail: `amoCRM answered with a server error${statusNote('en', f.status)}. The problem is on amoCRM's side, not in your account.`,
      action: "Try again in a few minutes. If it persists, check amoCRM's status page.",
    }),
    network: () => ({
      title: 'Could not reach amoCRM',
      detail: 'The request did not reach amoCRM: the connection dropped, or the amoCRM tab was closed or reloaded.',
      action: 'Check your connection, keep the amoCRM tab open, and try again.',
    }),
    malformed: (f) => ({
      title: "amoCRM's answer was not understood",
      detail: `amoCRM answered${statusNote('en', f.status)}, but not in the shape its API documents. Nothing from that answer was used or saved.`,
      action: 'Try again later. If it keeps happening, amoCRM may have changed its API: please report it to the extension developers.',
    }),
    unexpected: (f) => ({
      title: 'amoCRM refused the request',
      detail: `amoCRM answered in a way the extension did not expect${statusNote('en', f.status)}.`,
      action: 'Try again. If it keeps happening, report it to the extension developers with the status shown.',
    }),
  },
  ru: {
    signed_out: (f) => ({
      title: 'Вы не вошли в amoCRM',
      detail: `amoCRM не принял сессию в этой вкладке${statusNote('ru', f.status)}, поэтому данные аккаунта прочитать не удалось.`,
      action: 'Войдите в amoCRM в этой вкладке и откройте панель снова.',
    }),
    not_admin: (f) => ({
      title: 'Данные профиля видит только администратор',
      detail:
        `amoCRM показывает профили пользователей только администраторам аккаунта${statusNote('ru', f.status)}. ` +
        'Вам видны аккаунт и установленные в нём виджеты, но не имя, почта и телефон администратора и не число пользователей.',
      action: 'Чтобы увидеть всё, что Ingroup может хранить об этом аккаунте, откройте панель под учётной записью администратора или попросите его об этом.',
    }),
    ip_restricted: (f) => ({
      title: 'amoCRM не пускает с этого IP-адреса',
      detail: `В этом аккаунте API доступен только с разрешённых IP-адресов${statusNote('ru', f.status)}, а адреса этого компьютера в списке нет. Дело не в ваших правах в аккаунте.`,
      action: 'Попросите администратора добавить адрес этой сети в настройках безопасности amoCRM (белый список IP) или откройте панель из разрешённой сети.',
    }),
    account_unreadable: (f) => ({
      title: 'amoCRM не дал прочитать этот аккаунт',
      detail: `amoCRM отказал в описании аккаунта${statusNote('ru', f.status)}, которое может читать любой его пользователь. Расширение не может понять, что это за аккаунт, и ничего не показывает.`,
      action: 'Перезагрузите страницу amoCRM и попробуйте снова. Если ошибка не проходит, проверьте, что ваш пользователь активен в этом аккаунте.',
    }),
    rate_limited: (f) => ({
      title: 'amoCRM просит делать запросы реже',
      detail:
        `amoCRM допускает 7 запросов в секунду на аккаунт и ответил «слишком много запросов»${statusNote('ru', f.status)} даже после ожидания.` +
        (f.retryAfterMs === undefined ? '' : ` Он попросил подождать ${seconds(f.retryAfterMs)} с.`),
      action: 'Подождите минуту и попробуйте снова. Если в аккаунте активно работают другие интеграции, попробуйте позже.',
    }),
    server: (f) => ({
      title: 'У amoCRM неполадки',
      detail: `amoCRM ответил ошибкой сервера${statusNote('ru', f.status)}. Проблема на стороне amoCRM, а не в вашем аккаунте.`,
      action: 'Попробуйте снова через несколько минут. Если ошибка не проходит, проверьте страницу статуса amoCRM.',
    }),
    network: () => ({
      title: 'Не удалось связаться с amoCRM',
      detail: 'Запрос не дошёл до amoCRM: пропало соединение, или вкладку amoCRM закрыли либо перезагрузили.',
      action: 'Проверьте соединение, не закрывайте вкладку amoCRM и попробуйте снова.',
    }),
    malformed: (f) => ({
      title: 'Ответ amoCRM не удалось разобрать',
      detail: `amoCRM ответил${statusNote('ru', f.status)}, но не в том виде, который описан в его API. Из этого ответа ничего не использовано и не сохранено.`,
      action: 'Попробуйте позже. Если ошибка повторяется, возможно, amoCRM изменил API: сообщите об этом разработчикам расширения.',
    }),
    unexpected: (f) => ({
      title: 'amoCRM отклонил запрос',
      detail: `amoCRM ответил не так, как ожидало расширение${statusNote('ru', f.status)}.`,
      action: 'Попробуйте снова. Если ошибка повторяется, сообщите разработчикам расширения код ответа.',
    }),
  },
};

/**
 * Plain-language title, what happened and what to do next. Takes an `AmoError`, a reply-envelope
 * error (`{code: 'amo/<kind>'}`), or anything else (described as unexpected).
 */
export function describeAmoError(err: unknown, lang: Lang): AmoErrorDescription {
  const facts = factsOf(err);
  return TEXT[lang][facts.kind](facts);
}
