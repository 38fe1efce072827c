// Personal data in what residents type: マイナンバー-like numbers are refused, phones and e-mails
// are masked before a question is recorded.

const SEP = '[\\s\\-‐‑‒–—―ー−.・]';
/** 12 digits in a row, or 4-4-4 split by spaces, hyphens or dots (after NFKC: full-width too). */
const MY_NUMBER = new RegExp(`(?<!\\d)(?:\\d{12}|\\d{4}${SEP}\\d{4}${SEP}\\d{4})(?!\\d)`);
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/** Japanese phone numbers: 0 + 9–10 digits, possibly split by hyphens, spaces or brackets. */
const PHONE = /(?<!\d)0\d{1,4}[-\s()（）]*\d{1,4}[-\s()（）]*\d{3,4}(?!\d)/g;

/** True when the text holds a number that looks like a マイナンバー (individual number). */
export function looksLikeMyNumber(text: string): boolean {
  return MY_NUMBER.test(text.normalize('NFKC'));
}

/** The question as it may be recorded: e-mails and phone numbers replaced, at most 200 chars. */
export function maskQuery(text: string): string {
  return text
    .normalize('NFKC')
    .replace(EMAIL, '[メール]')
    .replace(PHONE, '[電話番号]')
    .replace(/\d{5,}/g, '[数字]')
    .slice(0, 200);
}
