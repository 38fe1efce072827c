/**
 * Turns a parsed YAML file into checked values: a list item by item (one bad entry does not
 * hide the others) or one object, each problem with its file, line and field.
 */
import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { issuesToProblems, validate } from './zod-problems.js';
import type { YamlFile } from './yaml-file.js';

/** Validates a YAML list item by item; `what` names the items in messages (`FAQ entries`). */
export function readItems<T extends z.ZodType>(
  yaml: YamlFile,
  item: T,
  list: z.ZodType,
  problems: Problem[],
  what: string,
): { value: z.infer<T>; index: number }[] {
  if (yaml.data === null || yaml.data === undefined) {
    problems.push({
      file: yaml.file,
      line: 1,
      message: `empty file: expected a list of ${what}`,
      severity: 'warning',
    });
    return [];
  }
  if (!Array.isArray(yaml.data)) {
    problems.push({
      file: yaml.file,
      line: yaml.lineOf([]),
      message: `expected a list of ${what} (each item starts with "- ")`,
      severity: 'error',
    });
    return [];
  }
  const out: { value: z.infer<T>; index: number }[] = [];
  yaml.data.forEach((raw: unknown, index) => {
    const r = item.safeParse(raw);
    if (r.success) out.push({ value: r.data, index });
    else {
      const issues = r.error.issues.map((i) => ({ ...i, path: [index, ...i.path] }));
      problems.push(...issuesToProblems(issues, list, yaml));
    }
  });
  return out;
}

/** `readItems` without the indexes. */
export function readList<T extends z.ZodType>(
  yaml: YamlFile,
  item: T,
  list: z.ZodType,
  problems: Problem[],
  what: string,
): z.infer<T>[] {
  return readItems(yaml, item, list, problems, what).map((r) => r.value);
}

/** Validates the whole file as one object (`the city configuration`). */
export function readObject<T extends z.ZodType>(
  yaml: YamlFile,
  schema: T,
  problems: Problem[],
  what: string,
): z.infer<T> | undefined {
  if (yaml.data === null || yaml.data === undefined) {
    problems.push({
      file: yaml.file,
      line: 1,
      message: `empty file: expected ${what}`,
      severity: 'error',
    });
    return undefined;
  }
  const r = validate(yaml, schema);
  if (r.ok) return r.value;
  problems.push(...r.problems);
  return undefined;
}
