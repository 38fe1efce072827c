// The words residents and staff see for topic ids and age bands.
import { AGE_BANDS } from '../schema/index.js';
import type { AgeBand, CityConfig } from '../schema/index.js';

/** The city's label of a topic id (`bousai` → 防災・緊急); the id itself when unknown. */
export function topicLabel(city: CityConfig, id: string): string {
  return city.topics.find((t) => t.id === id)?.label ?? id;
}

/** `70plus` → 70代以上. */
export function ageLabel(age: AgeBand): string {
  return AGE_BANDS.find((b) => b.id === age)?.label ?? age;
}
