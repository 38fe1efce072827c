/** @module search: the FAQ search engine (BM25+ over an inverted index, synonyms, verdicts); pure. */
export { buildIndex } from './build-index.js';
export type { BuildOptions, SearchIndex } from './build-index.js';
export { search } from './search.js';
export type { SearchHit, SearchOptions, SearchOutcome } from './search.js';
export type { Verdict } from './verdict.js';
export { explainSearch, type Explanation, type MatchField, type TermMatch } from './explain.js';
