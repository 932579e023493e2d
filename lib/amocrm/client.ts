/**
 * amoCRM API v4 client, written against a transport: the background asks the content script on
 * the account's own origin to fetch a path with the session cookie (`amo/fetch`, lib/messages.ts)
 * and gets the raw `AmoFetchReply` back. Every request goes through the per-account limiter.
 */
import type { z } from 'zod/mini';
import { issueWords } from '../issue-words';
import type { AmoFetchReply } from '../messages';
import { AmoError, amoErrorKindForStatus } from './errors';
import { retryDelayMs, type Limiter } from './limiter';
import {
  AmoAccountSchema,
  AmoProblemSchema,
  AmoUserSchema,
  AmoUsersListSchema,
  AmoWidgetsListSchema,
  parseWidgetsPage,
  type AmoAccount,
  type AmoProblem,
  type AmoUser,
  type AmoWidget,
} from './schemas';

/** Fetches an API path on the account's origin; rejects on network failure or a closed tab. */
export type AmoTransport = (path: string) => Promise<AmoFetchReply>;

/** The paths this client asks for; each must pass the content script's allowlist (`ToContent`). */
export const amoPaths = {
  account: (): string => '/api/v4/account',
  user: (id: number): string => `/api/v4/users/${id}?with=phone_number`,
  userCount: (): string => '/api/v4/users?limit=1',
  widgets: (page: number): string => `/api/v4/widgets?limit=${WIDGETS_PER_PAGE}&page=${page}`,
};

/** amoCRM's largest page size. */
export const WIDGETS_PER_PAGE = 250;
/** 25,000 widgets: far beyond amoCRM's marketplace; a server still offering full pages past it is broken. */
const MAX_WIDGET_PAGES = 100;

export interface WidgetList {
  widgets: AmoWidget[];
  /** Entries amoCRM listed that could not be read (skipped). */
  skipped: number;
}

export interface AmoClientOptions {
  transport: AmoTransport;
  limiter: Limiter;
  /** The account's key in the limiter: its host. */
  key: string;
  /** Retries after a 429 before giving up with `rate_limited` (default 3). */
  maxRetries?: number;
  /** A Retry-After longer than this fails at once instead of holding the panel (default 60 s). */
  maxWaitMs?: number;
}

export interface AmoClient {
  getAccount(): Promise<AmoAccount>;
  /** Administrators only: a non-admin gets `AmoError('not_admin')`. */
  getUser(id: number): Promise<AmoUser>;
  /** The number of users in the account (administrators only). */
  getUserCount(): Promise<number>;
  /** Every widget amoCRM lists for the account, all pages; entries that could not be read are counted. */
  listWidgets(): Promise<WidgetList>;
  /** Requests sent so far, retries included. */
  readonly calls: number;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not JSON: no answer to read.
  }
  return undefined;
}

function problemOf(reply: AmoFetchReply): AmoProblem | undefined {
  const parsed = AmoProblemSchema.safeParse(parseJson(reply.body));
  return parsed.success ? parsed.data : undefined;
}

export function createAmoClient(opts: AmoClientOptions): AmoClient {
  const { transport, limiter, key } = opts;
  const maxRetries = opts.maxRetries ?? 3;
  const maxWaitMs = opts.maxWaitMs ?? 60_000;
  let calls = 0;

  async function send(path: string): Promise<AmoFetchReply> {
    try {
      return await limiter.schedule(key, () => {
        calls += 1;
        return transport(path);
      });
    } catch (cause) {
      if (cause instanceof AmoError) throw cause;
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new AmoError('network', `Could not reach amoCRM for ${path}: ${reason}`, { path, cause });
    }
  }

  /** The body of a 200 (parsed with `schema`), or null for a 204. Throws `AmoError` otherwise. */
  async function get<S extends z.ZodMiniType>(path: string, schema: S): Promise<z.output<S> | null> {
    for (let attempt = 0; ; attempt += 1) {
      const reply = await send(path);
      if (reply.status === 429) {
        const delay = retryDelayMs(reply.retryAfter, attempt, limiter.now());
        if (attempt >= maxRetries || delay > maxWaitMs) {
          const problem = problemOf(reply);
          throw new AmoError('rate_limited', `amoCRM kept answering 429 to ${path} after ${attempt + 1} tries`, {
            status: 429,
            path,
            retryAfterMs: delay,
            ...(problem ? { problem } : {}),
          });
        }
        limiter.pause(key, delay);
        continue;
      }
      if (reply.status === 204) return null;
      if (reply.status === 200) {
        const parsed = schema.safeParse(parseJson(reply.body), { error: issueWords });
        if (!parsed.success) {
          throw new AmoError(
            'malformed',
            `amoCRM's answer to ${path} does not match its documented shape: ${parsed.error.message}`,
            {
              status: 200,
              path,
              cause: parsed.error,
            },
          );
        }
        return parsed.data;
      }
      const problem = problemOf(reply);
      const kind = amoErrorKindForStatus(reply.status, path, reply.body);
      const said = problem ? `: ${problem.title}${problem.detail ? ` (${problem.detail})` : ''}` : '';
      throw new AmoError(kind, `amoCRM answered ${reply.status} to ${path}${said}`, {
        status: reply.status,
        path,
        ...(problem ? { problem } : {}),
      });
    }
  }

  async function getOne<S extends z.ZodMiniType>(path: string, schema: S): Promise<z.output<S>> {
    const value = await get(path, schema);
    if (value === null)
      throw new AmoError('malformed', `amoCRM answered 204 (empty) to ${path}, which always has a body`, {
        status: 204,
        path,
      });
    return value;
  }

  return {
    getAccount: () => getOne(amoPaths.account(), AmoAccountSchema),

    getUser(id: number): Promise<AmoUser> {
      if (!Number.isSafeInteger(id) || id < 0)
        return Promise.reject(new AmoError('unexpected', `Not a user id: ${id}`));
      return getOne(amoPaths.user(id), AmoUserSchema);
    },

    async getUserCount(): Promise<number> {
      const path = amoPaths.userCount();
      const list = await get(path, AmoUsersListSchema);
      if (list === null) return 0;
      // With limit=1 there is one user per page, so the page count is the user count too.
      const total = list._total_items ?? list._page_count;
      if (total === undefined)
        throw new AmoError('malformed', `amoCRM's user list for ${path} has no _total_items`, { status: 200, path });
      return total;
    },

    async listWidgets(): Promise<WidgetList> {
      const widgets: AmoWidget[] = [];
      let skipped = 0;
      // The aggregated list carries no `_links.next`: a full page means there may be more, and a
      // 204 or a short page is the end.
      for (let page = 1; page <= MAX_WIDGET_PAGES; page += 1) {
        const list = await get(amoPaths.widgets(page), AmoWidgetsListSchema);
        if (list === null) return { widgets, skipped };
        const read = parseWidgetsPage(list);
        widgets.push(...read.widgets);
        skipped += read.skipped;
        if (read.size < WIDGETS_PER_PAGE) return { widgets, skipped };
      }
      throw new AmoError('malformed', `amoCRM still offered more widgets after ${MAX_WIDGET_PAGES} pages`, {
        path: amoPaths.widgets(MAX_WIDGET_PAGES),
      });
    },

    get calls(): number {
      return calls;
    },
  };
}
