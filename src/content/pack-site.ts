/** Where an item of a pack was written (`Site`), and a problem placed at one of its fields. */
import type { Problem } from '../errors.js';
import type { PathKey, YamlFile } from './yaml-file.js';

/** Where an item (entry, eval case) was written. */
export interface Site {
  file: string;
  line: number;
  /** The line of a field inside the item, e.g. `['related', 0]`. */
  lineOf(path: readonly PathKey[]): number;
}

/** The site of the node at `prefix` in `yaml` (`[]`: the whole document). */
export function siteIn(yaml: YamlFile, prefix: PathKey[]): Site {
  return {
    file: yaml.file,
    line: yaml.lineOf(prefix),
    lineOf: (path) => yaml.lineOf([...prefix, ...path]),
  };
}

/** A problem at the field `path` of the item at `site`, named `field` in the message. */
export function problemAt(
  site: Site,
  path: PathKey[],
  field: string,
  message: string,
  severity: Problem['severity'],
): Problem {
  return { file: site.file, line: site.lineOf(path), field, message, severity };
}
