/**
 * Parses one YAML file and keeps the map from a value's path (`[3, 'alt_questions', 1]`) back
 * to its line, so every later problem can name `file:line field`.
 */
import { LineCounter, isMap, isNode, isPair, isScalar, parseDocument } from 'yaml';
import type { Problem } from '../errors.js';

/** A step in a path into parsed YAML: a map key or a list index. */
export type PathKey = string | number;

export interface YamlFile {
  /** The file as shown to people (relative to the working directory when possible). */
  file: string;
  /** The plain data, or undefined when the file has syntax errors. */
  data: unknown;
  /** Syntax errors (and YAML warnings), each with its line. */
  problems: Problem[];
  /** The 1-based line of the node at `path`, or of its deepest existing ancestor. */
  lineOf(path: readonly PathKey[]): number;
  /** The 1-based line of the key `key` in the map at `path` (for unknown fields). */
  keyLineOf(path: readonly PathKey[], key: string): number;
}

/** Parses YAML text; never throws (syntax errors become problems). */
export function parseYamlFile(file: string, text: string): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line;

  const problems: Problem[] = [];
  const lines = text.split('\n');
  for (const e of doc.errors) {
    const line = lineAt(e.pos[0]);
    const hint = /^ *\t/.test(lines[line - 1] ?? '')
      ? 'use spaces, not tabs, to indent'
      : HINTS[e.code];
    const until = lineAt(e.pos[1]);
    const message = yamlMessage(e) + (until > line ? ` (lines ${line}-${until})` : '');
    problems.push({
      file,
      line,
      message: hint ? `${message}: ${hint}` : message,
      severity: 'error',
    });
  }
  for (const w of doc.warnings) {
    problems.push({ file, line: lineAt(w.pos[0]), message: yamlMessage(w), severity: 'warning' });
  }

  /** Walks down `path` as far as it exists; returns the deepest node's start offset. */
  const offsetOf = (path: readonly PathKey[]): number | undefined => {
    let node: unknown = doc.contents;
    let offset = isNode(node) ? node.range?.[0] : undefined;
    for (const key of path) {
      if (!isNode(node) || !('items' in node) || !Array.isArray(node.items)) break;
      const items: unknown[] = node.items;
      let next: unknown;
      if (isMap(node)) {
        const pair = items.find((p) => isPair(p) && keyName(p.key) === String(key));
        if (!isPair(pair)) break;
        next = pair.value ?? pair.key;
        // An empty value (`answer:`) has no range: point at its key instead.
        const target = isNode(pair.value) && pair.value.range ? pair.value : pair.key;
        offset = isNode(target) ? target.range?.[0] : offset;
      } else {
        if (typeof key !== 'number') break;
        next = items[key];
        if (isNode(next)) offset = next.range?.[0] ?? offset;
        else break;
      }
      node = next;
    }
    return offset;
  };

  return {
    file,
    data: doc.errors.length > 0 ? undefined : doc.toJS(),
    problems,
    lineOf: (path) => lineAt(offsetOf(path)),
    keyLineOf: (path, key) => {
      const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
      if (isMap(node)) {
        const pair = node.items.find((p) => keyName(p.key) === key);
        if (pair && isNode(pair.key)) return lineAt(pair.key.range?.[0]);
      }
      return lineAt(offsetOf(path));
    },
  };
}

/** Plain advice for the YAML mistakes staff make most. */
const HINTS: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'check the indentation of this line and the next',
  MULTILINE_IMPLICIT_KEY: 'check the indentation, or quote a value that contains ": "',
  DUPLICATE_KEY: 'the same field is written twice',
  BAD_INDENT: 'check the indentation',
  MISSING_CHAR: 'a quote or bracket is not closed',
};

function keyName(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/** The first line of a YAML error, without the "at line X, column Y" we print ourselves. */
function yamlMessage(e: { message: string }): string {
  const first = e.message.split('\n')[0] ?? e.message;
  return 'YAML: ' + first.replace(/ at line \d+, column \d+:?$/, '').trim();
}
