/**
 * The FAQ pack format: entries, synonym groups, eval questions and procedure catalogues.
 * These zod schemas are the single source of truth; types are derived with z.infer.
 */
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');
/** YAML turns `id: 12` into a number; ids are always strings. */
const idLike = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, "-", "_" or "." (no spaces)'),
);
/** YYYY-MM or YYYY-MM-DD. YAML may hand us a Date for an unquoted YYYY-MM-DD. */
const partialDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'use YYYY-MM or YYYY-MM-DD'),
);
/** `seed-file.txt:123` or `seed-file.txt:120-125`. */
const sourceRef = z
  .string()
  .regex(/^[^:\s]+:\d+(-\d+)?$/, 'use file:line or file:line-line, e.g. 000_x.txt:120');

export const FaqStatusSchema = z.enum(['live', 'planned', 'ended']);
export type FaqStatus = z.infer<typeof FaqStatusSchema>;

export const FaqLinkSchema = z.strictObject({
  label: text,
  url: z.url({ protocol: /^(https?|tel|line)$/, error: 'must be an http(s), tel: or line: URL' }),
});

export const FaqEntrySchema = z.strictObject({
  id: idLike,
  question: text,
  answer: text,
  alt_questions: z.array(text).default([]),
  keywords: z.array(text).default([]),
  category: text.optional(),
  department: text.optional(),
  contact: text.optional(),
  links: z.array(FaqLinkSchema).default([]),
  status: FaqStatusSchema.default('live'),
  as_of: partialDate.optional(),
  valid_until: partialDate.optional(),
  source: z
    .union([sourceRef, z.array(sourceRef)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  related: z.array(idLike).default([]),
});
/** An entry as written in a file (defaults not yet applied). */
export type FaqEntryInput = z.input<typeof FaqEntrySchema>;
/** An entry after parsing: every optional list is present. */
export type FaqEntry = z.infer<typeof FaqEntrySchema>;

/** A file of entries: a YAML list. */
export const FaqFileSchema = z.array(FaqEntrySchema);

/** `synonyms.yaml`: groups of words that mean the same; the first is the canonical form. */
export const SynonymGroupSchema = z.array(text).min(2, 'a group needs at least two words');
export const SynonymFileSchema = z.array(SynonymGroupSchema);
export type SynonymGroup = z.infer<typeof SynonymGroupSchema>;

/** `eval.yaml`: a pack's own test questions. `expect: none` = the pack must not pretend to answer. */
export const EvalCaseSchema = z.strictObject({
  q: text,
  expect: z.union([z.literal('none'), idLike, z.array(idLike).min(1)]),
  note: z.string().optional(),
});
export const EvalFileSchema = z.array(EvalCaseSchema);
export type EvalCase = z.infer<typeof EvalCaseSchema>;

/** `procedures.yaml`: the catalogue of procedures a city accepts online. */
export const ProcedureSchema = z.strictObject({
  id: idLike,
  name: text,
  department: text.optional(),
  /** Whether the マイナンバーカード signing certificate (電子証明書) is needed to apply. */
  certificate_required: z.boolean(),
  /** Other names residents use for it (妊娠届, 母子手帳…). */
  aliases: z.array(text).default([]),
  system: text.optional(),
  status: FaqStatusSchema.default('live'),
  source: sourceRef.optional(),
});
export const ProcedureCatalogueSchema = z.strictObject({
  /** The systems the city accepts online applications through (ぴったりサービス, …). */
  systems: z.array(text).min(1),
  as_of: partialDate,
  department: text.optional(),
  contact: text.optional(),
  links: z.array(FaqLinkSchema).default([]),
  source: sourceRef.optional(),
  procedures: z.array(ProcedureSchema).min(1),
});
export type Procedure = z.infer<typeof ProcedureSchema>;
export type ProcedureCatalogue = z.infer<typeof ProcedureCatalogueSchema>;
