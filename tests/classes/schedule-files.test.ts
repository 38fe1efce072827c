// The schedule files: every city's sample loads, is marked as sample dates, and spans several
// months from 2026-11; a broken file is reported as `file:line field` by `faq check`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkPackDir, listCities, loadCity } from '../../src/content/index.js';
import { formatProblem } from '../../src/errors.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FAQ = join(ROOT, 'faq');
const BROKEN = fileURLToPath(new URL('./fixtures/broken-classes', import.meta.url));

describe('the sample schedules', async () => {
  const cities = await listCities(FAQ);

  it('every city has one', () => {
    expect(cities).toEqual(['kameyama', 'kashima', 'komaki', 'omitama']);
  });

  it.each(cities)('%s: loads, says it is a sample, spans Nov 2026 to spring 2027', async (id) => {
    const city = await loadCity(FAQ, id);
    const schedule = city.classes!;
    expect(schedule.sample).toBe(true);
    const text = await readFile(join(FAQ, id, 'classes.yaml'), 'utf8');
    expect(text).toContain('見本の日程です（SAMPLE DATES）');
    const dates = schedule.classes.map((c) => c.date).sort();
    expect(dates[0]! <= '2026-11-30').toBe(true);
    expect(dates[dates.length - 1]! >= '2027-03-01').toBe(true);
    expect(schedule.contact?.name).toBeTruthy();
    // Areas are the city's own (residents choose from city.yaml).
    for (const c of schedule.classes) {
      if (c.venue.area) expect(city.config!.areas).toContain(c.venue.area);
    }
  });

  it('komaki has every kind the plan names and a drop-in next week and beyond', async () => {
    const komaki = (await loadCity(FAQ, 'komaki')).classes!;
    expect(new Set(komaki.classes.map((c) => c.kind))).toEqual(
      new Set(['classroom', 'consultation', 'salon', 'outreach', 'drop-in']),
    );
    expect(komaki.classes.filter((c) => c.join.how === 'none').length).toBeGreaterThan(10);
    expect(komaki.classes.some((c) => c.cancelled)).toBe(true);
  });
});

describe('faq check on a broken schedule', () => {
  it('names the file, line and field of every mistake', async () => {
    const { problems } = await checkPackDir(BROKEN, {
      seedsDir: '/nonexistent',
      today: '2026-11-21',
    });
    const lines = problems
      .filter((p) => p.file.endsWith('classes.yaml'))
      .map((p) => formatProblem({ ...p, file: 'classes.yaml' }));
    expect(lines).toEqual([
      'classes.yaml:6 classes[0].kind: kind must be one of classroom, consultation, salon, outreach, drop-in',
      'classes.yaml:7 classes[0].date: not a real date',
      'classes.yaml:11 classes[0].join.phone: how: phone needs a phone number',
      'classes.yaml:12 classes[1].id: duplicate class id "a": also used at line 4',
      'classes.yaml:17 classes[1].end: end must be after start',
      'classes.yaml:20 classes[1].topic: unknown field "topic" (did you mean "topics"?)',
    ]);
  });
});
