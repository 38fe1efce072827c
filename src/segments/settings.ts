// Resident settings: the defaults of a new friend and the changes the settings screens make.
import type { AgeBand, CityConfig, ResidentSettings } from '../schema/index.js';

/** A new friend receives the city's first topic (防災・緊急 in every pack) and nothing else. */
export function defaultSettings(city: CityConfig): ResidentSettings {
  const first = city.topics[0];
  return { topics: first ? [first.id] : [], stopped: false };
}

/** One change a resident makes with a button. */
export type SettingsChange =
  | { kind: 'topic'; topic: string; on: boolean }
  /** `area` undefined = 答えない. */
  | { kind: 'area'; area?: string }
  /** `age` undefined = 答えない. */
  | { kind: 'age'; age?: AgeBand }
  | { kind: 'stop' }
  | { kind: 'resume' };

/**
 * Applies a change; idempotent (turning on a topic that is on changes nothing), so a tap on an
 * old message does what its label said. Values the city does not offer are dropped, and topics
 * keep the city's order.
 */
export function applyChange(
  settings: ResidentSettings,
  change: SettingsChange,
  city: CityConfig,
): ResidentSettings {
  return cleanSettings(changed(settings, change), city);
}

function changed(settings: ResidentSettings, change: SettingsChange): ResidentSettings {
  const { area: _area, age: _age, ...rest } = settings;
  const area = settings.area === undefined ? {} : { area: settings.area };
  const age = settings.age === undefined ? {} : { age: settings.age };
  switch (change.kind) {
    case 'topic': {
      const others = settings.topics.filter((t) => t !== change.topic);
      return { ...settings, topics: change.on ? [...others, change.topic] : others };
    }
    case 'area':
      return { ...rest, ...age, ...(change.area === undefined ? {} : { area: change.area }) };
    case 'age':
      return { ...rest, ...area, ...(change.age === undefined ? {} : { age: change.age }) };
    case 'stop':
      return { ...settings, stopped: true };
    case 'resume':
      return { ...settings, stopped: false };
  }
}

/**
 * Drops what the city no longer offers (a topic or area removed from city.yaml) and puts topics
 * in the city's order, so screens and counts only ever see known values.
 */
export function cleanSettings(settings: ResidentSettings, city: CityConfig): ResidentSettings {
  const { area, ...rest } = settings;
  return {
    ...rest,
    topics: orderTopics(settings.topics, city),
    ...(area !== undefined && city.areas.includes(area) ? { area } : {}),
  };
}

function orderTopics(topics: readonly string[], city: CityConfig): string[] {
  const chosen = new Set(topics);
  return city.topics.map((t) => t.id).filter((id) => chosen.has(id));
}
