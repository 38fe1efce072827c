/**
 * The base error of Madoguchi. Every error we throw carries a stable `code` (e.g.
 * `faq/bad-field`) that edges map to an HTTP status, an exit code or a kind reply, a developer
 * `message`, and optionally a plain-Japanese `userMessage` a resident or staff member can read.
 * Never put personal data in either message.
 */
export class MadoguchiError extends Error {
  override name = 'MadoguchiError';
  constructor(
    readonly code: string,
    message: string,
    readonly userMessage?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A problem in a file, with the place it was found: `file:line field: message`. */
export interface Problem {
  file: string;
  line?: number;
  field?: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Renders a problem the way `madoguchi faq check` prints it. */
export function formatProblem(p: Problem): string {
  const place = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  const field = p.field ? ` ${p.field}` : '';
  return `${place}${field}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** Thrown when content (FAQ, synonyms, templates, schedules) fails to load; lists every problem. */
export class ContentError extends MadoguchiError {
  override name = 'ContentError';
  constructor(readonly problems: Problem[]) {
    super(
      'content/invalid',
      `${problems.length} problem(s):\n` + problems.map(formatProblem).join('\n'),
    );
  }
}

/** Thrown when a FAQ directory (the `faq/` root or a pack) does not exist. */
export class PackNotFoundError extends MadoguchiError {
  override name = 'PackNotFoundError';
  constructor(readonly dir: string) {
    super('content/not-found', `no FAQ directory at ${dir}`, 'FAQのフォルダが見つかりません。');
  }
}

/** Thrown when no pack exists for a city id; names the cities that do exist. */
export class UnknownCityError extends MadoguchiError {
  override name = 'UnknownCityError';
  constructor(
    readonly city: string,
    readonly known: string[],
  ) {
    super(
      'content/unknown-city',
      `unknown city "${city}"; cities with a pack: ${known.length > 0 ? known.join(', ') : '(none)'}`,
      'その市のFAQはまだありません。',
    );
  }
}
