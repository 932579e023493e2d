/**
 * amoCRM API v4 response shapes (DESIGN §3), parsed where they enter.
 *
 * Lenient on what we do not use (`z.looseObject`: unknown fields pass through, optional booleans may
 * be absent), strict on what we do: ids, names, the admin's contacts, the install flag, paging.
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
  lang: z.optional(z.string()),
  phone_number: z.optional(z.nullable(z.string())),
  rights: z.looseObject({ is_admin: z.boolean(), is_active: z.boolean() }),
});
export type AmoUser = z.infer<typeof AmoUserSchema>;

/**
 * `GET /api/v4/users?limit=…&page=…`. The count is `_total_items`; with `limit=1`, `_page_count`
 * says the same, so either one is enough (see `userTotal`).
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
  id: Id,
  code: z.string().check(z.minLength(1)),
  /** `"1.0.3"` or `2`: always a string once parsed. */
  version: z.pipe(z.union([z.string(), z.number()]), z.transform((v) => String(v))),
  /** `"2,8"`, `4` or null: always number | null once parsed. */
  rating: z.pipe(z.optional(z.union([z.string(), z.number(), z.null()])), z.transform(parseRating)),
  settings_template: z.optional(z.unknown()),
  is_lead_source: z.optional(z.boolean()),
  is_work_with_dp: z.optional(z.boolean()),
  is_crm_template: z.optional(z.boolean()),
  client_uuid: z.optional(z.nullable(z.string())),
  /** Installed in this account. Absent or null means not installed. */
  is_active_in_account: z.pipe(z.optional(z.nullable(z.boolean())), z.transform((v) => v === true)),
  pipeline_id: z.optional(z.nullable(z.int())),
  _links: z.optional(Links),
});
export type AmoWidget = z.infer<typeof AmoWidgetSchema>;

/** `GET /api/v4/widgets?limit=250&page=N`: no `_total_items`; paging ends when `_links.next` is absent. */
export const AmoWidgetsListSchema = z.looseObject({
  _page: z.optional(z.int()),
  _links: z.optional(Links),
  _embedded: z.looseObject({ widgets: z.array(AmoWidgetSchema) }),
});
export type AmoWidgetsList = z.infer<typeof AmoWidgetsListSchema>;

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
        errors: z.optional(z.array(z.looseObject({ code: z.optional(z.string()), path: z.optional(z.string()), detail: z.optional(z.string()) }))),
      }),
    ),
  ),
});
export type AmoProblem = z.infer<typeof AmoProblemSchema>;
