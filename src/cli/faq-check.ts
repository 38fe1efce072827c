/** `madoguchi faq check`: validates FAQ packs and lists every problem as `file:line field: message`. */
import { checkAllPacks, checkCity, checkPackDir, type CheckResult } from '../content/index.js';
import { formatProblem } from '../errors.js';
import { UsageError } from './cli-errors.js';
import { parseFlags, type Command } from './command.js';
import { TARGET_FLAGS } from './content-target.js';
import { EXIT } from './exit-codes.js';
import { faqRoot, seedsDir, shown, today } from './paths.js';

const USAGE = `usage: madoguchi faq check [--city ID | --faq-dir DIR] [--strict]

Validates FAQ packs and lists every problem as "file:line field: message".
  (no flag)       check faq/common and every city under faq/ (or $FAQ_DIR)
  --city ID       check faq/common + faq/ID together
  --faq-dir DIR   check one pack directory on its own
  --strict        warnings fail too

Checks: the YAML and every field (unknown fields get a "did you mean"), duplicate ids,
related ids and eval expectations that do not exist, sources that point past the seed
files ($MADOGUCHI_SEEDS_DIR, default ../shared/seeds), answers too long for LINE (error)
or for a chat (warning), fewer than 3 alt_questions, planned answers that do not read as
a plan, valid_until in the past, a city pack without city.yaml.
Exit: 0 clean, 1 errors (or warnings with --strict).

examples:
  madoguchi faq check
  madoguchi faq check --city komaki --strict`;

export const faqCheckCommand: Command = {
  name: 'faq check',
  summary: 'validate FAQ packs (file:line field: message)',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseFlags(args, { ...TARGET_FLAGS, strict: { type: 'boolean' } });
    if (values.city !== undefined && values['faq-dir'] !== undefined) {
      throw new UsageError('use either --city or --faq-dir, not both');
    }
    const opts = { seedsDir: seedsDir(io), today: today(io) };
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
