/**
 * Which upcoming classes answer a question: every condition must hold; soonest first, at most
 * ten (a carousel). When none does, the nearest alternatives: the upcoming classes that meet the
 * most conditions, nearest in date to what was asked.
 */
import type { ClassItem } from '../schema/index.js';
import { normalize } from '../text/index.js';
import type { ClassCatalog } from './catalog.js';
import { isUpcoming } from './catalog.js';
import { inDateFilter } from './date-words.js';
import { daysBetween } from '../time/index.js';
import type { ClassQuery } from './query.js';

/** At most this many classes in an answer (LINE shows up to 12 bubbles; 10 stay readable). */
export const MAX_CLASSES = 10;
/** Alternatives offered when nothing matches. */
export const MAX_ALTERNATIVES = 3;

export interface ClassMatches {
  /** Soonest first, at most `MAX_CLASSES`. */
  matches: ClassItem[];
  /** How many matched in all (more than shown when over the cap). */
  total: number;
  /** Only when nothing matched: the nearest upcoming classes. */
  alternatives: ClassItem[];
}

const BEGINNER = ['初心者', 'はじめて', '初めて', '入門', '初級', '基本', '基礎'].map(normalize);
const SENIOR = ['高齢', 'シニア', '歳以上', 'お年寄り'].map(normalize);

const textOf = (c: ClassItem): string =>
  normalize([c.title, ...c.target, ...c.topics, c.notes ?? ''].join(' '));

/** Each condition of a query, as a test on one class. */
function conditions(q: ClassQuery): Array<(c: ClassItem) => boolean> {
  const out: Array<(c: ClassItem) => boolean> = [];
  if (q.kinds) {
    const kinds = q.kinds;
    out.push((c) => kinds.includes(c.kind));
  }
  if (q.areas) {
    const areas = q.areas.map(normalize);
    out.push((c) => {
      const where = normalize(`${c.venue.area ?? ''} ${c.venue.name} ${c.venue.address ?? ''}`);
      return areas.some((a) => where.includes(a));
    });
  }
  if (q.venue) {
    const v = normalize(q.venue);
    out.push((c) => {
      const name = normalize(c.venue.name);
      return name.includes(v) || v.includes(name);
    });
  }
  if (q.noBooking) out.push((c) => c.join.how === 'none');
  if (q.beginner) out.push((c) => BEGINNER.some((w) => textOf(c).includes(w)));
  if (q.senior) out.push((c) => SENIOR.some((w) => textOf(c).includes(w)));
  if (q.topic) {
    const words = q.topic.map(normalize);
    out.push((c) => words.some((w) => textOf(c).includes(w)));
  }
  if (q.dates) {
    const d = q.dates;
    out.push((c) => inDateFilter(d, c.date, c.start));
  }
  return out;
}

/** Days between a class and the asked dates (0 inside them). */
function distance(c: ClassItem, q: ClassQuery): number {
  if (!q.dates) return 0;
  if (c.date < q.dates.from) return daysBetween(c.date, q.dates.from);
  if (c.date > q.dates.to) return daysBetween(q.dates.to, c.date);
  return 0;
}

export function findClasses(catalog: ClassCatalog, q: ClassQuery, now: Date): ClassMatches {
  const upcoming = catalog.classes.filter((c) => isUpcoming(c, now));
  const tests = conditions(q);
  const matching = upcoming.filter((c) => tests.every((t) => t(c)));
  if (matching.length > 0) {
    return { matches: matching.slice(0, MAX_CLASSES), total: matching.length, alternatives: [] };
  }
  const scored = upcoming.map((c, order) => ({
    c,
    met: tests.filter((t) => t(c)).length,
    far: distance(c, q),
    order,
  }));
  scored.sort((a, b) => b.met - a.met || a.far - b.far || a.order - b.order);
  return {
    matches: [],
    total: 0,
    alternatives: scored.slice(0, MAX_ALTERNATIVES).map((s) => s.c),
  };
}
