/** A city's configuration (`faq/<city>/city.yaml`): used by fallbacks, settings and reports. */
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');

export const DepartmentSchema = z.strictObject({
  name: text,
  /** What residents ask this department about, in a few words. */
  handles: z.array(text).default([]),
  phone: text.optional(),
  contact: text.optional(),
  source: z.string().optional(),
});

export const CityConfigSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: text,
  prefecture: text,
  /** The main way to reach a person at the city, as far as the plans say. */
  contact: z.strictObject({
    name: text,
    phone: text.optional(),
    url: z.url().optional(),
    note: text.optional(),
  }),
  departments: z.array(DepartmentSchema).default([]),
  /** Districts residents can choose for segmented notices (≤ 40 characters, as in segment.ts). */
  areas: z.array(text.max(40, 'an area name must be at most 40 characters')).default([]),
  /** Topics residents can subscribe to; the first is the default for new friends. */
  topics: z
    .array(z.strictObject({ id: z.string().regex(/^[a-z][a-z0-9-]*$/), label: text }))
    .default([]),
  source: z.array(z.string()).default([]),
  /**
   * How old (months) `as_of` may get before `faq check` warns. Default 36. A pack written from
   * an older plan may set more, with a note saying who reviews it: the warning then returns when
   * even that age is passed, instead of failing `--strict` every day until someone rewrites it.
   */
  review: z
    .strictObject({
      max_as_of_age_months: z.number().int().min(1).max(120),
      note: text,
    })
    .optional(),
});
export type CityConfig = z.infer<typeof CityConfigSchema>;
export type Department = z.infer<typeof DepartmentSchema>;
