/**
 * amoCRM API v4 response shapes (DESIGN §3), parsed where they enter.
 *
 * Lenient on what we do not use (`z.looseObject`: unknown fields pass through, optional booleans may
 * be absent), strict on what we do: ids, names, the admin's contacts, the install flag, paging.
 */
import { z } from 'zod';

const Id = z.number().int().nonnegative();

const Link = z.looseObject({ href: z.string() });
/** Only `next` is read (to end paging); `self` is documented but unused, so not required. */
const Links = z.looseObject({ self: Link.optional(), next: Link.optional() });

/** `GET /api/v4/account` — readable by any user of the account. */
export const AmoAccountSchema = z.looseObject({
  id: Id,
  name: z.string(),
  subdomain: z.string(),
  current_user_id: Id,
  country: z.string().nullable().optional(),
});
export type AmoAccount = z.infer<typeof AmoAccountSchema>;

/** `GET /api/v4/users/{id}?with=phone_number` — administrators only (403 otherwise). */
export const AmoUserSchema = z.looseObject({
  id: Id,
  name: z.string(),
  email: z.string(),
  lang: z.string().optional(),
  phone_number: z.string().nullable().optional(),
  rights: z.looseObject({ is_admin: z.boolean(), is_active: z.boolean() }),
});
export type AmoUser = z.infer<typeof AmoUserSchema>;

/**
 * `GET /api/v4/users?limit=…&page=…`. The count is `_total_items`; with `limit=1`, `_page_count`
 * says the same, so either one is enough (see `userTotal`).
 */
export const AmoUsersListSchema = z.looseObject({
  _total_items: z.number().int().nonnegative().optional(),
  _page: z.number().int().optional(),
  _page_count: z.number().int().nonnegative().optional(),
  _links: Links.optional(),
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
  code: z.string().min(1),
  /** `"1.0.3"` or `2`: always a string once parsed. */
  version: z.union([z.string(), z.number()]).transform((v) => String(v)),
  /** `"2,8"`, `4` or null: always number | null once parsed. */
  rating: z.union([z.string(), z.number(), z.null()]).optional().transform(parseRating),
  settings_template: z.unknown().optional(),
  is_lead_source: z.boolean().optional(),
  is_work_with_dp: z.boolean().optional(),
  is_crm_template: z.boolean().optional(),
  client_uuid: z.string().nullable().optional(),
  /** Installed in this account. Absent or null means not installed. */
  is_active_in_account: z.boolean().nullable().optional().transform((v) => v === true),
  pipeline_id: z.number().int().nullable().optional(),
  _links: Links.optional(),
});
export type AmoWidget = z.infer<typeof AmoWidgetSchema>;

/** `GET /api/v4/widgets?limit=250&page=N`: no `_total_items`; paging ends when `_links.next` is absent. */
export const AmoWidgetsListSchema = z.looseObject({
  _page: z.number().int().optional(),
  _links: Links.optional(),
  _embedded: z.looseObject({ widgets: z.array(AmoWidgetSchema) }),
});
export type AmoWidgetsList = z.infer<typeof AmoWidgetsListSchema>;

/** `application/problem+json` (RFC 7807); a 400 adds `validation-errors`. */
export const AmoProblemSchema = z.looseObject({
  title: z.string(),
  type: z.string().optional(),
  status: z.number().int(),
  detail: z.string().optional(),
  'validation-errors': z
    .array(
      z.looseObject({
        request_id: z.union([z.string(), z.number()]).optional(),
        errors: z.array(z.looseObject({ code: z.string().optional(), path: z.string().optional(), detail: z.string().optional() })).optional(),
      }),
    )
    .optional(),
});
export type AmoProblem = z.infer<typeof AmoProblemSchema>;
