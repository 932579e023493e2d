/**
 * amoCRM API v4 response shapes (DESIGN §3), parsed where they enter.
 *
 * Lenient on what we do not use (`z.looseObject`: unknown fields pass through; `null` or absent is
 * accepted wherever the panel can do without the value), strict on what we do: the account's id and
 * subdomain, the admin's contacts, a widget's code. One widget entry that cannot be read is skipped
 * and counted (`parseWidgetsPage`), never fatal to the list.
 */
import { z } from 'zod/mini';

const Id = z.int().check(z.nonnegative());

const Link = z.looseObject({ href: z.string() });
/** Only `next` is read (to end paging); `self` is documented but unused, so not required. */
const Links = z.looseObject({ self: z.optional(Link), next: z.optional(Link) });

/** `GET /api/v4/account` — readable by any user of the account. */
export const AmoAccountSchema = z.looseObject({
  id: Id,
  name: z.string(),
  subdomain: z.string(),
  current_user_id: Id,
  country: z.optional(z.nullable(z.string())),
});
export type AmoAccount = z.infer<typeof AmoAccountSchema>;

/** `GET /api/v4/users/{id}?with=phone_number` — administrators only (403 otherwise). */
export const AmoUserSchema = z.looseObject({
  id: Id,
  name: z.string(),
  email: z.string(),
  lang: z.optional(z.nullable(z.string())),
  phone_number: z.optional(z.nullable(z.string())),
  rights: z.looseObject({ is_admin: z.boolean(), is_active: z.optional(z.nullable(z.boolean())) }),
});
export type AmoUser = z.infer<typeof AmoUserSchema>;

/**
 * `GET /api/v4/users?limit=…&page=…`. The count is `_total_items`; with `limit=1`, `_page_count`
 * says the same, so either one is enough (see `getUserCount` in lib/amocrm/client.ts).
 */
export const AmoUsersListSchema = z.looseObject({
  _total_items: z.optional(z.int().check(z.nonnegative())),
  _page: z.optional(z.int()),
  _page_count: z.optional(z.int().check(z.nonnegative())),
  _links: z.optional(Links),
  _embedded: z.looseObject({ users: z.array(z.looseObject({ id: Id })) }),
});
export type AmoUsersList = z.infer<typeof AmoUsersListSchema>;

/**
 * amoCRM's widget rating: a decimal-comma string (`"2,8"`), a number, or null. Anything that is not
 * a plain decimal number reads as "no rating" rather than failing the whole list.
 */
export function parseRating(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : null;
}

/** One entry of `GET /api/v4/widgets`: public, installed and the account's own widgets alike. */
export const AmoWidgetSchema = z.looseObject({
  /** Not needed by the panel: null or absent is kept as null. */
  id: z.pipe(
    z.optional(z.nullable(Id)),
    z.transform((v) => v ?? null),
  ),
  code: z.string().check(z.minLength(1)),
  /** `"1.0.3"`, `2` or null (the official SDK's `string|int|null`): a string once parsed, `''` when unknown. */
  version: z.pipe(
    z.optional(z.nullable(z.union([z.string(), z.number()]))),
    z.transform((v) => (v === null || v === undefined ? '' : String(v))),
  ),
  /** `"2,8"`, `4` or null: always number | null once parsed. */
  rating: z.pipe(z.optional(z.union([z.string(), z.number(), z.null()])), z.transform(parseRating)),
  settings_template: z.optional(z.unknown()),
  is_lead_source: z.optional(z.boolean()),
  is_work_with_dp: z.optional(z.boolean()),
  is_crm_template: z.optional(z.boolean()),
  client_uuid: z.optional(z.nullable(z.string())),
  /** Installed in this account. Absent or null means not installed. */
  is_active_in_account: z.pipe(
    z.optional(z.nullable(z.boolean())),
    z.transform((v) => v === true),
  ),
  pipeline_id: z.optional(z.nullable(z.int())),
  _links: z.optional(Links),
});
export type AmoWidget = z.infer<typeof AmoWidgetSchema>;

/**
 * `GET /api/v4/widgets?limit=250&page=N`: no `_total_items` and, on the aggregated list, no
 * `_links.next` either — paging goes on while pages come back full. Entries are read one by one
 * (`parseWidgetsPage`).
 */
export const AmoWidgetsListSchema = z.looseObject({
  _page: z.optional(z.nullable(z.int())),
  _embedded: z.looseObject({ widgets: z.array(z.unknown()) }),
});
export type AmoWidgetsList = z.infer<typeof AmoWidgetsListSchema>;

export interface WidgetsPage {
  widgets: AmoWidget[];
  /** Entries that could not be read, skipped. */
  skipped: number;
  /** Entries on the page, readable or not (paging goes on while a page is full). */
  size: number;
}

/** One page's entries, each read on its own: an unreadable one is skipped and counted. */
export function parseWidgetsPage(list: AmoWidgetsList): WidgetsPage {
  const widgets: AmoWidget[] = [];
  let skipped = 0;
  for (const entry of list._embedded.widgets) {
    const parsed = AmoWidgetSchema.safeParse(entry);
    if (parsed.success) widgets.push(parsed.data);
    else skipped += 1;
  }
  return { widgets, skipped, size: list._embedded.widgets.length };
}

/** `application/problem+json` (RFC 7807); a 400 adds `validation-errors`. */
export const AmoProblemSchema = z.looseObject({
  title: z.string(),
  type: z.optional(z.string()),
  status: z.int(),
  detail: z.optional(z.string()),
  'validation-errors': z.optional(
    z.array(
      z.looseObject({
        request_id: z.optional(z.union([z.string(), z.number()])),
        errors: z.optional(
          z.array(
            z.looseObject({
              code: z.optional(z.string()),
              path: z.optional(z.string()),
              detail: z.optional(z.string()),
            }),
          ),
        ),
      }),
    ),
  ),
});
export type AmoProblem = z.infer<typeof AmoProblemSchema>;
