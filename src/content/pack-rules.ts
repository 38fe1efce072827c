/**
 * The checks `madoguchi faq check` runs on packs that loaded: links between entries, sources,
 * eval cases, dates and lengths. Pure: packs, seed line counts and today's date come in.
 */
import type { Problem } from '../errors.js';
import type { FaqEntry } from '../schema/index.js';
import { problemAt as at, type Site } from './pack-site.js';
import type { Pack } from './read-pack.js';
import type { SeedLines } from './seeds.js';

/** LINE's limit for a text message, in UTF-16 code units (Messaging API reference, text message). */
export const LINE_TEXT_LIMIT = 5000;
/** Longer than this (in characters) reads badly in a chat bubble. */
export const CHAT_ANSWER_LIMIT = 500;
/** Fewer alternative wordings than this make an entry hard to find. */
export const MIN_ALT_QUESTIONS = 3;
/** A planned service must read as a plan: at least one of these words. */
export const PLAN_WORDS = ['計画', '予定', '検討', '準備'];

export interface RuleOptions {
  /** Line counts of the seed files, or undefined when the seeds are not available. */
  seeds?: SeedLines;
  /** Today as YYYY-MM-DD, for `valid_until`. */
  today: string;
}

/**
 * Checks packs loaded together (common then a city, or one pack alone). `packs[last]` is the
 * pack whose eval cases run; ids from every pack count as existing.
 */
export function checkPacks(packs: Pack[], opts: RuleOptions): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set(packs.flatMap((p) => [...p.writtenIds]));
  const wordings = new Set(
    packs.flatMap((p) => p.entries.flatMap((e) => [e.question, ...e.alt_questions].map(plain))),
  );
  for (const pack of packs) {
    for (const entry of pack.entries) {
      const site = pack.siteOf(entry);
      if (site) problems.push(...checkEntry(entry, site, ids, opts));
    }
    if (pack.city) {
      const site = pack.siteOf(pack.city);
      pack.city.departments.forEach((d, i) => {
        if (site && d.source) {
          problems.push(
            ...checkSource(
              d.source,
              site,
              ['departments', i, 'source'],
              `departments[${i}].source`,
              opts,
            ),
          );
        }
      });
      pack.city.source.forEach((s, i) => {
        if (site) problems.push(...checkSource(s, site, ['source', i], `source[${i}]`, opts));
      });
    }
    const catalogue = pack.procedures;
    const catalogueSite = catalogue && pack.siteOf(catalogue);
    if (catalogue?.source && catalogueSite) {
      problems.push(...checkSource(catalogue.source, catalogueSite, ['source'], 'source', opts));
    }
  }
  const own = packs[packs.length - 1];
  for (const c of own?.evalCases ?? []) {
    const site = own?.siteOf(c);
    if (!site) continue;
    const expected = c.expect === 'none' ? [] : Array.isArray(c.expect) ? c.expect : [c.expect];
    for (const id of expected) {
      if (!ids.has(id)) {
        problems.push(at(site, ['expect'], 'expect', `no entry has the id "${id}"`, 'error'));
      }
    }
    if (wordings.has(plain(c.q))) {
      problems.push(
        at(
          site,
          ['q'],
          'q',
          'this question is also written in the pack: word eval questions differently',
          'warning',
        ),
      );
    }
  }
  return problems;
}

function checkEntry(entry: FaqEntry, site: Site, ids: Set<string>, opts: RuleOptions): Problem[] {
  const out: Problem[] = [];
  const f = (field: string): string => `${entry.id}.${field}`;
  entry.related.forEach((id, i) => {
    if (!ids.has(id)) {
      out.push(
        at(site, ['related', i], f(`related[${i}]`), `no entry has the id "${id}"`, 'error'),
      );
    }
  });
  const sources = entry.source ?? [];
  sources.forEach((s, i) => {
    // `['source', i]` also finds a single `source:` scalar (the walk stops at the deepest node).
    out.push(
      ...checkSource(
        s,
        site,
        ['source', i],
        f(sources.length > 1 ? `source[${i}]` : 'source'),
        opts,
      ),
    );
  });
  if (entry.answer.length > LINE_TEXT_LIMIT) {
    out.push(
      at(
        site,
        ['answer'],
        f('answer'),
        `${entry.answer.length} UTF-16 units: LINE refuses text over ${LINE_TEXT_LIMIT}`,
        'error',
      ),
    );
  } else if ([...entry.answer].length > CHAT_ANSWER_LIMIT) {
    out.push(
      at(
        site,
        ['answer'],
        f('answer'),
        `${[...entry.answer].length} characters: too long for a chat, aim for ~250 (at most ${CHAT_ANSWER_LIMIT})`,
        'warning',
      ),
    );
  }
  if (entry.alt_questions.length < MIN_ALT_QUESTIONS) {
    out.push(
      at(
        site,
        ['alt_questions'],
        f('alt_questions'),
        `${entry.alt_questions.length} alt_questions: add at least ${MIN_ALT_QUESTIONS} ways residents would ask (colloquial, kana-only, keywords)`,
        'warning',
      ),
    );
  }
  if (entry.status === 'planned' && !PLAN_WORDS.some((w) => entry.answer.includes(w))) {
    out.push(
      at(
        site,
        ['answer'],
        f('answer'),
        `status is planned but the answer does not read as a plan (use one of ${PLAN_WORDS.join('/')}, e.g. 「〜する計画です」)`,
        'warning',
      ),
    );
  }
  if (entry.valid_until && entry.status !== 'ended' && isPast(entry.valid_until, opts.today)) {
    out.push(
      at(
        site,
        ['valid_until'],
        f('valid_until'),
        `${entry.valid_until} has passed: update the answer and the date, or set status: ended`,
        'warning',
      ),
    );
  }
  return out;
}

function checkSource(
  ref: string,
  site: Site,
  path: (string | number)[],
  field: string,
  opts: RuleOptions,
): Problem[] {
  if (!opts.seeds) return [];
  const m = /^([^:\s]+):(\d+)(?:-(\d+))?$/.exec(ref);
  if (!m) return [];
  const [, file = '', first = '0', last = first] = m;
  const count = opts.seeds.get(file);
  const problem = (message: string): Problem => at(site, path, field, message, 'error');
  if (count === undefined) return [problem(`"${ref}": there is no seed file "${file}"`)];
  const a = Number(first);
  const b = Number(last);
  if (a < 1 || b < a) return [problem(`"${ref}": not a valid line range`)];
  if (b > count) return [problem(`"${ref}": ${file} has only ${count} lines`)];
  return [];
}

/** `2025-03` has passed when today is in April 2025 or later; a full date the day after. */
function isPast(validUntil: string, today: string): boolean {
  return today.slice(0, validUntil.length) > validUntil;
}

/** Compare wordings loosely: width, spaces and a final question mark do not matter. */
function plain(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[?？。]+$/, '')
    .toLowerCase();
}
