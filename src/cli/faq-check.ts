/** `madoguchi faq check`: validates FAQ packs and lists every problem as `file:line field: message`. */
import {
  checkAllPacks,
  checkCity,
  checkPackDir,
  loadTokenizer,
  type CheckResult,
  type EngineFactory,
} from '../content/index.js';
import { formatProblem } from '../errors.js';
import { UsageError } from './cli-errors.js';
import { parseFlags, type Command } from './command.js';
import { TARGET_FLAGS } from './content-target.js';
import { EXIT } from './exit-codes.js';
import { faqRoot, seedsDir, shown, today } from './paths.js';

const USAGE = `usage: madoguchi faq check [--city ID | --faq-dir DIR] [--strict] [--max-age MONTHS]
                          [--skip-engine]

Validates FAQ packs and lists every problem as "file:line field: message".
  (no flag)       check faq/common and every city under faq/ (or $FAQ_DIR)
  --city ID       check faq/common + faq/ID together
  --faq-dir DIR   check one pack directory on its own
  --strict        warnings fail too
  --max-age N     warn when an entry's as_of is more than N months old (default 36)
  --skip-engine   do not run alt_questions through the search engine (faster)

Checks: the YAML and every field (unknown fields get a "did you mean"), duplicate ids,
related ids and eval expectations that do not exist, sources that point past the seed
files ($MADOGUCHI_SEEDS_DIR, default ../shared/seeds), answers too long for LINE (error)
or for a chat (warning), fewer than 3 alt_questions, planned answers that do not read as
a plan, valid_until in the past, a city pack without city.yaml, links that are not
well-formed (or that the answer card cannot show), as_of older than --max-age, two entries
that compete for the same wording or have near-identical questions, and alt_questions
that the search engine does not answer with their own entry first.
Exit: 0 clean, 1 errors (or warnings with --strict).

examples:
  madoguchi faq check
  madoguchi faq check --city komaki --strict`;

export const faqCheckCommand: Command = {
  name: 'faq check',
  summary: 'validate FAQ packs (file:line field: message)',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseFlags(args, {
      ...TARGET_FLAGS,
      strict: { type: 'boolean' },
      'max-age': { type: 'string' },
      'skip-engine': { type: 'boolean' },
    });
    if (values.city !== undefined && values['faq-dir'] !== undefined) {
      throw new UsageError('use either --city or --faq-dir, not both');
    }
    const maxAge = values['max-age'] === undefined ? undefined : Number(values['max-age']);
    if (maxAge !== undefined && !(Number.isInteger(maxAge) && maxAge >= 0)) {
      throw new UsageError(
        `--max-age must be a whole number of months, got "${values['max-age']}"`,
      );
    }
    const opts = {
      seedsDir: seedsDir(io),
      today: today(io),
      ...(maxAge === undefined ? {} : { maxAgeMonths: maxAge }),
      ...(values['skip-engine'] ? {} : { engine: searchEngine() }),
    };
    let result: CheckResult;
    if (values['faq-dir'] !== undefined)
      result = await checkPackDir(shown(values['faq-dir']), opts);
    else if (values.city !== undefined) result = await checkCity(faqRoot(io), values.city, opts);
    else result = await checkAllPacks(faqRoot(io), opts);

    for (const p of result.problems) io.out(formatProblem(p));
    const errors = result.problems.filter((p) => p.severity === 'error').length;
    const warnings = result.problems.length - errors;
    const failed = errors > 0 || (values.strict === true && warnings > 0);
    io.out(
      `${failed ? 'FAILED' : 'OK'}: checked ${result.checked.join(', ') || 'nothing'}: ` +
        `${errors} error(s), ${warnings} warning(s)${values.strict ? ' (--strict)' : ''}`,
    );
    return failed ? EXIT.failed : EXIT.ok;
  },
};

/**
 * The real search for the alt_questions rule. The engine is imported on first use, so that
 * `faq check` keeps working while the engine is edited (its failure becomes one warning).
 */
function searchEngine(): EngineFactory {
  return async (entries, synonyms) => {
    const [{ buildIndex, search }, tokenize] = await Promise.all([
      import('../search/index.js'),
      loadTokenizer(),
    ]);
    const index = buildIndex(entries, { tokenize, synonyms });
    return (query) => search(index, query);
  };
}
