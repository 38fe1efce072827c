/** Exit codes of `madoguchi`: one per kind of failure, so scripts can tell them apart. */
export const EXIT = {
  ok: 0,
  /** `faq check` found errors, or `faq eval` scored below `--min`. */
  failed: 1,
  /** Unknown command or flag, missing or conflicting arguments (usage is printed). */
  usage: 2,
  /** `--city` names a city that has no pack. */
  unknownCity: 3,
  /** A directory (`--faq-dir`, `FAQ_DIR`) or input file does not exist. */
  notFound: 4,
  /** The question is empty. */
  emptyQuestion: 5,
  /** The FAQ content does not load (run `madoguchi faq check`). */
  badContent: 6,
  /** Anything unexpected (a bug): the message is printed. */
  internal: 70,
} as const;

/** Exit code for a MadoguchiError `code`. */
export const EXIT_BY_ERROR_CODE: Readonly<Record<string, number>> = {
  'cli/usage': EXIT.usage,
  'content/unknown-city': EXIT.unknownCity,
  'content/not-found': EXIT.notFound,
  'cli/no-such-file': EXIT.notFound,
  'cli/empty-question': EXIT.emptyQuestion,
  'content/invalid': EXIT.badContent,
  'cli/bad-log-file': EXIT.failed,
  'cli/log-unavailable': EXIT.notFound,
};
