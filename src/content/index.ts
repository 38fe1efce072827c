/** @module content: reads FAQ packs (YAML) into checked data, reporting problems as `file:line field`. */
export { loadPack, readPack, RESERVED_FILES, type Pack, type PackReport } from './read-pack.js';
export type { Site } from './pack-site.js';
export { loadCity, readCity, listCities, COMMON_PACK, type City } from './load-city.js';
export { procedureEntries } from './procedure-entries.js';
export {
  checkCity,
  checkPackDir,
  checkAllPacks,
  type CheckOptions,
  type CheckResult,
} from './check-faq.js';
export type { EngineFactory } from './check-served.js';
export { loadTokenizer } from './tokenizer.js';
export { loadTemplates, DEFAULT_TEMPLATES_DIR } from './templates.js';
export {
  watchContent,
  contentReadiness,
  errorSummary,
  type ContentWatcher,
  type ContentStatus,
  type WatchOptions,
  type ReloadedEvent,
  type FailedEvent,
} from './watch-content.js';
export { parseYamlFile, type YamlFile } from './yaml-file.js';
export { validate as validateYaml } from './zod-problems.js';
