/**
 * The check `faq check` runs on a pack's `classes.yaml` beyond its schema and duplicate ids:
 * areas city.yaml does not list (residents choose areas from city.yaml, so such a class would
 * reach no area in the weekly announcement). Pure.
 */
import type { Problem } from '../errors.js';
import type { Pack } from './read-pack.js';

export function checkClassSchedule(pack: Pack): Problem[] {
  const schedule = pack.classes;
  const site = schedule && pack.siteOf(schedule);
  if (!schedule || !site) return [];
  const problems: Problem[] = [];
  const areas = pack.city?.areas ?? [];
  schedule.classes.forEach((c, i) => {
    if (c.venue.area && areas.length > 0 && !areas.includes(c.venue.area)) {
      problems.push({
        file: site.file,
        line: site.lineOf(['classes', i, 'venue', 'area']),
        field: `${c.id}.venue.area`,
        message: `"${c.venue.area}" is not in city.yaml areas (${areas.join(', ')}): residents cannot choose it`,
        severity: 'warning',
      });
    }
  });
  return problems;
}
