/**
 * More `faq check` rules on single entries and files: link format (what the answer card can
 * show: LINE's URI action takes http(s), tel and line links of ≤ 1,000 characters, a Flex
 * button label of ≤ 40 characters, and the card shows 3 links), and facts whose `as_of` is older
 * than a configurable age (one warning per file and date, not one per entry). Pure.
 */
import type { Problem } from '../errors.js';
import { ANSWER_MAX, LINE_LIMITS, graphemeLength } from '../messages/index.js';
import type { FaqEntry } from '../schema/index.js';
import { problemAt as at, type Site } from './pack-site.js';
import type { Pack } from './read-pack.js';

/** Links an answer card shows (`src/messages/cards.ts`); later ones are never seen. */
export const CARD_LINKS = 3;
/** `as_of` older than this many months gets a warning unless configured otherwise. */
export const DEFAULT_MAX_AGE_MONTHS = 36;

/** Hosts of documentation examples: a link to them is a placeholder, not a real page. */
const PLACEHOLDER_HOST = /(^|\.)example\.(com|net|org|jp|lg\.jp|co\.jp)$/i;
/** Japanese phone numbers as a tel: link: 0 + 9–10 digits (hyphens allowed), or +81. */
const TEL = /^(?:\+81-?|0)\d(?:-?\d){8,9}$/;

/** Link format and what the card can show of the entry's links and answer. */
export function checkLinks(entry: FaqEntry, site: Site): Problem[] {
  const out: Problem[] = [];
  entry.links.forEach((link, i) => {
    const field = `${entry.id}.links[${i}]`;
    const problem = (message: string, severity: Problem['severity'], key = 'url') =>
      out.push(at(site, ['links', i, key], `${field}.${key}`, message, severity));
    const url = link.url;
    if (url.length > LINE_LIMITS.uri) {
      problem(`${url.length} characters: LINE refuses links over ${LINE_LIMITS.uri}`, 'error');
    }
    if (/[\s\u3000]/.test(url) || /[^\x21-\x7e]/.test(url)) {
      problem('contains spaces or full-width characters: percent-encode them', 'error');
    }
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      problem('is not a valid URL', 'error');
    }
    if (parsed?.protocol === 'http:' || parsed?.protocol === 'https:') {
      if (!parsed.hostname.includes('.'))
        problem(`"${parsed.hostname}" is not a full host name`, 'error');
      else if (PLACEHOLDER_HOST.test(parsed.hostname)) {
        problem(
          `${parsed.hostname} is a placeholder: link the real page or remove the link`,
          'warning',
        );
      }
      if (parsed.protocol === 'http:')
        problem('use https: (http pages open with a warning)', 'warning');
    } else if (parsed?.protocol === 'tel:') {
      if (!TEL.test(parsed.pathname)) {
        problem(
          'a tel: link needs a Japanese phone number, digits and hyphens only (tel:0568-76-1111)',
          'error',
        );
      }
    } else if (parsed?.protocol === 'line:') {
      if (!url.startsWith('line://')) problem('LINE app links start with line://', 'error');
    }
    if (graphemeLength(link.label) > LINE_LIMITS.flexButtonLabel) {
      problem(
        `label is ${graphemeLength(link.label)} characters: a button shows ${LINE_LIMITS.flexButtonLabel}, the rest is cut`,
        'warning',
        'label',
      );
    }
  });
  if (entry.links.length > CARD_LINKS) {
    out.push(
      at(
        site,
        ['links', CARD_LINKS],
        `${entry.id}.links`,
        `${entry.links.length} links: the answer card shows the first ${CARD_LINKS} only`,
        'warning',
      ),
    );
  }
  if (entry.answer.length > ANSWER_MAX && entry.answer.length <= LINE_LIMITS.textUtf16) {
    out.push(
      at(
        site,
        ['answer'],
        `${entry.id}.answer`,
        `${entry.answer.length} UTF-16 units: the answer card cuts it at ${ANSWER_MAX}`,
        'warning',
      ),
    );
  }
  return out;
}

/** Whole months from `asOf` (YYYY-MM[-DD]) to `today` (YYYY-MM-DD). */
export function monthsSince(asOf: string, today: string): number {
  const [ay = 0, am = 1] = asOf.split('-').map(Number);
  const [ty = 0, tm = 1] = today.split('-').map(Number);
  return ty * 12 + tm - (ay * 12 + am);
}

/**
 * Entries whose `as_of` is more than `maxAgeMonths` old: one warning per file and date, at the
 * first such entry, naming how many entries share it (facts age together, per source plan).
 */
export function checkAsOfAge(
  packs: Pack[],
  today: string,
  limits: { override?: number; fallback: number },
): Problem[] {
  const groups = new Map<
    string,
    { site: Site; first: FaqEntry; count: number; age: number; maxAgeMonths: number }
  >();
  for (const pack of packs) {
    // The --max-age flag wins, then the pack's own city.yaml `review`, then the default.
    const maxAgeMonths =
      limits.override ?? pack.city?.review?.max_as_of_age_months ?? limits.fallback;
    for (const entry of pack.entries) {
      if (!entry.as_of || entry.status === 'ended') continue;
      const age = monthsSince(entry.as_of, today);
      if (age <= maxAgeMonths) continue;
      const site = pack.siteOf(entry);
      if (!site) continue;
      const key = `${site.file}\u0000${entry.as_of}`;
      const g = groups.get(key);
      if (g) g.count += 1;
      else groups.set(key, { site, first: entry, count: 1, age, maxAgeMonths });
    }
  }
  return [...groups.values()].map(({ site, first, count, age, maxAgeMonths }) =>
    at(
      site,
      ['as_of'],
      `${first.id}.as_of`,
      `${count === 1 ? 'this entry has' : `${count} entries in this file have`} facts as of ${first.as_of}, ${age} months ago (over ${maxAgeMonths}): check they are still true, then update as_of`,
      'warning',
    ),
  );
}
