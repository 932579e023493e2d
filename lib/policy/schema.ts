/**
 * The shape of the policy as data (DESIGN §4): every statement carries the section of the
 * 2022-01-20 text it comes from, in that text's own numbering (heading "2" is followed by 3.1–3.3;
 * §5 has 5.1 and 5.3 but no 5.2).
 */
import { z } from 'zod/mini';

export const Bilingual = z.object({ ru: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });
export type Bilingual = z.infer<typeof Bilingual>;

/**
 * The sections the text has, numbered exactly as it numbers them: no §3 heading (its subsections
 * follow heading 2), no §5.2; `preamble` is the opening, before §1.
 */
export const POLICY_SECTIONS = [
  'preamble',
  '§1',
  '§2',
  '§3.1',
  '§3.2',
  '§3.3',
  '§4',
  '§4.1',
  '§4.2',
  '§4.3',
  '§4.4',
  '§4.5',
  '§5',
  '§5.1',
  '§5.3',
  '§6',
  '§7',
  '§8',
  '§9',
  '§10',
  '§11',
  '§12',
  '§13',
] as const;
export const SectionId = z.enum(POLICY_SECTIONS);
export type SectionId = z.infer<typeof SectionId>;

export const StatementKind = z.enum([
  'acceptance',
  'client_data',
  'source',
  'legal_basis',
  'recipient',
  'right',
  'third_party',
  'transfer',
  'storage',
  'minors',
  'security',
  'retention',
  'settings',
  'changes',
  'contact',
]);
export type StatementKind = z.infer<typeof StatementKind>;

export const StatementSchema = z.object({
  id: z.string(),
  section: SectionId,
  kind: StatementKind,
  text: Bilingual,
  /** The policy's own words (English, as published). */
  quote: z.string().check(z.minLength(1)),
});
export type Statement = z.infer<typeof StatementSchema>;

export const CategoryKey = z.enum([
  'admin_name',
  'admin_email',
  'admin_phone',
  'account_id',
  'account_subdomain',
  'account_user_count',
]);
export type CategoryKey = z.infer<typeof CategoryKey>;

export const CategorySchema = z.object({
  key: CategoryKey,
  label: Bilingual,
  subject: z.enum(['administrator', 'account']),
  section: SectionId,
  quote: z.string(),
});
export type Category = z.infer<typeof CategorySchema>;

export const SourceRef = z.object({ name: z.string(), url: z.url() });

export const FlagSchema = z.object({
  id: z.string(),
  severity: z.enum(['warning', 'info']),
  section: SectionId,
  /** The policy's own words the flag is about (English, as published; " … " marks a cut). */
  quote: z.string().check(z.minLength(1)),
  title: Bilingual,
  text: Bilingual,
  sources: z.array(SourceRef).check(z.minLength(1)),
});
export type Flag = z.infer<typeof FlagSchema>;
