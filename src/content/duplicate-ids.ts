/**
 * Ids written twice, found on the raw YAML (so also for items that fail validation): entry and
 * procedure ids across a whole pack, class ids within `classes.yaml`.
 */
import type { Problem } from '../errors.js';
import type { YamlFile } from './yaml-file.js';

/**
 * Notes every entry or procedure id of a pack in `written`; an id seen before adds a problem.
 * Returns `note(rawId, file, line)`.
 */
export function idTracker(
  written: Set<string>,
  problems: Problem[],
): (raw: unknown, file: string, line: number) => void {
  const firstPlace = new Map<string, string>();
  return (raw, file, line) => {
    if (typeof raw !== 'string' && typeof raw !== 'number') return;
    const id = String(raw);
    written.add(id);
    const seen = firstPlace.get(id);
    if (seen) {
      problems.push({
        file,
        line,
        field: 'id',
        message: `duplicate id "${id}": also used at ${seen}`,
        severity: 'error',
      });
    } else firstPlace.set(id, `${file}:${line}`);
  };
}

/** Class ids written twice in `classes.yaml` (checked on the raw data, also when a class is invalid). */
export function duplicateClassIds(yaml: YamlFile): Problem[] {
  const raw = (yaml.data as { classes?: unknown } | null)?.classes;
  if (!Array.isArray(raw)) return [];
  const first = new Map<string, number>();
  const problems: Problem[] = [];
  raw.forEach((c, i) => {
    const id = (c as { id?: unknown })?.id;
    if (typeof id !== 'string' && typeof id !== 'number') return;
    const line = yaml.lineOf(['classes', i, 'id']);
    const seen = first.get(String(id));
    if (seen === undefined) first.set(String(id), line);
    else {
      problems.push({
        file: yaml.file,
        line,
        field: `classes[${i}].id`,
        message: `duplicate class id "${id}": also used at line ${seen}`,
        severity: 'error',
      });
    }
  });
  return problems;
}
