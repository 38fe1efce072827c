/**
 * The one masker of personal data in free text, shared by the logs (`src/log`) and the
 * question log. NFKC first, so full-width digits, letters and separators are caught too.
 * 12-digit マイナンバー-like numbers are removed first (also split by spaces, hyphens or dots,
 * in any position), then phone numbers, postal codes and e-mail addresses are masked.
 */

/** What replaces a removed マイナンバー-like number. */
export const MY_NUMBER_REMOVED = '[マイナンバー削除]';

/** Separators residents put between digit groups (after NFKC): spaces, dashes, dots, ー. */
const SEP = '[\\s\\-‐‑‒–—―ー−.・]';
/**
 * 12 digits, possibly split by up to three separators between any two digits (「1234 - 5678」).
 * Not right after `+`: `+81 90 1234 5678` is a phone number with 12 digits.
 */
const MY_NUMBER = new RegExp(`(?<![\\d+])\\d(?:${SEP}{0,3}\\d){11}(?!\\d)`, 'g');
/** Japanese phone numbers: 0 (or +81) then 9–10 digits, split by hyphens, spaces or brackets. */
const PHONE = /(?<!\d)(?:\+81[\s-]?|0)\d{1,4}[-\s()]{0,2}\d{1,4}[-\s()]{0,2}\d{3,4}(?!\d)/g;
const EMAIL = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;
/** 〒485-0041, 485-0041, 〒4850041 (seven bare digits only after 〒: they could be anything). */
const POSTAL = /〒\s*\d{3}[-‐‑‒–—―ー−]?\d{4}(?!\d)|(?<![\d-])\d{3}[-‐‑‒–—―ー−]\d{4}(?![\d-])/g;

/** How each kind of personal data is replaced. */
export interface MaskStyle {
  phone(match: string): string;
  email(first: string, domain: string): string;
  /** Postal codes are left alone when absent. */
  postal?(match: string): string;
}

/** The number of digits of a phone match without the country code, or 0 if it is not one. */
function phoneDigits(match: string): number {
  const digits = match.replace(/\D/g, '').length;
  const national = match.startsWith('+81') ? digits - 2 : digits;
  // 0 + 9–10 digits; other lengths are not Japanese phone numbers.
  return national >= 9 && national <= 11 ? national : 0;
}

/** Logs: phones keep their last two digits, e-mails their first letter and domain. */
export const LOG_MASK: MaskStyle = {
  phone(match) {
    if (phoneDigits(match) === 0) return match;
    let keep = 2;
    return match
      .split('')
      .reverse()
      .map((ch) => (/\d/.test(ch) ? (keep-- > 0 ? ch : '*') : ch))
      .reverse()
      .join('');
  },
  email: (first, domain) => `${first}***@${domain}`,
};

/** The question log: nothing of a phone, e-mail or postal code is kept, only what it was. */
export const QUESTION_MASK: MaskStyle = {
  phone: (match) => (phoneDigits(match) === 0 ? match : '[電話番号]'),
  email: () => '[メール]',
  postal: () => '[郵便番号]',
};

/** Masks personal data in `text` (NFKC-normalised) the way `style` says. */
export function maskPersonalData(text: string, style: MaskStyle): string {
  let out = text
    .normalize('NFKC')
    .replace(MY_NUMBER, MY_NUMBER_REMOVED)
    .replace(PHONE, (m) => style.phone(m));
  if (style.postal) out = out.replace(POSTAL, (m) => style.postal!(m));
  return out.replace(EMAIL, (_m, first: string, domain: string) => style.email(first, domain));
}

/** Longest question kept in the log (characters); LINE text messages can be far longer. */
export const MAX_LOGGED_QUESTION = 300;

/** A resident's question as the question log may keep it: masked, trimmed, bounded. */
export function maskQuestion(text: string): string {
  return [...maskPersonalData(text, QUESTION_MASK).trim()].slice(0, MAX_LOGGED_QUESTION).join('');
}
