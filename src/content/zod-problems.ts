/**
 * Turns zod issues into problems staff can act on: `file:line field: message`, with the line
 * of the offending node and, for an unknown field, the close field name they probably meant.
 */
import { z } from 'zod';
import type { Problem } from '../errors.js';
import { closestName } from './closest-name.js';
import type { PathKey, YamlFile } from './yaml-file.js';

/** Validates `yaml.data` against `schema`; returns the parsed value or the problems. */
export function validate<S extends z.ZodType>(
  yaml: YamlFile,
  schema: S,
): { ok: true; value: z.infer<S> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(yaml.data);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: issuesToProblems(result.error.issues, schema, yaml) };
}

/**
 * How a field is named in messages. In a list of entries the item is named by its `id` when it
 * has one (`komaki-conveni.alt_questions[1]`), which staff find faster than `[3]`.
 */
function displayField(data: unknown, path: readonly PathKey[]): string {
  const [first, ...rest] = path;
  if (typeof first === 'number' && rest.length > 0) {
    const id = (valueAt(data, [first]) as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string' || typeof id === 'number') {
      return `${id}${typeof rest[0] === 'number' ? '' : '.'}${fieldName(rest)}`;
    }
  }
  return fieldName(path);
}

/** Maps zod issues to problems; each problem's line is the line of the node at the issue path. */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  schema: z.ZodType,
  yaml: YamlFile,
): Problem[] {
  const problems: Problem[] = [];
  for (const issue of flattenUnions(issues)) {
    const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      const known = fieldsAt(schema, path);
      for (const key of issue.keys) {
        const guess = closestName(key, known);
        const hint = guess
          ? ` (did you mean "${guess}"?)`
          : known.length > 0
            ? ` (allowed: ${known.join(', ')})`
            : '';
        problems.push({
          file: yaml.file,
          line: yaml.keyLineOf(path, key),
          field: displayField(yaml.data, [...path, key]),
          message: `unknown field "${key}"${hint}`,
          severity: 'error',
        });
      }
      continue;
    }
    problems.push({
      file: yaml.file,
      line: yaml.lineOf(path),
      field: path.length > 0 ? displayField(yaml.data, path) : undefined,
      message: messageOf(issue, yaml.data, path),
      severity: 'error',
    });
  }
  return problems;
}

/** `[3, 'alt_questions', 1]` → `[3].alt_questions[1]`. */
export function fieldName(path: readonly PathKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

function messageOf(issue: z.core.$ZodIssue, data: unknown, path: readonly PathKey[]): string {
  if (issue.code === 'invalid_type') {
    const value = valueAt(data, path);
    if (value === undefined) return 'missing: this field is required';
    if (value === null) return 'empty: this field needs a value';
    return `expected ${issue.expected}, got ${describe(value)}`;
  }
  return issue.message;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object' && v !== null) return 'a mapping (key: value)';
  return `${typeof v} ${JSON.stringify(v)}`;
}

function valueAt(data: unknown, path: readonly PathKey[]): unknown {
  let v = data;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<PathKey, unknown>)[k];
  }
  return v;
}

/** An invalid union carries one issue list per branch: keep the branch that got furthest. */
function flattenUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) {
      out.push(issue);
      continue;
    }
    const rank = (list: z.core.$ZodIssue[]): number =>
      Math.min(
        ...list.map((i) => (i.code === 'invalid_type' ? 0 : i.code === 'invalid_value' ? 1 : 2)),
      );
    const best = [...issue.errors].sort((a, b) => rank(b) - rank(a))[0] ?? [];
    out.push(...flattenUnions(best).map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
  }
  return out;
}

/** The field names the schema allows at `path` (for "did you mean"). Best effort. */
export function fieldsAt(schema: z.ZodType, path: readonly PathKey[]): string[] {
  let candidates: z.ZodType[] = [schema];
  for (const key of path) {
    candidates = candidates.flatMap((s) => childOf(unwrap(s), key));
  }
  const names = new Set<string>();
  for (const s of candidates.flatMap(unwrapAll)) {
    if (s instanceof z.ZodObject) Object.keys(s.shape).forEach((k) => names.add(k));
  }
  return [...names];
}

function unwrap(s: z.ZodType): z.ZodType {
  if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) {
    return unwrap(s.unwrap() as z.ZodType);
  }
  if (s instanceof z.ZodPipe) return unwrap(s.in as z.ZodType);
  return s;
}

function unwrapAll(s: z.ZodType): z.ZodType[] {
  const u = unwrap(s);
  return u instanceof z.ZodUnion ? (u.options as z.ZodType[]).flatMap(unwrapAll) : [u];
}

function childOf(s: z.ZodType, key: PathKey): z.ZodType[] {
  return unwrapAll(s).flatMap((u) => {
    if (u instanceof z.ZodArray && typeof key === 'number') return [u.element as z.ZodType];
    if (u instanceof z.ZodObject && typeof key === 'string') {
      const child = (u.shape as Record<string, z.ZodType>)[key];
      return child ? [child] : [];
    }
    return [];
  });
}
