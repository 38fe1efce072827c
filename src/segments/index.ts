/** @module segments: who a notice goes to (targets) and what residents chose (settings); pure. */
export { parseTarget, targetProblems, matchesTarget, describeTarget } from './target.js';
export { defaultSettings, applyChange, cleanSettings } from './settings.js';
export type { SettingsChange } from './settings.js';
export { topicLabel, ageLabel } from './labels.js';
export { SegmentError } from './segment-error.js';
