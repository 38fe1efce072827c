/**
 * Loads what `ask` and `faq eval` search: a city (`--city`, `CITY`, komaki) or any single pack
 * (`--faq-dir`), and builds its search index with the tokenizer (loaded once per process).
 */
import { loadCity, loadPack, loadTokenizer } from '../content/index.js';
import type { EvalCase, FaqEntry } from '../schema/index.js';
import type { SearchOptions, SearchOutcome } from '../search/index.js';
import { UsageError } from './cli-errors.js';
import type { CliIo } from './command.js';
import { defaultCity, faqRoot, shown } from './paths.js';

/** The `--city` / `--faq-dir` flags shared by content commands. */
export const TARGET_FLAGS = {
  city: { type: 'string' },
  'faq-dir': { type: 'string' },
} as const;

export interface Target {
  /** `komaki` or the pack directory. */
  label: string;
  entries: FaqEntry[];
  evalCases: EvalCase[];
  /** Searches the target's index. */
  search(query: string, opts?: SearchOptions): SearchOutcome;
}

/** Loads the target and builds its index; throws the loader's errors unchanged. */
export async function loadTarget(
  flags: { city?: string; 'faq-dir'?: string },
  io: CliIo,
): Promise<Target> {
  if (flags.city !== undefined && flags['faq-dir'] !== undefined) {
    throw new UsageError('use either --city or --faq-dir, not both');
  }
  const content = flags['faq-dir']
    ? { label: shown(flags['faq-dir']), ...(await loadPack(shown(flags['faq-dir']))) }
    : await loadCity(faqRoot(io), flags.city ?? defaultCity(io)).then((c) => ({
        label: c.id,
        ...c,
      }));
  // Imported here, not at the top, so `faq check` works even while the engine is being edited.
  const { buildIndex, search } = await import('../search/index.js');
  const tokenize = await loadTokenizer();
  const index = buildIndex(content.entries, { tokenize, synonyms: content.synonyms });
  return {
    label: content.label,
    entries: content.entries,
    evalCases: content.evalCases,
    search: (query, opts) => search(index, query, opts),
  };
}
