import { z } from 'zod/mini';

/**
 * What the admin typed to identify themselves in a letter (152-FZ Art. 14(3)): kept on the request,
 * in this browser only — never in the body sent to the endpoint, never filled in from amoCRM.
 */
export const IdentitySchema = z.object({
  /** An identity document's number, date of issue and issuer, as the admin writes them. */
  document: z.optional(z.string().check(z.maxLength(500))),
  /** How the admin relates to Ingroup; the letter offers the amoCRM account when this is empty. */
  relationship: z.optional(z.string().check(z.maxLength(1000))),
});
export type Identity = z.infer<typeof IdentitySchema>;
