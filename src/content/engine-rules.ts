/**
 * `faq check` rules about entries competing for the same questions, on the entries a city
 * really serves (common entries it replaced are gone):
 * - the same wording (folded: width, kana, punctuation, polite endings) written in two entries;
 * - two entries whose questions are near-identical (they would split the same residents);
 * - self-consistency: every `alt_questions` wording, asked through the real search engine, must
 *   find its own entry first (not another entry, and not 「no answer」).
 * Pure: the search function is passed in (the CLI builds it with the tokenizer).
 */
import type { Problem } from '../errors.js';
import { compareWordings, wordingKey } from '../reports/index.js';
import type { FaqEntry } from '../schema/index.js';
import type { SearchOutcome } from '../search/index.js';
import { problemAt, type Site } from './pack-site.js';

/** Questions at least this similar (`compareWordings`, as the question-log groups) compete. */
export const NEAR_DUPLICATE = 0.7;

export type SearchFn = (query: string) => SearchOutcome;

export interface CompetitionInput {
  /** The entries served (after layering), in pack order. */
  entries: FaqEntry[];
  siteOf(entry: FaqEntry): Site | undefined;
  /** Where the entries are served: `komaki`, or `common` alone. */
  label: string;
  /** The real engine over exactly these entries; absent: self-consistency is not checked. */
  search?: SearchFn;
}

/** Every engine rule warns: the pack still loads. */
function at(site: Site, path: (string | number)[], field: string, message: string): Problem {
  return problemAt(site, path, field, message, 'warning');
}

/** Wordings shared by two entries, and entries with near-identical questions. */
export function checkNearDuplicates(input: CompetitionInput): Problem[] {
  const out: Problem[] = [];
  const firstOwner = new Map<string, FaqEntry>();
  for (const entry of input.entries) {
    const site = input.siteOf(entry);
    const wordings = [entry.question, ...entry.alt_questions];
    const reported = new Set<string>();
    wordings.forEach((w, i) => {
      const key = wordingKey(w);
      if (!key) return;
      const owner = firstOwner.get(key);
      if (!owner) firstOwner.set(key, entry);
      else if (owner !== entry && site && !reported.has(owner.id)) {
        reported.add(owner.id);
        const path = i === 0 ? ['question'] : ['alt_questions', i - 1];
        const field = i === 0 ? 'question' : `alt_questions[${i - 1}]`;
        out.push(
          at(
            site,
            path,
            `${entry.id}.${field}`,
            `「${w}」 is also a wording of ${owner.id}: the two entries compete for it; keep it in one (in ${input.label})`,
          ),
        );
      }
    });
  }
  const generated = (site: Site | undefined) => site?.file.endsWith('procedures.yaml') ?? false;
  for (let i = 0; i < input.entries.length; i++) {
    for (let j = 0; j < i; j++) {
      const [a, b] = [input.entries[i]!, input.entries[j]!];
      const site = input.siteOf(a);
      // Catalogued procedures keep their official names (小学校… / 中学校…): not rewordable.
      if (!site || (generated(site) && generated(input.siteOf(b)))) continue;
      if (wordingKey(a.question) === wordingKey(b.question)) continue; // reported above
      const { similarity, differ } = compareWordings(a.question, b.question);
      if (similarity < NEAR_DUPLICATE || differ) continue;
      out.push(
        at(
          site,
          ['question'],
          `${a.id}.question`,
          `nearly the same question as ${b.id} (similarity ${similarity.toFixed(2)}): merge the two entries or make their questions say how they differ (in ${input.label})`,
        ),
      );
    }
  }
  return out;
}

/** Every alt question must find its own entry first through the real engine. */
export function checkAltQuestions(input: CompetitionInput): Problem[] {
  if (!input.search) return [];
  const out: Problem[] = [];
  for (const entry of input.entries) {
    const site = input.siteOf(entry);
    if (!site) continue;
    entry.alt_questions.forEach((q, i) => {
      const outcome = input.search!(q);
      const first = outcome.results[0];
      let why: string | undefined;
      if (!first) why = 'finds no entry at all';
      else if (first.entry.id !== entry.id) {
        const own = outcome.results.findIndex((r) => r.entry.id === entry.id);
        why = `finds ${first.entry.id} first${own > 0 ? ` (this entry is #${own + 1})` : ''}`;
      } else if (outcome.status === 'no_answer') {
        why = `finds this entry first, but too weakly to answer (score ${first.score.toFixed(2)})`;
      }
      if (why) {
        out.push(
          at(
            site,
            ['alt_questions', i],
            `${entry.id}.alt_questions[${i}]`,
            `「${q}」 ${why}: reword it, or make the entries more distinct (in ${input.label})`,
          ),
        );
      }
    });
  }
  return out;
}
