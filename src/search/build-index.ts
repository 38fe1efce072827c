// Builds the in-memory inverted index of a pack. Pure: the tokenizer is passed in.
import type { FaqEntry, SynonymGroup } from '../schema/index.js';
import { normalize } from '../text/index.js';
import type { Tokenize } from '../text/index.js';
import { analyze, scriptTerms } from './analyze.js';
import type { Analyzed } from './analyze.js';
import { buildField } from './field-index.js';
import type { FieldIndex } from './field-index.js';
import { ANSWER_CHARS, FIELDS } from './settings.js';
import type { FieldName } from './settings.js';
import { buildVocabulary } from './fuzzy.js';
import type { Vocabulary } from './fuzzy.js';
import { compileSynonyms, findSynonymSpellings, findSynonyms } from './synonyms.js';
import type { SynonymMatcher } from './synonyms.js';

/** A built index. Treat it as opaque: its shape may change between versions. */
export interface SearchIndex {
  readonly entries: readonly FaqEntry[];
  readonly fields: Readonly<Record<FieldName, FieldIndex>>;
  readonly tokenize: Tokenize;
  readonly synonyms: SynonymMatcher;
  /** Question and keyword words by reading, for typo tolerance. */
  readonly vocabulary: Vocabulary;
  /** Per-entry score accumulator reused by every (synchronous) query; always left zeroed. */
  readonly scratch: Float64Array;
}

export interface BuildOptions {
  tokenize: Tokenize;
  /** Groups of equivalent words (`synonyms.yaml`); the first word of a group is canonical. */
  synonyms?: SynonymGroup[];
}

/** Analyzes a text and adds its synonym concepts to its words. */
export function analyzeWithSynonyms(
  text: string,
  tokenize: Tokenize,
  synonyms: SynonymMatcher,
): Analyzed {
  const a = analyze(text, tokenize);
  a.words.push(...findSynonyms(synonyms, a.folded, a.foldedReading));
  return a;
}

/**
 * Links a query's synonym concepts to the words their spelling was found in (or that contain
 * it): finding the concept in an entry covers those words, so 市役所 and ~市役所 count once.
 * Returns, per word of `a.words` (concepts included), the concepts that can stand for it; a
 * linked concept stands for nothing itself (empty list and `linked`).
 */
export function synonymLinks(
  a: Analyzed,
  synonyms: SynonymMatcher,
): { conceptsOf: number[][]; linked: Set<number> } {
  const found = findSynonymSpellings(synonyms, a.folded, a.foldedReading);
  const conceptsOf: number[][] = a.words.map(() => []);
  const linked = new Set<number>();
  const plain = a.wordReadings.length;
  a.words.forEach((term, i) => {
    const spelling = found.get(term);
    if (i < plain || spelling === undefined) return;
    const meets = (x: string): boolean =>
      x.length > 0 && (spelling.includes(x) || x.includes(spelling));
    for (let j = 0; j < plain; j++) {
      const r = a.wordReadings[j] as string;
      if (meets(a.words[j] as string) || (r.length >= 2 && meets(r))) {
        conceptsOf[j]?.push(i);
        linked.add(i);
      }
    }
  });
  return { conceptsOf, linked };
}

/**
 * Indexes question, alternative questions, keywords and answer of each entry. Cost is dominated
 * by kuromoji (~3–5 µs per character), so answers are indexed without it (settings.ts).
 */
export function buildIndex(entries: FaqEntry[], opts: BuildOptions): SearchIndex {
  const { tokenize } = opts;
  const synonyms = compileSynonyms(opts.synonyms ?? [], tokenize);
  const units: Record<FieldName, Array<[number, string[]]>> = {
    qw: [],
    qg: [],
    qr: [],
    kw: [],
    aw: [],
    ag: [],
  };
  const readings: Array<[string, string]> = [];
  const collect = (a: Analyzed): void => {
    a.wordReadings.forEach((r, i) => readings.push([a.words[i] as string, r]));
  };
  entries.forEach((entry, e) => {
    for (const variant of [entry.question, ...entry.alt_questions]) {
      const a = analyzeWithSynonyms(variant, tokenize, synonyms);
      collect(a);
      units.qw.push([e, a.words]);
      units.qg.push([e, a.grams]);
      units.qr.push([e, a.readingGrams]);
    }
    const keywordTerms = entry.keywords.flatMap((k) => {
      const a = analyzeWithSynonyms(k, tokenize, synonyms);
      collect(a);
      return a.words;
    });
    units.kw.push([e, keywordTerms]);
    const answer = entry.answer.slice(0, ANSWER_CHARS);
    const { words: answerWords, grams: answerGrams } = scriptTerms(answer);
    if (synonyms.spellings.length > 0)
      answerWords.push(...findSynonyms(synonyms, normalize(answer), ''));
    units.aw.push([e, answerWords]);
    units.ag.push([e, answerGrams]);
  });
  const n = entries.length;
  const fields = {} as Record<FieldName, FieldIndex>;
  for (const name of Object.keys(units) as FieldName[])
    fields[name] = buildField(units[name], n, FIELDS[name]);
  return {
    entries,
    fields,
    tokenize,
    synonyms,
    vocabulary: buildVocabulary(readings),
    scratch: new Float64Array(n),
  };
}
