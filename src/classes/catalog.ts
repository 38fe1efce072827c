/**
 * A city's schedule, ready to answer from: classes by id, in time order, the venues and areas
 * residents may name, and whom to ask. Built once when the content loads.
 */
import type { CityConfig, ClassContact, ClassItem, ClassSchedule } from '../schema/index.js';
import { jstInstant } from '../time/index.js';

export interface ClassCatalog {
  /** Every class (also past and cancelled), soonest first. */
  readonly classes: readonly ClassItem[];
  /** True when the dates are samples (`sample: true` in classes.yaml). */
  readonly sample: boolean;
  /** Whom to ask about classes. */
  readonly contact: ClassContact;
  /** City areas and venue areas. */
  readonly areas: readonly string[];
  readonly venues: readonly string[];
  byId(id: string): ClassItem | undefined;
}

/** When a class starts and ends, as instants. */
export function startOf(c: Pick<ClassItem, 'date' | 'start'>): Date {
  return jstInstant(c.date, c.start);
}
export function endOf(c: Pick<ClassItem, 'date' | 'end'>): Date {
  return jstInstant(c.date, c.end);
}

/**
 * True for a class a resident can still go to: not cancelled and not started (a drop-in class,
 * which needs no booking, until it ends).
 */
export function isUpcoming(c: ClassItem, now: Date): boolean {
  if (c.cancelled) return false;
  const until = c.join.how === 'none' ? endOf(c) : startOf(c);
  return until.getTime() > now.getTime();
}

export function byTime(a: ClassItem, b: ClassItem): number {
  return startOf(a).getTime() - startOf(b).getTime() || a.id.localeCompare(b.id);
}

/**
 * Whom to ask: the schedule's contact, else the city.yaml department that handles スマホ教室,
 * else the city's main contact. Never a number the content does not give.
 */
function contactOf(schedule: ClassSchedule | undefined, city: CityConfig): ClassContact {
  if (schedule?.contact) return schedule.contact;
  const dept = city.departments.find((d) =>
    d.handles.some((h) => h.includes('スマホ教室') || h.includes('スマホ相談')),
  );
  if (dept) {
    return {
      name:
        dept.contact && !dept.contact.includes(dept.name)
          ? `${dept.name}（${dept.contact}）`
          : (dept.contact ?? dept.name),
      ...(dept.phone ? { phone: dept.phone } : {}),
    };
  }
  return {
    name: city.contact.name,
    ...(city.contact.phone ? { phone: city.contact.phone } : {}),
    ...(city.contact.note ? { note: city.contact.note } : {}),
  };
}

export function createClassCatalog(
  schedule: ClassSchedule | undefined,
  city: CityConfig,
): ClassCatalog {
  const classes = [...(schedule?.classes ?? [])].sort(byTime);
  const byId = new Map(classes.map((c) => [c.id, c]));
  const areas = [
    ...new Set([...city.areas, ...classes.flatMap((c) => (c.venue.area ? [c.venue.area] : []))]),
  ];
  const venues = [...new Set(classes.map((c) => c.venue.name))];
  return {
    classes,
    sample: schedule?.sample ?? false,
    contact: contactOf(schedule, city),
    areas,
    venues,
    byId: (id) => byId.get(id),
  };
}
