// Reads the Flex templates (`flex-templates/*.json`) and checks them against LINE's limits, so a
// broken template stops the start-up instead of a reply being refused by LINE.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { ContentError, type Problem } from '../errors.js';
import { TEMPLATE_NAMES, parseTemplateSet, type TemplateSet } from '../messages/index.js';

/** `flex-templates/` at the repo root (the same from `src/content` and `dist/content`). */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(
  new URL('../../flex-templates/', import.meta.url),
);

/** Loads and validates every template; throws `ContentError` listing every problem. */
export async function loadTemplates(dir: string = DEFAULT_TEMPLATES_DIR): Promise<TemplateSet> {
  const files: Record<string, unknown> = {};
  const problems: Problem[] = [];
  const shown = path.relative(process.cwd(), dir) || dir;
  for (const name of TEMPLATE_NAMES) {
    const file = path.join(dir, `${name}.json`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue; // reported as "template file is missing" by parseTemplateSet
    }
    try {
      files[name] = JSON.parse(text);
    } catch (err) {
      problems.push({
        file: path.join(shown, `${name}.json`),
        message: `not valid JSON: ${(err as Error).message}`,
        severity: 'error',
      });
    }
  }
  const result = parseTemplateSet(files, shown);
  problems.push(...result.problems.filter((p) => !problems.some((q) => q.file === p.file)));
  if (problems.length > 0 || !result.set) throw new ContentError(problems);
  return result.set;
}
