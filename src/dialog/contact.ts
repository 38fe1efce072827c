// Whom to ask, from city.yaml and the entry only: a phone number or URL is never invented.
import type { CityConfig, Department, FaqEntry } from '../schema/index.js';
import type { Choice } from '../messages/index.js';

export function findDepartment(city: CityConfig, name: string | undefined): Department | undefined {
  if (!name) return undefined;
  return city.departments.find((d) => d.name === name || name.includes(d.name));
}

/** The department whose `handles` words appear in the question (a guess for no-answer replies). */
export function guessDepartment(city: CityConfig, query: string): Department | undefined {
  const q = query.normalize('NFKC');
  return city.departments.find((d) =>
    d.handles.some((h) => h.length >= 2 && q.includes(h.normalize('NFKC'))),
  );
}

/** The city's main contact as lines: name, phone and URL when city.yaml gives them, the note. */
export function cityContactLines(city: CityConfig): string[] {
  const c = city.contact;
  return [c.name, c.phone ? `電話: ${c.phone}` : '', c.url ?? '', c.note ?? ''].filter(Boolean);
}

/** A department as lines: name, where (contact), phone when given. */
export function departmentLines(d: Department): string[] {
  return [d.name, d.contact ?? '', d.phone ? `電話: ${d.phone}` : ''].filter(Boolean);
}

/** The contact line of an answer card: the entry's own, else its department's, plus its phone. */
export function entryContact(city: CityConfig, entry: FaqEntry): string | undefined {
  const dept = findDepartment(city, entry.department);
  const where = entry.contact ?? dept?.contact;
  const phone = dept?.phone && !(where ?? '').includes(dept.phone) ? `電話 ${dept.phone}` : '';
  const line = [where, phone].filter(Boolean).join(' ');
  return line || undefined;
}

/** A tap-to-call choice, only when a phone number is known. */
export function callChoice(phone: string | undefined, label = '電話をかける'): Choice[] {
  const digits = phone?.replace(/[^\d+]/g, '');
  return digits && digits.length >= 6 ? [{ label, uri: `tel:${digits}` }] : [];
}
