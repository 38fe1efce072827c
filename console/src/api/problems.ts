/**
 * The admin API explains refusals in English for developers (`title: must not be empty`); staff
 * read Japanese. These rules turn the API's problem lines into short Japanese sentences, keyed
 * by the form field they belong to so the page can show each one next to its field. A text no
 * rule knows is shown as it is: better an English hint than none.
 */

/** Problems by field (`title`, `message.params.body`, `target`, …); `''` = not tied to a field. */
export type Problems = Record<string, string>;

const RULES: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^must not be empty$|^is required$|^required by "/, () => '入力してください'],
  [/^must be at most (\d+) characters$/, (m) => `${m[1]}文字以内で入力してください`],
  [/^must be text$/, () => '文字で入力してください'],
  [/^must be an https:\/\/ address$/, () => 'https:// で始まるアドレスを入力してください'],
  [/^give linkLabel and linkUrl together$/, () => 'リンクの文字とアドレスは両方入力してください'],
  [/^must be a date and time like/, () => '日時を正しく入力してください'],
  [/^unknown topic "(.*?)"/, (m) => `「${m[1]}」という分野はありません`],
  [/^unknown area "(.*?)"/, (m) => `「${m[1]}」という地区はありません`],
  [
    /^give (\{ all: true \}|topics, areas)/,
    () => '送信先を選んでください（全員、または分野・地区・年代）',
  ],
  [/^unknown parameter/, () => 'このテンプレートでは使えない項目です'],
  [
    /^the send time (.+?) has already passed/,
    (m) => `送信日時（${m[1]}）が過ぎています。日時を直してください`,
  ],
  [/^no resident matches the target/, () => '送信先に当てはまる人がいません'],
];

/** One problem text in Japanese (the original when no rule matches). */
export function problemInJapanese(message: string): string {
  const text = message.trim();
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(text);
    if (m) return say(m);
  }
  return text;
}

/**
 * The form field a problem path belongs to. The API names paths after the notice
 * (`notice.title`, `target.topics`, `message.params`); the form has one place per field.
 */
function fieldOf(path: string): string {
  const p = path.replace(/^(notice|change)\./, '');
  if (p === 'target' || p.startsWith('target.') || /^(topics|areas|ages)\b/.test(p))
    return 'target';
  if (p === 'message.params') return 'message.params.linkUrl';
  if (/^message\.params\.[A-Za-z0-9]+$/.test(p)) return p;
  if (p === 'message' || p === 'message.text') return 'message.text';
  if (/^(title|department|contact|sendAt|urgent|token|q|month|department)$/.test(p)) return p;
  return '';
}

/**
 * Sorts the API's problems (lines `field: message`, or `{ field, message }`) by form field, in
 * Japanese. Several problems of one field are joined; problems of no known field go to `''`.
 */
export function problemsByField(raw: unknown): Problems {
  const out: Problems = {};
  if (!Array.isArray(raw)) return out;
  for (const item of raw) {
    let path = '';
    let message = '';
    if (typeof item === 'string') {
      const at = item.indexOf(': ');
      if (at > 0 && !/\s/.test(item.slice(0, at))) {
        path = item.slice(0, at);
        message = item.slice(at + 2);
      } else message = item;
    } else if (item && typeof item === 'object') {
      const o = item as { field?: unknown; message?: unknown };
      path = typeof o.field === 'string' ? o.field : '';
      message = typeof o.message === 'string' ? o.message : '';
    }
    if (!message) continue;
    const field = fieldOf(path);
    const ja = problemInJapanese(message);
    // Problems no field shows keep their path, so staff can still tell what is meant.
    const shown = field === '' && path ? `${path}: ${ja}` : ja;
    out[field] = out[field] ? `${out[field]}／${shown}` : shown;
  }
  return out;
}

/** What a refusal means for staff, by the API's stable error code. */
const CODE_MESSAGES: Record<string, string> = {
  'session/bad-token': 'トークンが正しくありません。確認してもう一度入力してください。',
  'session/too-many-attempts':
    'サインインの失敗が続いたため、しばらく受け付けません。時間をおいてからお試しください。',
  'session/none': 'サインインしてください。',
  'session/expired': '一定時間操作がなかったため、サインインが切れました。',
  'session/csrf': '画面の情報が古くなっています。ページを読み込み直してください。',
  'broadcast/not-found': 'このお知らせは見つかりません。',
  'broadcast/bad-request': '入力に誤りがあります。赤字の項目を直してください。',
  'broadcast/bad-notice': '入力に誤りがあります。赤字の項目を直してください。',
  'broadcast/send-time-passed': '送信日時が過ぎています。日時を直すか「今すぐ」を選んでください。',
  'segment/bad-target': '送信先の指定に誤りがあります。',
  'broadcast/bad-state':
    'このお知らせは、今の状態ではその操作ができません。画面を読み込み直してください。',
  'broadcast/count-changed': '送信先の人数が変わりました。新しい人数を確認してください。',
  'broadcast/no-recipients': '送信先に当てはまる人がいません。送信先を見直してください。',
  'broadcast/no-test-users':
    'テスト送信先のアカウントが設定されていません（ADMIN_TEST_USER_IDS）。',
  'broadcast/busy': 'ほかの操作と重なりました。少し待ってからもう一度お試しください。',
  'admin/not-ready': 'サーバーの準備中です。少し待ってからもう一度お試しください。',
  'reports/unavailable': '質問の記録を読み出せません。時間をおいてもう一度お試しください。',
};

/** A plain-Japanese summary of a refusal, by code and then by HTTP status. */
export function messageFor(status: number, code: string | undefined, fallback: string): string {
  if (code && CODE_MESSAGES[code]) return CODE_MESSAGES[code];
  if (code?.startsWith('line/'))
    return 'LINE への送信で問題が起きました。時間をおいてもう一度お試しください。';
  if (status === 0)
    return 'サーバーに接続できません。ネットワークを確認してください。入力内容は残っています。';
  if (status === 401) return 'サインインしてください。';
  if (status === 403) return 'この操作をする権限がありません。';
  if (status === 404) return '見つかりません。';
  if (status === 429)
    return '操作が続いたため、しばらく受け付けません。時間をおいてからお試しください。';
  if (status >= 500)
    return 'サーバーでエラーが起きました。時間をおいてもう一度お試しください。入力内容は残っています。';
  return fallback ? problemInJapanese(fallback) : `エラーが起きました（${status}）。`;
}
