/**
 * A tiny template language over Flex JSON. In any string `{{name}}` is replaced by a value; a
 * string that is exactly one placeholder may also take a non-string value (an action object).
 * An object with `"$if": "name"` is left out when the value is empty; in an array,
 * `{"$each": "name", "item": {...}}` repeats `item` once per element of a list value, with the
 * element's fields (and `index`, from 1) added to the values.
 */
import { MadoguchiError } from '../errors.js';

/** The values a template is filled with. */
export type TemplateValues = Readonly<Record<string, unknown>>;

const WHOLE = /^\{\{\s*([A-Za-z_]\w*)\s*\}\}$/;
const PART = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/g;
const DROP = Symbol('drop');

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** True for values that make an `$if` node disappear. */
export function isEmptyValue(v: unknown): boolean {
  return (
    v === undefined || v === null || v === false || v === '' || (Array.isArray(v) && v.length === 0)
  );
}

function lookup(values: TemplateValues, name: string, path: string): unknown {
  const v = values[name];
  if (v === undefined || v === null) {
    throw new MadoguchiError(
      'template/missing-value',
      `template value {{${name}}} is missing at ${path}`,
    );
  }
  return v;
}

function fillString(s: string, values: TemplateValues, path: string): unknown {
  const whole = WHOLE.exec(s);
  if (whole) return lookup(values, whole[1]!, path);
  return s.replace(PART, (_m, name: string) => {
    const v = lookup(values, name, path);
    if (typeof v !== 'string' && typeof v !== 'number') {
      throw new MadoguchiError(
        'template/bad-value',
        `template value {{${name}}} at ${path} must be text`,
      );
    }
    return String(v);
  });
}

function fill(node: unknown, values: TemplateValues, path: string): unknown {
  if (typeof node === 'string') return fillString(node, values, path);
  if (Array.isArray(node)) {
    const out: unknown[] = [];
    node.forEach((el, i) => {
      if (isObject(el) && typeof el['$each'] === 'string') {
        const name = el['$each'];
        const list = values[name] ?? [];
        if (!Array.isArray(list)) {
          throw new MadoguchiError(
            'template/bad-value',
            `template value ${name} at ${path} must be a list`,
          );
        }
        list.forEach((item: unknown, j) => {
          const scope = { ...values, ...(isObject(item) ? item : { value: item }), index: j + 1 };
          const r = fill(el['item'], scope, `${path}[${i}].item`);
          if (r !== DROP) out.push(r);
        });
        return;
      }
      const r = fill(el, values, `${path}[${i}]`);
      if (r !== DROP) out.push(r);
    });
    return out;
  }
  if (isObject(node)) {
    if (typeof node['$if'] === 'string' && isEmptyValue(values[node['$if']])) return DROP;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$if') continue;
      const r = fill(v, values, `${path}.${k}`);
      if (r !== DROP) out[k] = r;
    }
    return out;
  }
  return node;
}

/** Fills a template with values; throws `template/missing-value` for a missing value. */
export function fillTemplate(template: unknown, values: TemplateValues): unknown {
  const r = fill(template, values, '$');
  return r === DROP ? undefined : r;
}
