/**
 * Numbers, shares and times as staff read them: 1,234人, 87%, 2026年11月21日 9:30 (always
 * Japan time, whatever the computer's own time zone is).
 */

const number = new Intl.NumberFormat('ja-JP');

/** 12345 → "12,345". */
export function formatCount(n: number | undefined): string {
  return n === undefined ? '—' : number.format(n);
}

/** 0.873 → "87%"; null/undefined (no data yet) → "—". */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || Number.isNaN(share)) return '—';
  return `${Math.round(share * 100)}%`;
}

const dateTime = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** An ISO instant in JST: "2026/11/21 9:30". */
export function formatJst(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/** A send time as the API keeps it ("2026-12-01 09:00" JST, or ISO) as formatJst shows it. */
export function formatSendAt(sendAt: string): string {
  const plain = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/.exec(sendAt.trim());
  return formatJst(plain ? `${plain[1]}T${plain[2]}:00+09:00` : sendAt);
}

/** "2026-11-21" → "11/21" for chart axes. */
export function shortDay(day: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${Number(m[1])}/${Number(m[2])}` : day;
}

/** This month in JST, as YYYY-MM (the unanswered queue's default: work still to do). */
export function thisMonthJst(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 7);
}

/** The month before this one in JST, as YYYY-MM (the default of the monthly pages). */
export function lastMonthJst(now = new Date()): string {
  const jst = new Date(now.getTime() + 9 * 3600_000);
  const y = jst.getUTCFullYear();
  const m = jst.getUTCMonth(); // 0-based: this is already "last month" as 1-based
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

/**
 * A send time as the API keeps it ("2026-04-01 09:30", JST, or ISO with an offset) as the value
 * of an `<input type="datetime-local">` in JST ("2026-04-01T09:30").
 */
export function sendAtToInput(sendAt: string | undefined): string {
  if (!sendAt) return '';
  const plain = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(:\d{2})?$/.exec(sendAt.trim());
  if (plain) return `${plain[1]}T${plain[2]}`;
  const d = new Date(sendAt);
  if (Number.isNaN(d.getTime())) return '';
  return new Date(d.getTime() + 9 * 3600_000).toISOString().slice(0, 16);
}

/** The input's JST value as the API reads it without an offset: "2026-04-01 09:30". */
export function inputToSendAt(value: string): string {
  return value.replace('T', ' ').slice(0, 16);
}
