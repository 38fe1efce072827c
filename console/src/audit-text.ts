/**
 * The audit log's words in Japanese. The server writes its `detail` and refused `result` codes
 * in English (for whoever reads the raw log); the console translates the formats it knows
 * (src/app/broadcast-drafts.ts, broadcast-send.ts) and shows any other text as it is.
 */
import type { BroadcastState } from './api/types.js';
import { STATE_LABELS } from './components/state-badge.js';
import { formatCount } from './display-format.js';

export const ACTION_LABELS: Record<string, string> = {
  'broadcast.create': 'お知らせを作成',
  'broadcast.update': 'お知らせを編集',
  'broadcast.test': 'テスト送信',
  'broadcast.confirm': '送信を確定',
  'broadcast.cancel': '取り消し',
  'session.sign_in': 'サインイン',
  'session.sign_in_failed': 'サインイン失敗',
  'session.sign_out': 'サインアウト',
};

/** The compose form's own names for the fields of a notice (`changed: title, message`). */
const FIELD_LABELS: Record<string, string> = {
  title: 'タイトル',
  message: '本文',
  department: '担当課',
  contact: '問い合わせ先',
  target: '送信先',
  sendAt: '送信日時',
  urgent: '緊急',
};

const RESULT_LABELS: Record<string, string> = {
  ok: '成功',
  'broadcast/count-changed': '人数が変わったため中止',
  'broadcast/no-recipients': '送信先に当てはまる人がいないため中止',
  'session/bad-token': 'トークンが違う',
};

const stateLabel = (state: string): string =>
  (STATE_LABELS as Partial<Record<string, string>>)[state as BroadcastState] ?? state;

const count = (n: string) => `${formatCount(Number(n))}人`;

type Rule = [RegExp, (m: RegExpExecArray) => string];

const DETAIL_RULES: Rule[] = [
  [
    /^changed: (.+)$/,
    (m) =>
      `変更した項目: ${(m[1] ?? '')
        .split(', ')
        .map((f) => FIELD_LABELS[f] ?? f)
        .join('、')}`,
  ],
  [
    /^sending (held until|at) (\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2}) JST( \(urgent\))?$/,
    (m) => {
      const at = `${m[2]}/${Number(m[3])}/${Number(m[4])} ${Number(m[5])}:${m[6]}`;
      const held = m[1] === 'held until' ? '（夜間のため、朝まで待ってから送ります）' : '';
      return `${at} に送信${held}${m[7] ? '（緊急）' : ''}`;
    },
  ],
  [
    /^the admin saw (\d+), the target reaches (\d+) now$/,
    (m) => `確認した人数 ${count(m[1] ?? '')}、今の送信先 ${count(m[2] ?? '')}`,
  ],
  [/^cancelled while (\w+)$/, (m) => `${stateLabel(m[1] ?? '')}の状態で取り消し`],
  [/^sent to the staff test accounts$/, () => '職員のテスト用アカウントに送信'],
];

/** An entry's `detail` in Japanese when its format is known, else as written. */
export function auditDetailText(action: string, detail: string): string {
  // A created notice's detail is its title: already the staff's own words.
  if (action === 'broadcast.create') return detail;
  for (const [pattern, say] of DETAIL_RULES) {
    const m = pattern.exec(detail);
    if (m) return say(m);
  }
  return detail;
}

/** `ok` → 成功; a known refusal in words; any other code as it is. */
export function auditResultText(result: string): string {
  return RESULT_LABELS[result] ?? result;
}
